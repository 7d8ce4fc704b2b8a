/** What every route module receives from createApp. */
import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config';
import type { AppEnv } from '../http/context';
import type { Logger } from '../logger';
import type { Store } from '../store/store';

export interface RouteDeps {
  store: Store;
  config: Config;
  logger: Logger;
  clock: () => number;
  /** The bearer-token middleware. */
  requireAuth: MiddlewareHandler<AppEnv>;
  /** The demo centre's options, or false when the demo is not offered. */
  demo: { seed?: number } | false;
}
