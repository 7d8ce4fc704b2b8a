/**
 * In-memory PGlite for the server tests, started from the empty cluster that the global set-up
 * made with initdb once per run (pglite-template.global.ts) instead of running initdb again:
 * the same empty database, a few hundred milliseconds instead of seconds.
 */
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { pgliteDatabase } from '../../../src/server/store/pglite-store';
import { createSqlStore } from '../../../src/server/store/sql-store';
import type { Store } from '../../../src/server/store/store';
import { withRawSql } from './raw-sql';

let template: Blob | undefined;

/** A new in-memory PGlite holding an empty cluster, as PGlite.create() would give it. */
export async function freshPglite(): Promise<PGlite> {
  template ??= new Blob([readFileSync(inject('pgliteTemplate'))]);
  return PGlite.create({ loadDataDir: template });
}

/** What openPgliteStore({ dataDir: null }) opens, started from the template: an empty store, not yet migrated. */
export async function openMemoryStore(): Promise<Store> {
  const db = pgliteDatabase(await freshPglite());
  return withRawSql(createSqlStore(db), db);
}
