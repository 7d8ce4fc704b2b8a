/** Opens the store the configuration asks for: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR. */
import type { Config } from '../config';
import { openPgliteStore } from './pglite-store';
import { openPostgresStore } from './postgres-store';
import type { Store } from './store';

export type * from './store';
export { openPgliteStore, pgliteDir } from './pglite-store';
export { openPostgresStore } from './postgres-store';

/** Opens and migrates the configured store. */
export async function openStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>, onIdleError?: (error: Error) => void): Promise<Store> {
  const store = config.databaseUrl
    ? await openPostgresStore({ connectionString: config.databaseUrl, ...(onIdleError ? { onIdleError } : {}) })
    : await openPgliteStore({ dataDir: config.dataDir });
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}

/** A human description of where the data lives (for the start-up line), without credentials. */
export function describeStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  if (!config.databaseUrl) return `PGlite ${config.dataDir.replace(/\/+$/, '')}/pglite`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}
