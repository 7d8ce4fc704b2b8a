/**
 * Issue 14 item 6, against any Store through the real app: a device's sign-in ends after
 * DEVICE_IDLE_DAYS without contact and DEVICE_MAX_AGE_DAYS after it signed in, however often it
 * syncs; a password change signs out the user's other devices, an administrator's reset all of
 * them. An ended sign-in is refused 401 `sessionExpired` (the device keeps its data and asks for
 * the password), never the refusal of a revoked device.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type ApiError, type SessionInfo } from '../../../src/protocol';
import { loadConfig } from '../../../src/server/config';
import type { Store } from '../../../src/server/store/store';
import { SETUP, call, fakeClock, setUp, testApp, type TestApp } from '../helpers';
import type { OpenStore } from './contract-first-run';

const DAY = 86_400_000;
const PULL = `/api/v1/sync/pull?since=0&protocolVersion=${PROTOCOL_VERSION}`;

export function deviceExpiryContract(open: OpenStore): void {
  describe('device sign-ins end (issue 14 item 6)', () => {
    let store: Store;
    let app: TestApp;
    let clock: ReturnType<typeof fakeClock>;
    let admin: SessionInfo;

    const start = async (env: Record<string, string> = {}) => {
      ({ app } = testApp(store, { clock: clock.now, config: loadConfig(env) }));
      admin = await setUp(app);
    };
    const signIn = async (password = SETUP.password) => (await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login: SETUP.login, password, deviceName: 'tablet' } }));
    /** The device token exchanged for an access token (what a device does before every sync). */
    const exchange = (s: SessionInfo) => call<ApiError>(app, 'POST', '/api/v1/auth/token', { token: s.deviceToken });

    beforeEach(async () => {
      store = await open();
      clock = fakeClock();
    });
    afterEach(async () => { await store.close(); });

    it('SEC-DEVICE-IDLE: 30 days without contact end a sign-in (401 sessionExpired); contact within them keeps it', async () => {
      await start();
      const tablet = (await signIn()).body;
      clock.advance(29 * DAY);
      expect((await exchange(tablet)).status).toBe(200);
      clock.advance(29 * DAY);
      expect((await exchange(tablet)).status).toBe(200);
      clock.advance(30 * DAY + 60_000);
      const refused = await exchange(tablet);
      expect(refused.status).toBe(401);
      expect(refused.body.error).toBe('sessionExpired');
      // Signing in again with the password gives a working device.
      expect((await exchange((await signIn()).body)).status).toBe(200);
    });

    it('SEC-DEVICE-MAX-AGE: a device syncing every day is still signed out after DEVICE_MAX_AGE_DAYS (here 10), also on a live access token', async () => {
      await start({ DEVICE_IDLE_DAYS: '3', DEVICE_MAX_AGE_DAYS: '10' });
      const tablet = (await signIn()).body;
      for (let day = 1; day <= 10; day += 1) {
        clock.advance(DAY);
        expect((await call(app, 'GET', PULL, { token: tablet.deviceToken })).status).toBe(200);
      }
      const access = await call<{ accessToken: string }>(app, 'POST', '/api/v1/auth/token', { token: tablet.deviceToken });
      clock.advance(60_000);
      const pull = await call<ApiError>(app, 'GET', PULL, { token: access.body.accessToken, raw: true });
      expect([pull.status, pull.body.error]).toEqual([401, 'sessionExpired']);
      expect((await exchange(tablet)).body.error).toBe('sessionExpired');
    });

    it('SEC-PASSWORD-CHANGE-SIGNS-OUT: changing one\'s password signs out the other devices, not this one; a revoked device is refused otherwise', async () => {
      await start();
      const other = (await signIn()).body;
      const revoked = (await signIn()).body;
      expect((await call(app, 'POST', `/api/v1/admin/devices/${revoked.deviceId}/revoke`, { token: admin.deviceToken })).status).toBe(204);

      const wrong = await call<ApiError>(app, 'POST', '/api/v1/account/password', { token: admin.deviceToken, body: { currentPassword: 'nie-to-haslo', newPassword: 'Nowe-haslo-zielony-dol-7' } });
      expect([wrong.status, wrong.body.issues]).toEqual([400, [{ path: 'currentPassword', code: 'wrongPassword' }]]);
      expect((await exchange(other)).status).toBe(200);

      const changed = await call(app, 'POST', '/api/v1/account/password', { token: admin.deviceToken, body: { currentPassword: SETUP.password, newPassword: 'Nowe-haslo-zielony-dol-7' } });
      expect(changed.status).toBe(204);
      expect((await exchange(admin)).status).toBe(200);
      expect((await call(app, 'GET', PULL, { token: admin.deviceToken })).status).toBe(200);
      const out = await exchange(other);
      expect([out.status, out.body.error]).toEqual([401, 'sessionExpired']);
      const stillRevoked = await exchange(revoked);
      expect(stillRevoked.status).toBe(401);
      expect(stillRevoked.body.error).not.toBe('sessionExpired');

      expect((await signIn()).status).toBe(401);
      expect((await exchange((await signIn('Nowe-haslo-zielony-dol-7')).body)).status).toBe(200);
      const audit = await store.audit.list(admin.user.organizationId, 5);
      expect(audit.find((a) => a.action === 'passwordChanged')?.details).toEqual({ devicesSignedOut: 1 });
      expect(JSON.stringify(audit)).not.toContain('Nowe-haslo');
    });

    it('SEC-PASSWORD-RESET-SIGNS-OUT: an administrator\'s reset of another account\'s password signs out all its devices', async () => {
      await start();
      const created = await call<{ id: string }>(app, 'POST', '/api/v1/admin/accounts', {
        token: admin.deviceToken, body: { login: 'terapeuta', displayName: 'Tomasz Terapeuta', password: 'Terapia-w-pracowni-12', roles: ['therapist'], unitIds: [] },
      });
      expect(created.status).toBe(201);
      const login = (password: string) => call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login: 'terapeuta', password, deviceName: 'tablet' } });
      const first = (await login('Terapia-w-pracowni-12')).body;
      const second = (await login('Terapia-w-pracowni-12')).body;
      const reset = await call(app, 'PATCH', `/api/v1/admin/accounts/${created.body.id}`, { token: admin.deviceToken, body: { password: 'Nowe-haslo-pracowni-34' } });
      expect(reset.status).toBe(204);
      for (const device of [first, second]) expect((await exchange(device)).body.error).toBe('sessionExpired');
      expect((await exchange(admin)).status).toBe(200);
      expect((await exchange((await login('Nowe-haslo-pracowni-34')).body)).status).toBe(200);
    });
  });
}
