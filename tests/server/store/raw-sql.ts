/**
 * Raw SQL on a test store, for tests that compare whole tables (backup, hostile input). The server
 * itself never reaches SQL outside src/server/store; tests of the SQL implementation may, through
 * the database they opened the store on.
 */
import type { SqlClient } from '../../../src/server/store/sql-client';
import type { Store } from '../../../src/server/store/store';

const databases = new WeakMap<Store, SqlClient>();

/** Remembers the database `store` runs on; returns the store. */
export function withRawSql<S extends Store>(store: S, db: SqlClient): S {
  databases.set(store, db);
  return store;
}

/** Runs one statement on the database under `store` (opened by memory-store.ts or pg-schema.ts). */
export function rawSql<T = Record<string, unknown>>(store: Store, text: string): Promise<T[]> {
  const db = databases.get(store);
  if (!db) throw new Error('this store was not opened by a test helper that keeps its database');
  return db.query<T>(text);
}
