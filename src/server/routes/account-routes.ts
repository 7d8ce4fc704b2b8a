/**
 * What signed-in users do with their own account: change their password. The current password is
 * checked first (a borrowed, unlocked tablet is not enough to take the account over); the change
 * signs out every other device of the account (issue 14 item 6), which then ask for the new
 * password and keep their local data. Audited without any password.
 */
import { Hono } from 'hono';
import { PasswordChangeSchema } from '../../protocol';
import { hashPassword, verifyPassword } from '../auth';
import { requireAcceptablePassword } from '../password-policy';
import type { AppEnv } from '../http/context';
import { HttpFailure } from '../http/errors';
import { readJson } from '../http/json-body';
import type { RouteDeps } from './deps';

export function accountRoutes({ store, clock, requireAuth }: RouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth);

  app.post('/password', async (c) => {
    const auth = c.get('auth');
    const req = await readJson(c, PasswordChangeSchema);
    const user = await store.accounts.findUserByLogin(auth.login);
    if (!user || user.id !== auth.userId) throw new HttpFailure('unauthorized');
    if (!(await verifyPassword(req.currentPassword, user.passwordHash))) {
      throw new HttpFailure('invalidRequest', [{ path: 'currentPassword', code: 'wrongPassword' }]);
    }
    requireAcceptablePassword(req.newPassword, { login: user.login, displayName: user.displayName }, 'newPassword');
    const passwordHash = await hashPassword(req.newPassword);
    await store.accounts.updateUser(auth.organizationId, auth.userId, { passwordHash });
    const now = clock();
    const signedOut = await store.accounts.signOutUserDevices(auth.organizationId, auth.userId, now, auth.deviceId);
    await store.audit.record(auth.organizationId, { atMs: now, userId: auth.userId, deviceId: auth.deviceId, action: 'passwordChanged', details: { devicesSignedOut: signedOut } });
    return c.body(null, 204);
  });

  return app;
}
