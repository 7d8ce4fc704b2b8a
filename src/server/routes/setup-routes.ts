/** First run: is the server set up, set it up with a form, or load the demo centre. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { SetupRequestSchema, type SetupStatus } from '../../protocol';
import type { AppEnv } from '../http/context';
import { HttpFailure, parseOrFail } from '../http/errors';
import { readJson, requireObject } from '../http/json-body';
import { unstorableText } from '../store/storable-text';
import { loadDemo } from '../setup/demo';
import { performSetup } from '../setup/setup';
import type { RouteDeps } from './deps';

/** The name of the browser device created by setup or the demo load. */
export const FIRST_DEVICE_NAME = 'Przeglądarka';

const DemoRequestSchema = v.object({ deviceName: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100))) });

export function setupRoutes({ store, clock, demo }: RouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/status', async (c) => c.json<SetupStatus>({ initialized: await store.isInitialized(), demoAvailable: demo !== false }));

  app.post('/', async (c) => {
    const req = await readJson(c, SetupRequestSchema);
    const session = await performSetup(store, req, { nowMs: clock(), deviceName: FIRST_DEVICE_NAME });
    if (!session) throw new HttpFailure('alreadyInitialized');
    return c.json(session);
  });

  app.post('/demo', async (c) => {
    if (demo === false) throw new HttpFailure('notFound');
    const text = await c.req.text();
    let body: unknown = {};
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        throw new HttpFailure('invalidRequest', [{ path: '', code: 'invalidJson' }]);
      }
    }
    const bad = unstorableText(body);
    if (bad !== null) throw new HttpFailure('invalidRequest', [{ path: bad, code: 'invalidCharacter' }]);
    const req = parseOrFail(DemoRequestSchema, requireObject(body));
    const result = await loadDemo(store, { nowMs: clock(), ...(demo.seed !== undefined ? { seed: demo.seed } : {}), signIn: { login: 'admin', deviceName: req.deviceName || FIRST_DEVICE_NAME } });
    if (!result) throw new HttpFailure('alreadyInitialized');
    if (!result.session) throw new Error('the demo centre has no admin account');
    return c.json(result.session);
  });

  return app;
}
