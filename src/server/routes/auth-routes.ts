/**
 * Sign-in and sign-out. A wrong password and an unknown login get the same answer in the same
 * time; attempts are throttled per login-and-address and per address (login-throttle.ts: 429
 * rateLimited with Retry-After, never a lock of the account). Every sign-in creates a new
 * device, whose token buys short-lived access tokens (POST /token) for the other calls.
 */
import { Hono } from 'hono';
import { LoginRequestSchema, type AccessTokenResponse } from '../../protocol';
import { burnPasswordCheck, createSession, verifyPassword } from '../auth';
import type { AppEnv } from '../http/context';
import { HttpFailure } from '../http/errors';
import { readJson } from '../http/json-body';
import { clientAddress } from '../http/rate-limit';
import { createLoginThrottle } from '../login-throttle';
import type { RouteDeps } from './deps';

export function authRoutes({ store, config, clock, requireDevice, accessTokens }: RouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const throttle = createLoginThrottle(store.accounts);

  app.post('/login', async (c) => {
    const req = await readJson(c, LoginRequestSchema);
    const now = clock();
    // Reserved and counted before the password is checked (429 with Retry-After when slowed down).
    const attempt = await throttle.begin(req.login, clientAddress(c, config.trustProxy), now);
    try {
      const user = await store.accounts.findUserByLogin(req.login);
      const live = user && !user.disabled ? user : null;
      // An unknown or disabled login is checked against a dummy hash: the same answer in the same time.
      const ok = live ? await verifyPassword(req.password, live.passwordHash) : (await burnPasswordCheck(req.password), false);
      if (!live || !ok) {
        if (live) await store.audit.record(live.organizationId, { atMs: now, userId: live.id, deviceId: null, action: 'loginFailed' });
        throw new HttpFailure('unauthorized');
      }
      await attempt.succeeded();
      const session = await store.write(live.organizationId, async (tx) => {
        const s = await createSession(tx, live, req.deviceName, now);
        await tx.audit(live.organizationId, { atMs: now, userId: live.id, deviceId: s.deviceId, action: 'login' });
        return s;
      });
      return c.json(session);
    } finally {
      attempt.end();
    }
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
