/**
 * Sign-in and sign-out. A wrong password and an unknown login get the same answer in the same
 * time; five wrong passwords in a row lock the account for 15 minutes (429 rateLimited), and
 * many failures from one address are refused too. Every sign-in creates a new device, whose token
 * buys short-lived access tokens (POST /token) for the other calls.
 */
import { Hono } from 'hono';
import { LoginRequestSchema, type AccessTokenResponse } from '../../protocol';
import { LOGIN_LOCK_MS, LOGIN_MAX_ATTEMPTS, burnPasswordCheck, createSession, verifyPassword } from '../auth';
import type { AppEnv } from '../http/context';
import { HttpFailure } from '../http/errors';
import { readJson } from '../http/json-body';
import { clientAddress, createFailureLimiter } from '../http/rate-limit';
import type { RouteDeps } from './deps';

/** Failed sign-ins allowed per client address per window. */
const ADDRESS_MAX_FAILURES = 50;

export function authRoutes({ store, config, clock, requireDevice, accessTokens }: RouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const limiter = createFailureLimiter(ADDRESS_MAX_FAILURES, LOGIN_LOCK_MS);

  app.post('/login', async (c) => {
    const req = await readJson(c, LoginRequestSchema);
    const now = clock();
    const address = clientAddress(c, config.trustProxy);
    if (limiter.blocked(address, now)) throw new HttpFailure('rateLimited');

    const user = await store.accounts.findUserByLogin(req.login);
    if (!user || user.disabled) {
      await burnPasswordCheck(req.password);
      limiter.fail(address, now);
      throw new HttpFailure('unauthorized');
    }
    if (user.lockedUntilMs !== null && user.lockedUntilMs > now) throw new HttpFailure('rateLimited');
    if (!(await verifyPassword(req.password, user.passwordHash))) {
      limiter.fail(address, now);
      const { locked } = await store.accounts.registerLoginFailure(user.organizationId, user.id, { nowMs: now, maxAttempts: LOGIN_MAX_ATTEMPTS, lockMs: LOGIN_LOCK_MS });
      await store.audit.record(user.organizationId, { atMs: now, userId: user.id, deviceId: null, action: 'loginFailed', details: { locked } });
      throw new HttpFailure('unauthorized');
    }
    if (user.failedLogins > 0 || user.lockedUntilMs !== null) await store.accounts.clearLoginFailures(user.organizationId, user.id);
    const session = await store.write(user.organizationId, async (tx) => {
      const s = await createSession(tx, user, req.deviceName, now);
      await tx.audit(user.organizationId, { atMs: now, userId: user.id, deviceId: s.deviceId, action: 'login' });
      return s;
    });
    return c.json(session);
  });

  /** The device token buys a short-lived access token for sync, history and admin calls. */
  app.post('/token', requireDevice, (c) => {
    const auth = c.get('auth');
    const body: AccessTokenResponse = accessTokens.issue({ organizationId: auth.organizationId, deviceId: auth.deviceId }, clock());
    return c.json(body);
  });

  app.post('/logout', requireDevice, async (c) => {
    const auth = c.get('auth');
    const now = clock();
    await store.accounts.revokeDevice(auth.organizationId, auth.deviceId, now);
    await store.audit.record(auth.organizationId, { atMs: now, userId: auth.userId, deviceId: auth.deviceId, action: 'logout' });
    return c.body(null, 204);
  });

  app.get('/session', requireDevice, (c) => {
    const a = c.get('auth');
    return c.json({
      deviceId: a.deviceId,
      user: { id: a.userId, displayName: a.displayName, login: a.login, roles: a.roles, unitIds: a.unitIds, organizationId: a.organizationId },
    });
  });

  return app;
}
