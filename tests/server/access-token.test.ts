/**
 * ACCESS (issue 4): the device token buys short-lived access tokens (POST /auth/token); sync,
 * history and admin calls take only those. Expiry is 401 tokenExpired; a revoked device or a
 * disabled account is refused at its next request and at the next exchange, with the reason
 * (deviceRevoked, accountDisabled: the device wipes its data, issue 14.5); forged tokens and
 * device tokens on those calls are 401 unauthorized. The client's HTTP transport and the sync
 * engine renew the token transparently, and report `deviceRevoked` once the device is revoked.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { AppDB } from '../../src/client/storage/db';
import { getMeta } from '../../src/client/storage/meta';
import { writeChanges } from '../../src/client/storage/write';
import { SyncEngine } from '../../src/client/sync/engine';
import { HttpTransport } from '../../src/client/sync/transport';
import { PROTOCOL_VERSION, type AccessTokenResponse, type ApiError, type SessionInfo } from '../../src/protocol';
import { loadConfig } from '../../src/server/config';
import { openMemoryStore } from './store/memory-store';
import type { Store } from '../../src/server/store/store';
import { addUser } from './store/contract-first-run';
import { call, fakeClock, roomPatch, setUp, testApp, type TestApp } from './helpers';

const TTL_S = 120;
const PULL = `/api/v1/sync/pull?since=0&protocolVersion=${PROTOCOL_VERSION}`;

let store: Store;
let app: TestApp;
const clock = fakeClock();
let admin: SessionInfo;

const exchange = (deviceToken: string, on: TestApp = app) => call<AccessTokenResponse & ApiError>(on, 'POST', '/api/v1/auth/token', { token: deviceToken });
const raw = (path: string, token: string, on: TestApp = app) => call<ApiError>(on, 'GET', path, { token, raw: true });

async function signIn(login: string, password: string): Promise<SessionInfo> {
  return (await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login, password, deviceName: 'tablet' } })).body;
}

beforeAll(async () => {
  store = await openMemoryStore();
  await store.migrate();
  ({ app } = testApp(store, { clock: clock.now, config: loadConfig({ ACCESS_TOKEN_TTL_SECONDS: String(TTL_S) }) }));
  admin = await setUp(app);
});
afterAll(async () => { await store.close(); });

describe('ACCESS: short-lived access tokens on the server', () => {
  it('ACCESS-EXCHANGE: the device token buys an access token that works on sync; the device token itself is refused there', async () => {
    const res = await exchange(admin.deviceToken);
    expect(res.status).toBe(200);
    expect(res.body.expiresInSeconds).toBe(TTL_S);
    expect(res.body.accessToken).not.toContain(admin.deviceToken);
    expect((await raw(PULL, res.body.accessToken)).status).toBe(200);
    const withDevice = await raw(PULL, admin.deviceToken);
    expect(withDevice.status).toBe(401);
    expect(withDevice.body.error).toBe('unauthorized');
    // An access token cannot buy another one, nor sign the device out.
    expect((await exchange(res.body.accessToken)).status).toBe(401);
    expect((await call(app, 'POST', '/api/v1/auth/logout', { token: res.body.accessToken })).status).toBe(401);
  });

  it('ACCESS-EXPIRY: after its lifetime the token is refused with 401 tokenExpired, and a new exchange works again', async () => {
    const { accessToken } = (await exchange(admin.deviceToken)).body;
    clock.advance(TTL_S * 1000 - 1);
    expect((await raw(PULL, accessToken)).status).toBe(200);
    clock.advance(1);
    const expired = await raw(PULL, accessToken);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ error: 'tokenExpired', message: expect.any(String) });
    expect((await raw(PULL, (await exchange(admin.deviceToken)).body.accessToken)).status).toBe(200);
  });

  it('ACCESS-REVOKE: revoking the device or disabling the account ends its access token at the next request and refuses the next exchange', async () => {
    await addUser(store, admin.user.organizationId, { id: uuidv7(), login: 'ewa.terapeutka', password: 'haslo-terapeutki', roles: ['therapist'], unitIds: admin.user.unitIds });
    const tablet = await signIn('ewa.terapeutka', 'haslo-terapeutki');
    const phone = await signIn('ewa.terapeutka', 'haslo-terapeutki');
    const tabletAccess = (await exchange(tablet.deviceToken)).body.accessToken;
    const phoneAccess = (await exchange(phone.deviceToken)).body.accessToken;
    expect((await raw(PULL, tabletAccess)).status).toBe(200);

    expect((await call(app, 'POST', `/api/v1/admin/devices/${tablet.deviceId}/revoke`, { token: admin.deviceToken })).status).toBe(204);
    expect(await raw(PULL, tabletAccess)).toMatchObject({ status: 401, body: { error: 'deviceRevoked' } });
    expect(await exchange(tablet.deviceToken)).toMatchObject({ status: 401, body: { error: 'deviceRevoked' } });
    expect((await raw(PULL, phoneAccess)).status).toBe(200);

    const account = tablet.user.id;
    expect((await call(app, 'PATCH', `/api/v1/admin/accounts/${account}`, { token: admin.deviceToken, body: { disabled: true } })).status).toBe(204);
    expect(await raw(PULL, phoneAccess)).toMatchObject({ status: 401, body: { error: 'accountDisabled' } });
    expect(await exchange(phone.deviceToken)).toMatchObject({ status: 401, body: { error: 'accountDisabled' } });
  });

  it('ACCESS-FORGED: a token with a changed payload, one signed by another server key, or garbage is 401 unauthorized', async () => {
    const { accessToken } = (await exchange(admin.deviceToken)).body;
    const [prefix, payload, mac] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as { e: number };
    const longer = Buffer.from(JSON.stringify({ ...claims, e: claims.e + 86_400_000 })).toString('base64url');
    for (const forged of [`${prefix}.${longer}.${mac}`, `${accessToken}x`, 'at1.e30.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'x'.repeat(40)]) {
      expect(await raw(PULL, forged), forged.slice(0, 12)).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    }
    const other = testApp(store, { clock: clock.now }).app;
    expect((await raw(PULL, accessToken, other)).status).toBe(401);
  });

  it('ACCESS-SHARED-KEY: server processes configured with the same ACCESS_TOKEN_SECRET accept each other’s tokens', async () => {
    const config = loadConfig({ ACCESS_TOKEN_SECRET: 'wspolny-klucz-serwerow-obecni-0123456789' });
    const first = testApp(store, { clock: clock.now, config }).app;
    const second = testApp(store, { clock: clock.now, config }).app;
    const { accessToken } = (await exchange(admin.deviceToken, first)).body;
    expect((await raw(PULL, accessToken, second)).status).toBe(200);
  });

  it('ACCESS-LOGS: neither token appears in the log lines', async () => {
    const { app: logged, logger } = testApp(store, { clock: clock.now });
    const { accessToken } = (await exchange(admin.deviceToken, logged)).body;
    await raw(PULL, accessToken, logged);
    clock.advance(16 * 60_000);
    await raw(PULL, accessToken, logged);
    const text = logger.lines.join('\n');
    expect(text).not.toContain(accessToken.slice(4, 30));
    expect(text).not.toContain(admin.deviceToken);
  });
});

describe('ACCESS-CLIENT: the HTTP transport and the sync engine renew access tokens transparently', () => {
  /** The real transport over the in-process app, counting the exchanges and able to go offline. */
  function transport(on: TestApp) {
    const seen = { exchanges: 0, offline: false, server: on };
    const t = new HttpTransport('http://obecni.test', (input, init) => {
      if (seen.offline) return Promise.reject(new TypeError('Failed to fetch'));
      if (input.endsWith('/auth/token')) seen.exchanges += 1;
      return Promise.resolve(seen.server.request(input, init));
    }, clock.now);
    return { t, seen };
  }

  it('ACCESS-CLIENT-RENEW: one exchange serves many calls; an expired token is renewed before the call, and a refused one (new server key) is renewed and the call repeated', async () => {
    const { t, seen } = transport(app);
    await Promise.all([t.pull(admin.deviceToken, 0, 10), t.pull(admin.deviceToken, 0, 10)]);
    await t.pull(admin.deviceToken, 0, 10);
    expect(seen.exchanges).toBe(1);
    clock.advance(TTL_S * 1000);
    expect((await t.pull(admin.deviceToken, 0, 10)).changes.length).toBeGreaterThan(0);
    expect(seen.exchanges).toBe(2);

    // The server restarts with a new key: the kept token is refused, the transport renews it and the call succeeds.
    const restarted = testApp(store, { clock: clock.now, config: loadConfig({ ACCESS_TOKEN_TTL_SECONDS: String(TTL_S) }) }).app;
    const { t: t2, seen: seen2 } = transport(app);
    await t2.pull(admin.deviceToken, 0, 10);
    seen2.server = restarted;
    expect((await t2.pull(admin.deviceToken, 0, 10)).changes.length).toBeGreaterThan(0);
    expect(seen2.exchanges).toBe(2);
  });

  it('ACCESS-CLIENT-ENGINE: a device syncs across an expiry without the user noticing; offline nothing changes; after revocation the engine reports deviceRevoked (the state layer then wipes the device)', async () => {
    await addUser(store, admin.user.organizationId, { id: uuidv7(), login: 'jan.koordynator', password: 'haslo-koordynatora', roles: ['coordinator'], unitIds: admin.user.unitIds });
    const session = await signIn('jan.koordynator', 'haslo-koordynatora');
    const stored = { deviceId: session.deviceId, deviceToken: session.deviceToken, userId: session.user.id, displayName: session.user.displayName, login: session.user.login, roles: session.user.roles, unitIds: session.user.unitIds, organizationId: session.user.organizationId };
    const db = new AppDB(`access-${uuidv7()}`);
    await db.open();
    const { t, seen } = transport(app);
    const engine = new SyncEngine({ db, session: stored, transport: t, nowMs: clock.now, withLock: (task) => task() });
    const ctx = { deviceId: session.deviceId, userId: session.user.id, organizationId: session.user.organizationId, nowMs: clock.now };
    const write = (name: string) => writeChanges(db, ctx, [{ entity: 'rooms', id: uuidv7(), patch: roomPatch(session.user.unitIds[0]!, name) }]);

    expect(await engine.sync()).toBe(true);
    await write('Sala po wygaśnięciu');
    clock.advance(TTL_S * 1000 + 1);
    expect(await engine.sync()).toBe(true);
    expect(engine.status).toMatchObject({ pending: 0, lastError: null });
    expect(seen.exchanges).toBe(2);

    seen.offline = true;
    await write('Sala bez sieci');
    const cursor = await getMeta(db, 'cursor');
    expect(await engine.sync()).toBe(false);
    expect(engine.status).toMatchObject({ pending: 1, lastError: 'network' });
    expect(await getMeta(db, 'cursor')).toBe(cursor);
    expect(await db.entity('rooms').count()).toBeGreaterThan(1);

    seen.offline = false;
    expect((await call(app, 'POST', `/api/v1/admin/devices/${session.deviceId}/revoke`, { token: admin.deviceToken })).status).toBe(204);
    expect(await engine.sync()).toBe(false);
    expect(engine.status).toMatchObject({ pending: 1, lastError: 'deviceRevoked' });
    await expect(t.pull(session.deviceToken, 0, 10)).rejects.toMatchObject({ code: 'deviceRevoked', status: 401 });
    engine.stop();
    db.close();
  });
});
