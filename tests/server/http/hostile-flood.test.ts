/**
 * HOSTILE-FLOOD-*: one device, or one address, flooding the server (issue 14, item 7). A device
 * may have DEVICE_MAX_IN_FLIGHT calls in flight; the rest are refused at once, 429 rateLimited
 * with Retry-After, before any database work, so health and other devices keep being answered;
 * a flood of sign-ins from one address is capped the same way. No timing assertions: the test
 * checks who is refused and who is served (the timing figure is in the load bench).
 */
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type ApiError, type PushResponse, type SessionInfo } from '../../../src/protocol';
import { loadConfig } from '../../../src/server/config';
import { IN_FLIGHT } from '../../../src/server/login-throttle';
import type { Store } from '../../../src/server/store/store';
import { SETUP, hlc, mutation, roomPatch, setUp, testApp, type TestApp } from '../helpers';
import { accountWithDevice, openInspectableStore, send, storeKinds, type Answer } from './hostile-helpers';

const T0 = Date.UTC(2026, 10, 23, 8);

for (const kind of storeKinds()) describe(`HOSTILE-FLOOD (${kind}): one device or one address cannot stall the server`, () => {
  let store: Store;
  let app: TestApp;
  let admin: SessionInfo;
  let flooder: SessionInfo;
  let driver: SessionInfo;
  let unitId: string;
  let stamp = T0;

  beforeAll(async () => {
    ({ store } = await openInspectableStore(kind));
    app = testApp(store, { config: loadConfig({ TRUST_PROXY: '1' }) }).app;
    admin = await setUp(app);
    unitId = admin.user.unitIds[0]!;
    flooder = await accountWithDevice(store, admin, 'coordinator', [unitId]);
    driver = await accountWithDevice(store, admin, 'driver', [unitId]);
  });
  afterAll(async () => { await store.close(); });

  const pushBody = (session: SessionInfo, n: number) => JSON.stringify({
    protocolVersion: PROTOCOL_VERSION, deviceId: session.deviceId,
    mutations: Array.from({ length: n }, (_, i) => mutation('rooms', uuidv7(), roomPatch(unitId, `Sala ${i}`), hlc((stamp += 1), session.deviceId))),
  });
  const pushOf = (session: SessionInfo, n: number) => send(app, 'POST', '/api/v1/sync/push', { token: session.deviceToken, body: pushBody(session, n) });
  const pullOf = (session: SessionInfo) => send(app, 'GET', `/api/v1/sync/pull?since=0&limit=10&protocolVersion=${PROTOCOL_VERSION}`, { token: session.deviceToken });
  const health = () => send(app, 'GET', '/api/v1/health');
  const busy = (a: Answer) => a.status === 429 && (a.json as ApiError).error === 'rateLimited';

  it('HOSTILE-FLOOD-DEVICE: 40 parallel pushes of one device: the ones over its in-flight limit are 429 with Retry-After and write nothing; health and other devices are served meanwhile', async () => {
    // One call first, so both devices hold an access token before the flood.
    expect((await pushOf(flooder, 1)).status).toBe(200);
    expect((await pushOf(admin, 1)).status).toBe(200);
    expect((await pullOf(driver)).status).toBe(200);
    const before = (await store.sync.maxSeq(admin.user.organizationId));
    const flood = Promise.all(Array.from({ length: 40 }, () => pushOf(flooder, 100)));
    // Other devices within their own limit (two calls each at most), and health.
    const others = Promise.all([health(), pushOf(admin, 5), pullOf(driver), health(), pullOf(admin), health()]);
    const [floodAnswers, otherAnswers] = await Promise.all([flood, others]);

    expect(otherAnswers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const served = floodAnswers.filter((a) => a.status === 200);
    const refused = floodAnswers.filter(busy);
    expect(served.length + refused.length).toBe(40);
    expect(served.length).toBeLessThan(40);
    expect(refused.length).toBeGreaterThan(0);
    for (const s of served) expect((s.json as PushResponse).accepted, JSON.stringify((s.json as PushResponse).rejected[0])).toHaveLength(100);
    // Only the served pushes (and the other device's 5) were written: a refused push left nothing.
    expect(await store.sync.maxSeq(admin.user.organizationId)).toBe(before + served.length * 100 + 5);

    const res = await app.request('/api/v1/health');
    expect(res.status).toBe(200);
    // Once the flood is over, the device is served again.
    expect((await pushOf(flooder, 1)).status).toBe(200);
  });

  it('HOSTILE-FLOOD-RETRY-AFTER: a refused call says when to retry (Retry-After in seconds)', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => app.request('/api/v1/sync/push', {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${accessOf(flooder)}` }, body: pushBody(flooder, 20),
    })));
    const refused = answers.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('HOSTILE-FLOOD-LOGIN: a flood of sign-ins from one address is capped in flight; another address signs in meanwhile and health answers', async () => {
    const flood = Promise.all(Array.from({ length: 40 }, (_, i) => send(app, 'POST', '/api/v1/auth/login', {
      body: JSON.stringify({ login: `nikt.${i}`, password: 'zle-haslo', deviceName: '' }), headers: { 'x-forwarded-for': '198.51.100.77' },
    })));
    const others = Promise.all([
      send(app, 'POST', '/api/v1/auth/login', { body: JSON.stringify({ login: SETUP.login, password: SETUP.password, deviceName: 'Biuro' }), headers: { 'x-forwarded-for': '192.0.2.5' } }),
      health(),
    ]);
    const [floodAnswers, otherAnswers] = await Promise.all([flood, others]);
    expect(otherAnswers.map((a) => a.status)).toEqual([200, 200]);
    expect(floodAnswers.filter((a) => a.status === 401).length).toBeLessThanOrEqual(IN_FLIGHT.perAddress * 4);
    expect(floodAnswers.filter(busy).length).toBeGreaterThan(0);
    expect(floodAnswers.every((a) => a.status === 401 || busy(a))).toBe(true);
  });

  /** The access token `send` got for a device (exchanged once, as a tablet does). */
  function accessOf(session: SessionInfo): string {
    const token = tokens.get(session.deviceToken);
    if (!token) throw new Error('no access token yet');
    return token;
  }
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    const res = await app.request('/api/v1/auth/token', { method: 'POST', headers: { authorization: `Bearer ${flooder.deviceToken}` } });
    tokens.set(flooder.deviceToken, ((await res.json()) as { accessToken: string }).accessToken);
  });
});
