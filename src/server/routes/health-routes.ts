/** GET /api/v1/health: liveness for monitoring and the e2e harness, with version and schema state. */
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { PROTOCOL_VERSION, type HealthResponse } from '../../protocol';
import type { AppEnv } from '../http/context';
import type { RouteDeps } from './deps';

/** The version of the package (package.json), read once. */
export const SERVER_VERSION: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
})();

export function healthRoutes({ store }: RouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => c.json<HealthResponse>({
    status: 'ok',
    version: SERVER_VERSION,
    protocolVersion: PROTOCOL_VERSION,
    database: store.kind,
    migrations: await store.appliedMigrations(),
  }));
  return app;
}
