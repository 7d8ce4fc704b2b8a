/**
 * The embedded store: PGlite (PostgreSQL compiled to WebAssembly) in DATA_DIR/pglite, so a
 * single centre runs Obecni with no database server to install. With `dataDir: null` the
 * database lives in memory only (tests).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { transactionClient, type RawTx, type SqlDatabase } from './sql-client';
import { createSqlStore, type SqlStoreOptions } from './sql-store';
import type { Store } from './store';

/** Where PGlite keeps its files under a DATA_DIR. */
export function pgliteDir(dataDir: string): string {
  return join(dataDir, 'pglite');
}

function raw(db: PGlite | Transaction): RawTx {
  return {
    query: async <T>(sql: string, params?: readonly unknown[]) => (await db.query<T>(sql, params ? [...params] : undefined)).rows,
    exec: async (sql: string) => { await db.exec(sql); },
  };
}

/** A SqlDatabase over an open PGlite instance. */
export function pgliteDatabase(pg: PGlite): SqlDatabase {
  const base = raw(pg);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pg.transaction((tx) => fn(transactionClient(raw(tx)))),
    close: () => pg.close(),
  };
}

/** Opens (creating when needed) the PGlite store under `dataDir`, or in memory when null. Call `migrate()` next. */
export async function openPgliteStore(opts: { dataDir: string | null } & SqlStoreOptions): Promise<Store> {
  let pg: PGlite;
  if (opts.dataDir === null) {
    pg = await PGlite.create();
  } else {
    const dir = pgliteDir(opts.dataDir);
    mkdirSync(dir, { recursive: true });
    pg = await PGlite.create(dir);
  }
  return createSqlStore(pgliteDatabase(pg), opts);
}
