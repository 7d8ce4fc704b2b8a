/**
 * The embedded store: PGlite (PostgreSQL compiled to WebAssembly) in DATA_DIR/pglite, so a
 * single centre runs Obecni with no database server to install. With `dataDir: null` the
 * database lives in memory only (tests).
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { restrictTree, secureDataDir } from './data-dir';
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

/** The code of the error thrown when another live process holds the DATA_DIR (two PGlite instances on one directory corrupt it). */
export const DATA_DIR_LOCKED = 'DATA_DIR_LOCKED';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Takes `DATA_DIR/pglite.lock` (holding this process id) so that a second process (a second server,
 * `npm run backup` while the server runs) refuses to open the same files. A lock left by a process
 * that no longer runs (a crash, SIGKILL) is taken over. Returns the release function. If the server
 * refuses to start with DATA_DIR_LOCKED while no Obecni process runs, the file can be deleted.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, 'pglite.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      // Our own pid in the file is a lock left by an earlier run (a restarted container is pid 1 again).
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw Object.assign(new Error('the data directory is in use by another process'), { code: DATA_DIR_LOCKED });
      }
      rmSync(path, { force: true });
    }
  }
  throw Object.assign(new Error('the data directory is in use by another process'), { code: DATA_DIR_LOCKED });
}

/** A SqlDatabase over an open PGlite instance. */
export function pgliteDatabase(pg: PGlite, onClose: () => void = () => undefined): SqlDatabase {
  const base = raw(pg);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pg.transaction((tx) => fn(transactionClient(raw(tx)))),
    close: async () => {
      try {
        await pg.close();
      } finally {
        onClose();
      }
    },
  };
}

/**
 * Opens (creating when needed) the PGlite store under `dataDir`, or in memory when null. Call `migrate()` next.
 * DATA_DIR is made private to the server's user first, and its files again after PGlite opened and
 * closed them (PGlite writes files 0666): see data-dir.ts. Throws DataDirError when it cannot be.
 */
export async function openPgliteStore(opts: { dataDir: string | null } & SqlStoreOptions): Promise<Store> {
  if (opts.dataDir === null) return createSqlStore(pgliteDatabase(await PGlite.create()), opts);
  const dataDir = opts.dataDir;
  secureDataDir(dataDir);
  const dir = pgliteDir(dataDir);
  const release = lockDataDir(dataDir);
  let pg: PGlite;
  try {
    pg = await PGlite.create(dir);
    restrictTree(dataDir);
  } catch (error) {
    release();
    throw error;
  }
  return createSqlStore(pgliteDatabase(pg, () => {
    try {
      restrictTree(dataDir);
    } finally {
      release();
    }
  }), opts);
}
