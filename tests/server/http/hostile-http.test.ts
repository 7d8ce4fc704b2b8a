/**
 * HOSTILE-HTTP: every endpoint of src/server/routes fed malformed, oversized, wrongly typed and
 * hostile input by fast-check. Each answer is a 4xx with a reason code from the protocol (never a
 * 500), and a digest of every table is the same before and after: a refused request writes nothing.
 * (Sync payloads: hostile-push.test.ts.)
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type SessionInfo } from '../../../src/protocol';
import type { Store } from '../../../src/server/store/store';
import { SETUP, call, setUp, testApp, type TestApp } from '../helpers';
import { HOSTILE_RUNS, accountWithDevice, storeKinds, brokenBody, corrupted, digest, enc, expectRefusal, nastyJson, nastyString, notAString, openInspectableStore, send } from './hostile-helpers';

const PASSWORD = 'haslo-do-testow-123';
/** True when `text` is a JSON object (a well-formed demo request, for instance). */
function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text.replace(/^\ufeff/, ''));
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}
const longText = (n: number) => fc.integer({ min: n + 1, max: n + 5_000 }).map((k) => 'a'.repeat(k));

for (const kind of storeKinds()) describe(`HOSTILE-HTTP (${kind}): hostile input to every endpoint is refused with a reason code and writes nothing`, () => {
  let store: Store;
  let sql: <T>(text: string) => Promise<T[]>;
  let app: TestApp;
  let admin: SessionInfo;
  let therapist: SessionInfo;
  let therapistId: string;
  const sessions: Record<string, SessionInfo> = {};

  beforeAll(async () => {
    ({ store, sql } = await openInspectableStore(kind));
    app = testApp(store).app;
    admin = await setUp(app);
    const unitId = admin.user.unitIds[0]!;
    for (const role of ['therapist', 'driver', 'kitchen', 'coordinator'] as const) sessions[role] = await accountWithDevice(store, admin, role, [unitId]);
    therapistId = sessions.therapist!.user.id;
    therapist = sessions.therapist!;
  });
  afterAll(async () => { await store.close(); });

  /** Runs `property` and checks that the database is untouched after each run. */
  async function unchanged<T>(arb: fc.Arbitrary<T>, run: (value: T) => Promise<void>, runs = HOSTILE_RUNS): Promise<void> {
    await fc.assert(fc.asyncProperty(arb, async (value) => {
      const before = await digest(sql);
      await run(value);
      expect(await digest(sql), 'the database changed').toBe(before);
    }), { numRuns: runs });
  }

  it('HOSTILE-SETUP: setup and the demo load on a server already set up are refused, whatever the body', async () => {
    await unchanged(fc.oneof(brokenBody, nastyJson.map((v) => JSON.stringify(v))), async (body) => {
      expectRefusal(await send(app, 'POST', '/api/v1/setup', { body }), 'setup', ['invalidRequest', 'alreadyInitialized']);
      expectRefusal(await send(app, 'POST', '/api/v1/setup/demo', { body }), 'demo', ['invalidRequest', 'alreadyInitialized']);
    });
  });

  it('HOSTILE-SETUP-EMPTY: on an empty server, a broken setup form or demo request is refused and nothing is created', async () => {
    const fresh = await openInspectableStore(kind);
    const empty = testApp(fresh.store).app;
    try {
      const valid = { ...SETUP } as Record<string, unknown>;
      const form = corrupted(valid, {
        organizationName: fc.oneof(notAString, longText(100), fc.constant('   ')), city: fc.oneof(notAString, longText(100)),
        unitName: fc.oneof(notAString, longText(100)), unitKind: fc.oneof(notAString, nastyString), adminName: fc.oneof(notAString, fc.constant('')),
        login: fc.oneof(notAString, nastyString.filter((s) => !/^[a-z0-9._-]{3,40}$/.test(s.trim().toLowerCase()))),
        password: fc.oneof(notAString, fc.string({ maxLength: 9 }), longText(200)),
      });
      await fc.assert(fc.asyncProperty(fc.oneof(form.map((v) => JSON.stringify(v)), brokenBody), fc.oneof(brokenBody.filter((b) => b.trim() !== '' && !isJsonObject(b)), fc.record({ deviceName: fc.oneof(notAString, longText(100), fc.constantFrom('Tablet\u0000', '\ud800')) }).map((v) => JSON.stringify(v))), async (setupBody, demoBody) => {
        expectRefusal(await send(empty, 'POST', '/api/v1/setup', { body: setupBody }), 'setup', ['invalidRequest']);
        expectRefusal(await send(empty, 'POST', '/api/v1/setup/demo', { body: demoBody }), 'demo', ['invalidRequest']);
        expect(await fresh.sql('SELECT 1 FROM organizations UNION ALL SELECT 1 FROM users UNION ALL SELECT 1 FROM records')).toEqual([]);
      }), { numRuns: HOSTILE_RUNS });
      // The refusals left the server usable: a correct setup still works.
      expect((await call(empty, 'POST', '/api/v1/setup', { body: SETUP })).status).toBe(200);
    } finally {
      await fresh.store.close();
    }
  });

  it('HOSTILE-LOGIN: broken sign-in requests are refused (400, 401 or 429) and create no device', async () => {
    const valid = { login: SETUP.login, password: 'zle-haslo-0000', deviceName: 'Tablet' };
    const body = fc.oneof(
      corrupted(valid, { login: fc.oneof(notAString, nastyString, longText(40)), password: fc.oneof(notAString, nastyString, longText(200)), deviceName: fc.oneof(notAString, nastyString, longText(100)) }).map((v) => JSON.stringify(v)),
      brokenBody,
    );
    // Every malformed attempt costs nothing; a well-formed one costs a password check (scrypt): keep the runs few.
    await unchanged(body, async (b) => {
      expectRefusal(await send(app, 'POST', '/api/v1/auth/login', { body: b }), 'login', ['invalidRequest', 'unauthorized', 'rateLimited']);
    }, Math.min(HOSTILE_RUNS, 20));
  });

  it('HOSTILE-TOKEN: malformed, unknown and hostile bearer tokens are 401 on every signed-in endpoint', async () => {
    const paths: [string, string][] = [
      ['POST', '/api/v1/auth/logout'], ['GET', '/api/v1/auth/session'], ['POST', '/api/v1/sync/push'], ['GET', `/api/v1/sync/pull?since=0&protocolVersion=${PROTOCOL_VERSION}`],
      ['GET', '/api/v1/history?entity=rooms&recordId=x'], ['GET', '/api/v1/admin/accounts'], ['POST', '/api/v1/admin/accounts'],
      ['PATCH', `/api/v1/admin/accounts/${therapistId}`], ['POST', `/api/v1/admin/devices/${admin.deviceId}/revoke`],
    ];
    const header = fc.oneof(
      nastyString.map((t) => `Bearer ${t}`), fc.string({ unit: 'binary-ascii', maxLength: 30 }), fc.stringMatching(/^[A-Za-z0-9_-]{20,60}$/).map((t) => `Bearer ${t}`),
      fc.constant(`bearer ${admin.deviceToken}`), fc.constant(`Bearer ${admin.deviceToken}x`), fc.constant(`Basic ${admin.deviceToken}`), fc.constant(`Bearer  ${admin.deviceToken}`),
    ).filter((h) => !/[\r\n\0]/.test(h) && [...h].every((ch) => ch.charCodeAt(0) < 256));
    await unchanged(fc.tuple(fc.constantFrom(...paths), header), async ([[method, path], authorization]) => {
      expectRefusal(await send(app, method, path, { headers: { authorization }, body: method === 'GET' ? undefined : '{}' }), `${method} ${path}`, ['unauthorized']);
    });
  });

  it('HOSTILE-PULL: a bad cursor, limit or protocol version is refused; a cursor ahead of the server is cursorExpired', async () => {
    const param = fc.oneof(nastyString, fc.integer().map(String), fc.constantFrom('-1', '1e3', '0x10', '1.5', ' 1', '', '99999999999999999999', String(Number.MAX_SAFE_INTEGER), '2001', '0'));
    const query = fc.record({ since: fc.option(param), limit: fc.option(param), protocolVersion: fc.option(param), extra: fc.option(nastyString) });
    await unchanged(query, async (q) => {
      const parts = Object.entries(q).filter(([, v]) => v !== null).map(([k, v]) => `${enc(k)}=${enc(v!)}`);
      const path = `/api/v1/sync/pull?${parts.join('&')}`;
      const answer = await send(app, 'GET', path, { token: therapist.deviceToken });
      if (answer.status === 200) {
        // Only a well-formed query may succeed.
        expect(q.protocolVersion, path).toMatch(/^\s*\d{1,6}\s*$/);
        expect(q.since ?? '0', path).toMatch(/^\d{1,15}$/);
        expect(q.limit ?? '1', path).toMatch(/^\d{1,15}$/);
        return;
      }
      expectRefusal(answer, path, ['invalidRequest', 'cursorExpired', 'clientTooOld']);
    });
  });

  it('HOSTILE-HISTORY: unknown entities, hostile record ids and records out of reach are refused', async () => {
    const query = fc.record({ entity: fc.option(fc.oneof(nastyString, fc.constantFrom('rooms', 'participants', 'users', 'mutations'))), recordId: fc.option(fc.oneof(nastyString, fc.uuid())) });
    await unchanged(fc.tuple(query, fc.constantFrom('therapist', 'driver', 'kitchen')), async ([q, role]) => {
      const parts = Object.entries(q).filter(([, v]) => v !== null).map(([k, v]) => `${k}=${enc(v!)}`);
      const path = `/api/v1/history?${parts.join('&')}`;
      expectRefusal(await send(app, 'GET', path, { token: sessions[role]!.deviceToken }), path, ['invalidRequest', 'notFound', 'forbidden']);
    });
  });

  it('HOSTILE-ADMIN: non-administrators are refused every admin call; broken account forms and unknown ids are refused', async () => {
    await unchanged(fc.tuple(fc.constantFrom('therapist', 'driver', 'kitchen', 'coordinator'), fc.constantFrom<[string, string]>(
      ['GET', '/api/v1/admin/accounts'], ['POST', '/api/v1/admin/accounts'], ['PATCH', `/api/v1/admin/accounts/${therapistId}`], ['POST', `/api/v1/admin/devices/${admin.deviceId}/revoke`],
    ), fc.oneof(brokenBody, nastyJson.map((v) => JSON.stringify(v)))), async ([role, [method, path], body]) => {
      expectRefusal(await send(app, method, path, { token: sessions[role]!.deviceToken, ...(method === 'GET' ? {} : { body }) }), `${role} ${method} ${path}`, ['forbidden']);
    });

    const account = { login: 'nowe.konto', displayName: 'Nowe Konto', password: PASSWORD, roles: ['therapist'], unitIds: [admin.user.unitIds[0]] };
    const newAccount = corrupted(account, {
      login: fc.oneof(notAString, nastyString.filter((s) => !/^[a-z0-9._-]{3,40}$/.test(s.trim().toLowerCase()))), displayName: fc.oneof(notAString, longText(100), fc.constant(' ')),
      password: fc.oneof(notAString, fc.string({ maxLength: 9 }), longText(200)), roles: fc.oneof(fc.constant([]), fc.array(nastyString, { minLength: 1, maxLength: 3 }), notAString.filter((v) => !Array.isArray(v))),
      unitIds: fc.oneof(fc.array(fc.oneof(nastyString.filter((s) => !/^[A-Za-z0-9:_-]{1,120}$/.test(s)), notAString), { minLength: 1, maxLength: 3 }), fc.constant('unit')),
    });
    await unchanged(fc.oneof(newAccount.map((v) => JSON.stringify(v)), brokenBody), async (body) => {
      expectRefusal(await send(app, 'POST', '/api/v1/admin/accounts', { token: admin.deviceToken, body }), 'create account', ['invalidRequest']);
    });

    const patch = corrupted({ displayName: 'Inna Nazwa', roles: ['therapist'], unitIds: [], disabled: false, password: PASSWORD }, {
      displayName: fc.oneof(notAString, longText(100)), roles: fc.oneof(fc.constant([]), fc.array(nastyString, { minLength: 1, maxLength: 2 })),
      unitIds: fc.array(notAString, { minLength: 1, maxLength: 2 }), disabled: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), password: fc.oneof(fc.string({ maxLength: 9 }), longText(200)),
    }, ['displayName', 'roles', 'unitIds', 'disabled', 'password']);
    const id = fc.oneof(fc.constant(therapistId), fc.constant(admin.user.id), fc.uuid(), nastyString.filter((s) => s !== '' && !s.includes('/')));
    await unchanged(fc.tuple(id, fc.oneof(patch.map((v) => JSON.stringify(v)), brokenBody)), async ([accountId, body]) => {
      const path = `/api/v1/admin/accounts/${enc(accountId)}`;
      const answer = await send(app, 'PATCH', path, { token: admin.deviceToken, body });
      // A JSON object without any known field changes nothing: answered, and the digest shows nothing was written.
      if (answer.status === 204 && isJsonObject(body)) return;
      expectRefusal(answer, `PATCH ${path}`, ['invalidRequest', 'notFound', 'conflict']);
    });
  });

  it('HOSTILE-ADMIN-IDS: a well-formed change of an account or device that does not exist is notFound and audits nothing', async () => {
    const bodies = fc.constantFrom<Record<string, unknown>>({}, { displayName: 'Ktoś' }, { disabled: true }, { roles: ['driver'] }, { unitIds: [] });
    const unknownId = fc.oneof(fc.uuid(), nastyString.filter((s) => s !== '' && !s.includes('/') && s !== therapistId));
    await unchanged(fc.tuple(unknownId, bodies), async ([id, body]) => {
      const path = `/api/v1/admin/accounts/${enc(id)}`;
      expectRefusal(await send(app, 'PATCH', path, { token: admin.deviceToken, body: JSON.stringify(body) }), `PATCH ${path} ${JSON.stringify(body)}`, ['notFound']);
      const revoke = `/api/v1/admin/devices/${enc(id)}/revoke`;
      expectRefusal(await send(app, 'POST', revoke, { token: admin.deviceToken }), revoke, ['notFound']);
    });
  });

  it('HOSTILE-ROUTES: any method on any path under /api with any body and protocol header is refused or answered, never a 500', async () => {
    const segment = fc.oneof(fc.constantFrom('v1', 'v2', 'sync', 'push', 'pull', 'setup', 'demo', 'auth', 'login', 'admin', 'accounts', 'history', 'health', '..', '%2e%2e', ''), nastyString.map(enc));
    const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD');
    const protocol = fc.option(fc.oneof(fc.constantFrom('0', '1', '2', '-1', 'abc', '999999', '1.0'), fc.string({ unit: 'binary-ascii', maxLength: 8 }).filter((s) => !/[\r\n\0]/.test(s))));
    await unchanged(fc.tuple(method, fc.array(segment, { minLength: 1, maxLength: 5 }), fc.option(brokenBody), protocol, fc.constantFrom('admin', 'therapist', 'none')), async ([m, segs, body, proto, who]) => {
      const path = `/api/${segs.join('/')}`;
      const token = who === 'admin' ? admin.deviceToken : who === 'therapist' ? therapist.deviceToken : undefined;
      const hasBody = body !== null && m !== 'GET' && m !== 'HEAD';
      const answer = await send(app, m, path, { ...(token ? { token } : {}), ...(hasBody ? { body } : {}), headers: proto === null ? {} : { 'x-obecni-protocol': proto } });
      expect(answer.status, `${m} ${path}`).toBeLessThan(500);
      if (answer.status >= 400 && m !== 'HEAD') expectRefusal(answer, `${m} ${path}`);
    });
  });

  it('HOSTILE-SERVER-OK: after all of that the server still works and the accounts are as they were', async () => {
    expect((await call(app, 'GET', '/api/v1/health')).status).toBe(200);
    expect((await call(app, 'GET', '/api/v1/auth/session', { token: therapist.deviceToken })).status).toBe(200);
    const accounts = await call<{ accounts: { login: string; disabled: boolean }[] }>(app, 'GET', '/api/v1/admin/accounts', { token: admin.deviceToken });
    expect(accounts.body.accounts.map((a) => [a.login, a.disabled])).toEqual([
      ['anna.admin', false], ['coordinator.test', false], ['driver.test', false], ['kitchen.test', false], ['therapist.test', false],
    ]);
  });
});
