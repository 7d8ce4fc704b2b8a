/**
 * The HTTP application: the /api/v1 routes, the built PWA, and the middleware around them
 * (security headers, compressed answers, body limit, gzip request bodies, protocol gate, request
 * log). It is a plain Hono app built from its dependencies, so tests call it in-process with
 * `app.request(...)`.
 */
import { existsSync, statSync } from 'node:fs';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { routePath } from 'hono/route';
import { MAX_BODY_BYTES } from '../protocol';
import { createAccessTokens } from './access-token';
import { requireAccess, requireDevice } from './auth';
import type { Config } from './config';
import type { AppEnv } from './http/context';
import { decodeRequestBody } from './http/body-encoding';
import { HttpFailure, failResponse } from './http/errors';
import { apiGate, requestLog, securityHeaders } from './http/middleware';
import { serveStaticPwa } from './http/static';
import { errorCode, type Logger } from './logger';
import { adminRoutes } from './routes/admin-routes';
import { authRoutes } from './routes/auth-routes';
import { exportRoutes } from './routes/export-routes';
import type { RouteDeps } from './routes/deps';
import { healthRoutes } from './routes/health-routes';
import { historyRoutes } from './routes/history-routes';
import { setupRoutes } from './routes/setup-routes';
import { syncRoutes } from './routes/sync-routes';
import type { Store } from './store/store';

export interface AppDeps {
  store: Store;
  config: Config;
  logger: Logger;
  /** The clock (epoch ms); tests pass a fake one to cross lockout windows. */
  clock?: () => number;
  /** Where the built PWA is; defaults to config.staticDir; null serves the API only. */
  staticDir?: string | null;
  /** The demo centre offered on first run; false hides it (POST /api/v1/setup/demo answers 404). */
  demo?: { seed?: number } | false;
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** Builds the Obecni HTTP app. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { store, config, logger } = deps;
  const clock = deps.clock ?? Date.now;
  const staticDir = deps.staticDir === undefined ? config.staticDir : deps.staticDir;
  const accessTokens = createAccessTokens(config.accessTokenSecret, config.accessTokenTtlSeconds);
  const routeDeps: RouteDeps = {
    store, config, logger, clock, accessTokens, requireAuth: requireAccess(store, clock, accessTokens), requireDevice: requireDevice(store, clock), demo: deps.demo ?? {},
  };

  const app = new Hono<AppEnv>();
  app.use('*', requestLog(logger, clock));
  app.use('*', securityHeaders({ trustProxy: config.trustProxy }));
  app.use('*', compress());
  app.use('/api/*', apiGate());
  app.use('/api/*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => failResponse(c, 'payloadTooLarge') }));
  // Gzip push bodies: the limit again on the decompressed size (a zip bomb is refused unread).
  app.use('/api/*', decodeRequestBody(MAX_BODY_BYTES));

  app.route('/api/v1/health', healthRoutes(routeDeps));
  app.route('/api/v1/setup', setupRoutes(routeDeps));
  app.route('/api/v1/auth', authRoutes(routeDeps));
  app.route('/api/v1/sync', syncRoutes(routeDeps));
  app.route('/api/v1/history', historyRoutes(routeDeps));
  app.route('/api/v1/admin', adminRoutes(routeDeps));
  app.route('/api/v1/exports', exportRoutes(routeDeps));
  app.all('/api/*', (c) => failResponse(c, 'notFound'));

  if (staticDir !== null && isDirectory(staticDir)) app.use('*', serveStaticPwa(staticDir));

  app.notFound((c) => failResponse(c, 'notFound'));
  app.onError((error, c) => {
    if (error instanceof HttpFailure) return failResponse(c, error.code, error.issues, error.retryAfterSeconds);
    logger.error('unhandledError', { route: routePath(c), code: errorCode(error) });
    return failResponse(c, 'internal');
  });
  return app;
}
