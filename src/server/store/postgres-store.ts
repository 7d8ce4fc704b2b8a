/**
 * The PostgreSQL store, for cities and operators running many organizations on one database
 * (DATABASE_URL). Same SQL and migrations as the embedded store, over a node-postgres pool.
 */
import pg from 'pg';
import { transactionClient, type RawTx, type SqlDatabase } from './sql-client';
import { createSqlStore, type SqlStoreOptions } from './sql-store';
import type { Store } from './store';

export interface PostgresStoreOptions extends SqlStoreOptions {
  connectionString: string;
  /** A schema to use instead of the default search path (tests use a fresh one per run). */
  schema?: string;
  /** Pool size (default 10). */
  max?: number;
  /** Told about errors of idle pool connections (a restarted database), which would otherwise crash the process. */
  onIdleError?: (error: Error) => void;
}

function raw(client: pg.Pool | pg.PoolClient): RawTx {
  return {
    query: async <T>(sql: string, params?: readonly unknown[]) => (await client.query(sql, params ? [...params] : undefined)).rows as T[],
    exec: async (sql: string) => { await client.query(sql); },
  };
}

/** A SqlDatabase over a pool; each transaction holds one pooled connection. */
export function postgresDatabase(pool: pg.Pool): SqlDatabase {
  const base = raw(pool);
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(transactionClient(raw(client)));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Opens a pool to `connectionString` and checks that it answers. */
export async function openPostgresDatabase(opts: Omit<PostgresStoreOptions, keyof SqlStoreOptions>): Promise<SqlDatabase> {
  if (opts.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(opts.schema)) throw new Error('invalid schema name');
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.max ?? 10,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  pool.on('error', (error) => opts.onIdleError?.(error));
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return postgresDatabase(pool);
}

/** Opens the PostgreSQL store (checking that the database answers). Call `migrate()` next. */
export async function openPostgresStore(opts: PostgresStoreOptions): Promise<Store> {
  return createSqlStore(await openPostgresDatabase(opts), opts);
}
