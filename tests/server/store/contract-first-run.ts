/**
 * Contract, part 1: migrations, first-run setup and signing in, against any Store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRecord, type EntityName } from '../../../src/domain';
import { PROTOCOL_VERSION, type ApiError, type HealthResponse, type SessionInfo, type SetupStatus } from '../../../src/protocol';
import { hashPassword } from '../../../src/server/auth';
import type { Store } from '../../../src/server/store/store';
import { DEMO, SETUP, call, fakeClock, pullAll, setUp, testApp, type TestApp } from '../helpers';

export type OpenStore = () => Promise<Store>;

/** Adds an account to an existing organization, straight through the store. */
export async function addUser(store: Store, organizationId: string, u: { id: string; login: string; password: string; roles: string[]; unitIds: string[] }): Promise<void> {
  const passwordHash = await hashPassword(u.password);
  await store.write(organizationId, (tx) => tx.createUser({
    organizationId, id: u.id, login: u.login, displayName: u.login, passwordHash, roles: u.roles, unitIds: u.unitIds, createdAtMs: Date.now(),
  }));
}

export function firstRunContract(open: OpenStore): void {
  describe('first run and sign-in', () => {
    let store: Store;
    let app: TestApp;
    const clock = fakeClock();
    let admin: SessionInfo;

    beforeAll(async () => {
      store = await open();
      ({ app } = testApp(store, { clock: clock.now }));
    });
    afterAll(async () => { await store.close(); });

    it('STORE-MIGRATE: migrations are recorded once and running them again changes nothing', async () => {
      const first = await store.appliedMigrations();
      expect(first).toEqual(['001_init', '002_cursor_floor', '003_scope_epoch', '004_history_defaults', '005_login_throttle', '006_erasures', '007_device_sign_out', '008_second_factor', '009_device_outbox']);
      expect(await store.migrate()).toEqual(first);
      const health = await call<HealthResponse>(app, 'GET', '/api/v1/health');
      expect(health.status).toBe(200);
      expect(health.body.migrations).toEqual(first);
      expect(health.body.database).toBe(store.kind);
      expect(health.body.status).toBe('ok');
    });

    it('SETUP-STATUS: a new server is not initialized and offers the demo', async () => {
      const res = await call<SetupStatus>(app, 'GET', '/api/v1/setup/status');
      expect(res.body).toEqual({ initialized: false, demoAvailable: true });
    });

    it('SETUP-CREATE: setup creates the organization, a valid first unit and the admin, and signs the browser in', async () => {
      admin = await setUp(app);
      expect(admin.user).toMatchObject({ login: SETUP.login, displayName: SETUP.adminName, roles: ['administrator'] });
      expect(admin.user.unitIds).toHaveLength(1);
      expect((await call<SetupStatus>(app, 'GET', '/api/v1/setup/status')).body.initialized).toBe(true);

      const changes = await pullAll(app, admin);
      const byEntity = (e: EntityName) => changes.filter((ch) => ch.entity === e);
      expect(byEntity('organizations').map((ch) => ch.data.name)).toEqual([SETUP.organizationName]);
      const [unit] = byEntity('units');
      expect(unit?.recordId).toBe(admin.user.unitIds[0]);
      expect(unit?.data).toMatchObject({ name: SETUP.unitName, kind: 'wtz', dailyHoursTarget: 7, absenceStreakAlertDays: 5, organizationId: admin.user.organizationId });
      expect((unit?.data.openingHours as { weekday: number }[]).map((h) => h.weekday)).toEqual([1, 2, 3, 4, 5]);
      const [staff] = byEntity('staff');
      expect(staff?.recordId).toBe(admin.user.id);
      expect(staff?.data).toMatchObject({ firstName: 'Anna', lastName: 'Nowak', role: 'administrator', unitIds: admin.user.unitIds });
      for (const ch of changes) expect(validateRecord(ch.entity, ch.data).ok).toBe(true);
      expect((await store.sync.history(admin.user.organizationId, 'units', unit!.recordId))).toHaveLength(1);
      expect((await store.audit.list(admin.user.organizationId)).map((a) => a.action)).toContain('setup');
    });

    it('SETUP-ONCE: a second setup and a demo load are refused with alreadyInitialized', async () => {
      const again = await call<ApiError>(app, 'POST', '/api/v1/setup', { body: { ...SETUP, login: 'ktos.inny' } });
      expect(again.status).toBe(409);
      expect(again.body.error).toBe('alreadyInitialized');
      const demo = await call<ApiError>(app, 'POST', '/api/v1/setup/demo', { body: DEMO });
      expect(demo.status).toBe(409);
      expect(demo.body.error).toBe('alreadyInitialized');
    });

    it('SETUP-VALIDATE: an invalid setup form is refused with the field paths, not the values', async () => {
      const res = await call<ApiError>(app, 'POST', '/api/v1/setup', { body: { ...SETUP, password: 'krotkie', login: 'Zły Login!' } });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('invalidRequest');
      expect(res.body.issues).toEqual(expect.arrayContaining([{ path: 'password', code: 'passwordTooShort' }, { path: 'login', code: 'invalidLogin' }]));
      expect(JSON.stringify(res.body)).not.toContain('krotkie');
    });

    it('AUTH-LOGIN: the right password signs in on a new device whose token works', async () => {
      const res = await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login: 'ANNA.admin ', password: SETUP.password, deviceName: 'Tablet sala 2' } });
      expect(res.status).toBe(200);
      expect(res.body.deviceId).not.toBe(admin.deviceId);
      expect(res.body.user.id).toBe(admin.user.id);
      const changes = await pullAll(app, res.body);
      expect(changes.length).toBeGreaterThan(0);
      expect((await store.audit.list(admin.user.organizationId)).map((a) => a.action)).toContain('login');
    });

    it('AUTH-LOGIN: a wrong password and an unknown login get the same 401 answer', async () => {
      const wrong = await call<ApiError>(app, 'POST', '/api/v1/auth/login', { body: { login: SETUP.login, password: 'zle-haslo-123', deviceName: '' } });
      const unknown = await call<ApiError>(app, 'POST', '/api/v1/auth/login', { body: { login: 'nie.ma.takiego', password: 'zle-haslo-123', deviceName: '' } });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(unknown.body).toEqual(wrong.body);
      expect(wrong.body.error).toBe('unauthorized');
    });

    it('AUTH-SLOWDOWN: five wrong passwords slow that login down (429 with Retry-After) instead of locking it; after the wait the right password signs in', async () => {
      await addUser(store, admin.user.organizationId, { id: 'user-lock', login: 'zablokowany', password: 'dobre-haslo-1', roles: ['therapist'], unitIds: admin.user.unitIds });
      const login = (password: string) => call<ApiError>(app, 'POST', '/api/v1/auth/login', { body: { login: 'zablokowany', password, deviceName: '' } });
      for (let i = 0; i < 5; i++) expect((await login('zle-haslo')).status).toBe(401);
      const slowed = await login('dobre-haslo-1');
      expect(slowed.status).toBe(429);
      expect(slowed.body.error).toBe('rateLimited');
      const wait = Number(slowed.headers.get('retry-after'));
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(15 * 60);
      clock.advance(wait * 1000);
      expect((await login('dobre-haslo-1')).status).toBe(200);
      // The success starts afresh: five more attempts go at once.
      for (let i = 0; i < 5; i++) expect((await login('zle-haslo')).status).toBe(401);
    });

    it('AUTH-TOKEN: without a valid bearer token the API answers 401 unauthorized', async () => {
      for (const headers of [{} as Record<string, string>, { authorization: 'Bearer nie-ma-takiego-tokenu-wcale-nie' }, { authorization: `Basic ${admin.deviceToken}` }]) {
        const res = await call<ApiError>(app, 'GET', `/api/v1/sync/pull?since=0&protocolVersion=${PROTOCOL_VERSION}`, { headers });
        expect(res.status).toBe(401);
        expect(res.body.error).toBe('unauthorized');
      }
    });

    it('AUTH-REVOKE: after sign-out the device token is refused', async () => {
      const res = await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login: SETUP.login, password: SETUP.password, deviceName: 'do wylogowania' } });
      const session = res.body;
      expect((await call(app, 'GET', '/api/v1/auth/session', { token: session.deviceToken })).status).toBe(200);
      expect((await call(app, 'POST', '/api/v1/auth/logout', { token: session.deviceToken })).status).toBe(204);
      const after = await call<ApiError>(app, 'GET', `/api/v1/sync/pull?since=0&protocolVersion=${PROTOCOL_VERSION}`, { token: session.deviceToken });
      expect(after.status).toBe(401);
      expect((await pullAll(app, admin)).length).toBeGreaterThan(0);
    });
  });
}
