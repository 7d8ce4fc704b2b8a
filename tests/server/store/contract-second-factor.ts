/**
 * Issue 14 item 9, against any Store through the real app: an administrator turns on a second
 * factor (TOTP, RFC 6238) with a first code and gets ten recovery codes; from then on sign-in asks
 * for a code (401 totpRequired), accepts a current one once, refuses a wrong or replayed one, and
 * accepts each recovery code once. Other roles cannot enrol.
 */
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, SessionInfo, TotpEnabledResponse, TotpStartResponse } from '../../../src/protocol';
import type { Store } from '../../../src/server/store/store';
import { SETUP, accountWithDevice, call, fakeClock, setUp, testApp, type TestApp } from '../helpers';
import type { OpenStore } from './contract-first-run';

export function secondFactorContract(open: OpenStore): void {
  describe('second factor of sign-in (issue 14 item 9)', () => {
    let store: Store;
    let app: TestApp;
    const clock = fakeClock();
    let admin: SessionInfo;
    let secret = '';
    let recovery: string[] = [];

    const code = (atMs = clock.now()) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: atMs, digits: 6, period: 30, algorithm: 'SHA1' });
    const login = (otp?: string) => call<SessionInfo & ApiError>(app, 'POST', '/api/v1/auth/login', { body: { login: SETUP.login, password: SETUP.password, deviceName: 'x', ...(otp !== undefined ? { otp } : {}) } });

    beforeAll(async () => {
      store = await open();
      ({ app } = testApp(store, { clock: clock.now }));
      admin = await setUp(app);
    });
    afterAll(async () => { await store.close(); });

    it('SEC-TOTP-ENROL: enrolment needs the password and a first code, returns ten recovery codes; other roles are refused', async () => {
      const wrong = await call<ApiError>(app, 'POST', '/api/v1/account/totp/start', { token: admin.deviceToken, body: { currentPassword: 'nie-to-haslo' } });
      expect(wrong.status).toBe(400);
      const started = await call<TotpStartResponse>(app, 'POST', '/api/v1/account/totp/start', { token: admin.deviceToken, body: { currentPassword: SETUP.password } });
      expect(started.status).toBe(200);
      secret = started.body.secret;
      expect(started.body.uri).toMatch(/^otpauth:\/\/totp\/Obecni:.*secret=[A-Z2-7]+/);
      // Not yet required: a sign-in without a code still works until the first code confirms it.
      expect((await login()).status).toBe(200);
      const badCode = await call<ApiError>(app, 'POST', '/api/v1/account/totp/confirm', { token: admin.deviceToken, body: { code: String((Number(code()) + 1) % 1_000_000).padStart(6, '0') } });
      expect([badCode.status, badCode.body.issues]).toEqual([400, [{ path: 'code', code: 'wrongCode' }]]);
      const confirmed = await call<TotpEnabledResponse>(app, 'POST', '/api/v1/account/totp/confirm', { token: admin.deviceToken, body: { code: code() } });
      expect(confirmed.status).toBe(200);
      recovery = confirmed.body.recoveryCodes;
      expect(recovery).toHaveLength(10);
      expect(new Set(recovery).size).toBe(10);
      expect(JSON.stringify(await store.audit.list(admin.user.organizationId, 20))).not.toContain(recovery[0]);

      const therapist = await accountWithDevice(store, admin, 'therapist', []);
      expect((await call(app, 'POST', '/api/v1/account/totp/start', { token: therapist.deviceToken, body: { currentPassword: 'x' } })).status).toBe(403);
    });

    it('SEC-TOTP-LOGIN: sign-in asks for the code, accepts a current one once, refuses a wrong or replayed one, and each recovery code once', async () => {
      clock.advance(60_000);
      const asked = await login();
      expect([asked.status, asked.body.error]).toEqual([401, 'totpRequired']);
      const now = code();
      expect((await login(now)).status).toBe(200);
      const replay = await login(now);
      expect([replay.status, replay.body.error]).toEqual([401, 'unauthorized']);
      clock.advance(30_000);
      expect((await login('000000' === code() ? '111111' : '000000')).status).toBe(401);
      expect((await login(code())).status).toBe(200);

      clock.advance(30_000);
      expect((await login(recovery[0]?.toUpperCase())).status).toBe(200);
      expect((await login(recovery[0])).status).toBe(401);
      expect(await store.accounts.recoveryCodesLeft(admin.user.organizationId, admin.user.id)).toBe(9);
      // The wrong password still fails first, whatever the code.
      const wrongPassword = await call<ApiError>(app, 'POST', '/api/v1/auth/login', { body: { login: SETUP.login, password: 'zle-haslo-123', deviceName: 'x', otp: code() } });
      expect([wrongPassword.status, wrongPassword.body.error]).toEqual([401, 'unauthorized']);
    });
  });
}
