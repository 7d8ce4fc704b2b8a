/**
 * First run: is the server set up, set it up with a form, or load the demo centre. Both need the
 * one-time setup code the server printed at start (setup-code.ts): a wrong one is 403 forbidden
 * (issue `setupCode`/`wrongSetupCode`), and nothing is created.
 */
import { Hono } from 'hono';
import { DemoRequestSchema, SetupRequestSchema, type SetupStatus } from '../../protocol';
import type { AppEnv } from '../http/context';
import { HttpFailure } from '../http/errors';
import { readJson } from '../http/json-body';
import { requireAcceptablePassword } from '../password-policy';
import { loadDemo } from '../setup/demo';
import { performSetup } from '../setup/setup';
import { isSetupCode } from '../setup/setup-code';
import type { RouteDeps } from './deps';

/** The name of the browser device created by setup or the demo load. */
export const FIRST_DEVICE_NAME = 'Przeglądarka';

export function setupRoutes({ store, clock, demo, setupCode }: RouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /** Refuses a set-up server (409) and then a wrong code (403), in that order: the status page says the first anyway. */
  const checkCode = async (given: string) => {
    if (await store.isInitialized()) throw new HttpFailure('alreadyInitialized');
    if (!isSetupCode(given, setupCode)) throw new HttpFailure('forbidden', [{ path: 'setupCode', code: 'wrongSetupCode' }]);
  };

  app.get('/status', async (c) => c.json<SetupStatus>({ initialized: await store.isInitialized(), demoAvailable: demo !== false }));

  app.post('/', async (c) => {
    const req = await readJson(c, SetupRequestSchema);
    await checkCode(req.setupCode);
    requireAcceptablePassword(req.password, { login: req.login, displayName: req.adminName, organizationName: req.organizationName });
    const session = await performSetup(store, req, { nowMs: clock(), deviceName: FIRST_DEVICE_NAME });
    if (!session) throw new HttpFailure('alreadyInitialized');
    return c.json(session);
  });

  app.post('/demo', async (c) => {
    if (demo === false) throw new HttpFailure('notFound');
    const req = await readJson(c, DemoRequestSchema);
    await checkCode(req.setupCode);
    const result = await loadDemo(store, { nowMs: clock(), ...(demo.seed !== undefined ? { seed: demo.seed } : {}), signIn: { login: 'admin', deviceName: req.deviceName || FIRST_DEVICE_NAME } });
    if (!result) throw new HttpFailure('alreadyInitialized');
    if (!result.session) throw new Error('the demo centre has no admin account');
    return c.json(result.session);
  });

  return app;
}
