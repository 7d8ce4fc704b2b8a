/**
 * ADMIN: administrators manage accounts and devices; everybody else is refused (403). A new
 * account signs in; a disabled account or a revoked device is refused at its next request;
 * a changed password replaces the old one; every change is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsResponse, ApiError, SessionInfo } from '../../../src/protocol';
import { openMemoryStore } from '../store/memory-store';
import type { Store } from '../../../src/server/store/store';
import { PROTOCOL_VERSION } from '../../../src/protocol';
import { SETUP, call, setUp, testApp, type TestApp } from '../helpers';

describe('ADMIN: accounts and devices', () => {
  let store: Store;
  let app: TestApp;
  let admin: SessionInfo;
  let unitId: string;

  beforeAll(async () => {
    store = await openMemoryStore();
    await store.migrate();
    app = testApp(store).app;
    admin = await setUp(app);
    unitId = admin.user.unitIds[0]!;
  });
  afterAll(async () => { await store.close(); });

  const login = (name: string, password: string) => call<SessionInfo & ApiError>(app, 'POST', '/api/v1/auth/login', { body: { login: name, password, deviceName: 'Tablet' } });
  const pull = (s: SessionInfo) => call(app, 'GET', `/api/v1/sync/pull?since=0&protocolVersion=${PROTOCOL_VERSION}`, { token: s.deviceToken });

  it('ADMIN-CREATE: an administrator creates a therapist of a unit, who can sign in', async () => {
    const created = await call<{ id: string }>(app, 'POST', '/api/v1/admin/accounts', {
      token: admin.deviceToken, body: { login: 'ewa.lis', displayName: 'Ewa Lis', password: 'haslo-terapeutki', roles: ['therapist'], unitIds: [unitId] },
    });
    expect(created.status).toBe(201);
    const ewa = await login('ewa.lis', 'haslo-terapeutki');
    expect(ewa.status).toBe(200);
    expect(ewa.body.user).toMatchObject({ roles: ['therapist'], unitIds: [unitId] });
    const list = await call<AccountsResponse>(app, 'GET', '/api/v1/admin/accounts', { token: admin.deviceToken });
    expect(list.body.accounts.map((a) => a.login)).toEqual([SETUP.login, 'ewa.lis']);
    expect(list.body.devices.some((d) => d.userName === 'Ewa Lis')).toBe(true);
    expect(JSON.stringify(list.body)).not.toMatch(/token|hash|haslo/i);
  });

  it('ADMIN-CHECKS: a taken login is a conflict, bad input names the field', async () => {
    const again = await call<ApiError>(app, 'POST', '/api/v1/admin/accounts', {
      token: admin.deviceToken, body: { login: 'ewa.lis', displayName: 'Inna Ewa', password: 'haslo-terapeutki', roles: ['therapist'], unitIds: [] },
    });
    expect(again.status).toBe(409);
    expect(again.body.issues).toEqual([{ path: 'login', code: 'loginTaken' }]);
    const bad = await call<ApiError>(app, 'POST', '/api/v1/admin/accounts', {
      token: admin.deviceToken, body: { login: 'x', displayName: '', password: 'krótkie', roles: ['boss'], unitIds: [] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues?.map((i) => i.path).sort()).toEqual(['displayName', 'login', 'password', 'roles.0']);
  });

  it('ADMIN-ONLY: every other role is refused on every admin endpoint', async () => {
    const ewa = (await login('ewa.lis', 'haslo-terapeutki')).body;
    for (const [method, path] of [['GET', '/api/v1/admin/accounts'], ['POST', '/api/v1/admin/accounts'], ['PATCH', `/api/v1/admin/accounts/${admin.user.id}`], ['POST', `/api/v1/admin/devices/${admin.deviceId}/revoke`]] as const) {
      const res = await call<ApiError>(app, method, path, { token: ewa.deviceToken, body: method === 'GET' ? undefined : {} });
      expect([path, res.status, res.body.error]).toEqual([path, 403, 'forbidden']);
    }
    expect((await call(app, 'GET', '/api/v1/admin/accounts')).status).toBe(401);
  });

  it('ADMIN-REVOKE: a revoked device and a disabled account are refused at the next request', async () => {
    const ewa = (await login('ewa.lis', 'haslo-terapeutki')).body;
    expect((await pull(ewa)).status).toBe(200);
    expect((await call(app, 'POST', `/api/v1/admin/devices/${ewa.deviceId}/revoke`, { token: admin.deviceToken })).status).toBe(204);
    expect((await pull(ewa)).status).toBe(401);

    const again = (await login('ewa.lis', 'haslo-terapeutki')).body;
    const list = await call<AccountsResponse>(app, 'GET', '/api/v1/admin/accounts', { token: admin.deviceToken });
    const id = list.body.accounts.find((a) => a.login === 'ewa.lis')!.id;
    expect((await call(app, 'PATCH', `/api/v1/admin/accounts/${id}`, { token: admin.deviceToken, body: { disabled: true } })).status).toBe(204);
    expect((await pull(again)).status).toBe(401);
    expect((await login('ewa.lis', 'haslo-terapeutki')).status).toBe(401);

    expect((await call(app, 'PATCH', `/api/v1/admin/accounts/${id}`, { token: admin.deviceToken, body: { disabled: false, password: 'nowe-haslo-ewy' } })).status).toBe(204);
    expect((await login('ewa.lis', 'haslo-terapeutki')).status).toBe(401);
    expect((await login('ewa.lis', 'nowe-haslo-ewy')).status).toBe(200);
    const actions = (await store.audit.list(admin.user.organizationId, 50)).map((a) => a.action);
    for (const a of ['accountCreated', 'accountChanged', 'deviceRevoked']) expect(actions).toContain(a);
  });

  it('ADMIN-SELF: an administrator cannot disable or demote their own account', async () => {
    const res = await call<ApiError>(app, 'PATCH', `/api/v1/admin/accounts/${admin.user.id}`, { token: admin.deviceToken, body: { roles: ['therapist'] } });
    expect(res.status).toBe(409);
  });
  it('DEVICE-REPORT (issue 17.1): a device\'s report at push and pull shows in the device list (changes waiting, last sync)', async () => {
    const ewa = (await login('ewa.lis', 'nowe-haslo-ewy')).body;
    const push = await call(app, 'POST', '/api/v1/sync/push', {
      token: ewa.deviceToken, body: { protocolVersion: PROTOCOL_VERSION, deviceId: ewa.deviceId, mutations: [], device: { pending: 7, lastSyncAtMs: 1_767_225_600_000 } },
    });
    expect(push.status).toBe(200);
    const device = async () => (await call<AccountsResponse>(app, 'GET', '/api/v1/admin/accounts', { token: admin.deviceToken })).body.devices.find((d) => d.id === ewa.deviceId);
    expect(await device()).toMatchObject({ pendingChanges: 7, lastSyncAtMs: 1_767_225_600_000 });
    expect((await call(app, 'GET', `/api/v1/sync/pull?since=0&protocolVersion=${PROTOCOL_VERSION}&pending=0&lastSync=1767225700000`, { token: ewa.deviceToken })).status).toBe(200);
    expect(await device()).toMatchObject({ pendingChanges: 0, lastSyncAtMs: 1_767_225_700_000 });
    expect((await call(app, 'GET', `/api/v1/sync/pull?since=0&protocolVersion=${PROTOCOL_VERSION}&pending=-1`, { token: ewa.deviceToken })).status).toBe(400);
  });
});
