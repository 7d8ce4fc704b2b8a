/** What every route module receives from createApp. */
import type { MiddlewareHandler } from 'hono';
import type { AccessTokens } from '../access-token';
import type { Config } from '../config';
import type { AppEnv } from '../http/context';
import type { Logger } from '../logger';
import type { Store } from '../store/store';

export interface RouteDeps {
  store: Store;
  config: Config;
  logger: Logger;
  clock: () => number;
  /** Sync, history and admin calls: the short-lived access token (access-token.ts). */
  requireAuth: MiddlewareHandler<AppEnv>;
  /** /auth/token, /auth/logout and /auth/session: the device token itself. */
  requireDevice: MiddlewareHandler<AppEnv>;
  /** Issues and checks access tokens. */
  accessTokens: AccessTokens;
  /** The one-time setup code printed at start on an empty database; null: none (setup is refused). */
  setupCode: string | null;
  /** The demo centre's options, or false when the demo is not offered. */
  demo: { seed?: number } | false;
}
