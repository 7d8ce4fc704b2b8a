/**
 * What signed-in users do with their own account: change their password; administrators also turn
 * the second factor of their sign-in on and off (TOTP and recovery codes, second-factor.ts). The current password is
 * checked first (a borrowed, unlocked tablet is not enough to take the account over); the change
 * signs out every other device of the account (issue 14 item 6), which then ask for the new
 * password and keep their local data. Audited without any password.
 */
import { Hono } from 'hono';
import { PasswordChangeSchema, TotpConfirmSchema, TotpDisableSchema, TotpStartSchema, type TotpEnabledResponse, type TotpStartResponse } from '../../protocol';
import { hashPassword, verifyPassword } from '../auth';
import { requireAcceptablePassword } from '../password-policy';
import { checkSecondFactor, newRecoveryCodes, newTotpSecret, totpStep } from '../second-factor';
import type { UserRow } from '../store/store';
import type { AppEnv } from '../http/context';
import { HttpFailure } from '../http/errors';
import { readJson } from '../http/json-body';
import type { RouteDeps } from './deps';

export function accountRoutes({ store, clock, requireAuth }: RouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth);

  /** The caller's account, after checking `currentPassword` (400 currentPassword/wrongPassword otherwise). */
  const confirmed = async (auth: { login: string; userId: string }, currentPassword: string): Promise<UserRow> => {
    const user = await store.accounts.findUserByLogin(auth.login);
    if (!user || user.id !== auth.userId) throw new HttpFailure('unauthorized');
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throw new HttpFailure('invalidRequest', [{ path: 'currentPassword', code: 'wrongPassword' }]);
    }
    return user;
  };
  const administrator = (roles: readonly string[]) => {
    if (!roles.includes('administrator')) throw new HttpFailure('forbidden');
  };

  app.post('/password', async (c) => {
    const auth = c.get('auth');
    const req = await readJson(c, PasswordChangeSchema);
    const user = await confirmed(auth, req.currentPassword);
    requireAcceptablePassword(req.newPassword, { login: user.login, displayName: user.displayName }, 'newPassword');
    const passwordHash = await hashPassword(req.newPassword);
    await store.accounts.updateUser(auth.organizationId, auth.userId, { passwordHash });
    const now = clock();
    const signedOut = await store.accounts.signOutUserDevices(auth.organizationId, auth.userId, now, auth.deviceId);
    await store.audit.record(auth.organizationId, { atMs: now, userId: auth.userId, deviceId: auth.deviceId, action: 'passwordChanged', details: { devicesSignedOut: signedOut } });
    return c.body(null, 204);
  });

  /** Starts enrolment: a new secret, not yet required at sign-in (a second start replaces it). */
  app.post('/totp/start', async (c) => {
    const auth = c.get('auth');
    administrator(auth.roles);
    const req = await readJson(c, TotpStartSchema);
    const user = await confirmed(auth, req.currentPassword);
    if (user.totpEnabled) throw new HttpFailure('conflict', [{ path: '', code: 'totpEnabled' }]);
    const { secret, uri } = newTotpSecret(user.login);
    await store.accounts.setSecondFactor(auth.organizationId, auth.userId, { secret, enabled: false, recoveryCodeHashes: [] });
    return c.json<TotpStartResponse>({ secret, uri });
  });

  /** Confirms enrolment with a first code from the app; from now on sign-in asks for a code. */
  app.post('/totp/confirm', async (c) => {
    const auth = c.get('auth');
    administrator(auth.roles);
    const req = await readJson(c, TotpConfirmSchema);
    const user = await store.accounts.findUserByLogin(auth.login);
    if (!user?.totpSecret || user.totpEnabled) throw new HttpFailure('conflict', [{ path: '', code: user?.totpEnabled ? 'totpEnabled' : 'totpNotStarted' }]);
    const now = clock();
    if (totpStep(user.totpSecret, req.code, now) === null) throw new HttpFailure('invalidRequest', [{ path: 'code', code: 'wrongCode' }]);
    const { codes, hashes } = newRecoveryCodes();
    await store.accounts.setSecondFactor(auth.organizationId, auth.userId, { secret: user.totpSecret, enabled: true, recoveryCodeHashes: hashes });
    await store.audit.record(auth.organizationId, { atMs: now, userId: auth.userId, deviceId: auth.deviceId, action: 'secondFactorEnabled' });
    return c.json<TotpEnabledResponse>({ recoveryCodes: codes });
  });

  /** Turns the second factor off: the password and a current code (or a recovery code). */
  app.post('/totp/disable', async (c) => {
    const auth = c.get('auth');
    administrator(auth.roles);
    const req = await readJson(c, TotpDisableSchema);
    const user = await confirmed(auth, req.currentPassword);
    const now = clock();
    if (user.totpEnabled && (await checkSecondFactor(store, user, req.code, now)) !== 'ok') throw new HttpFailure('invalidRequest', [{ path: 'code', code: 'wrongCode' }]);
    await store.accounts.setSecondFactor(auth.organizationId, auth.userId, { secret: null, enabled: false, recoveryCodeHashes: [] });
    await store.audit.record(auth.organizationId, { atMs: now, userId: auth.userId, deviceId: auth.deviceId, action: 'secondFactorDisabled' });
    return c.body(null, 204);
  });

  return app;
}
