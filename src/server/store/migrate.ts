/**
 * Schema migrations: the ordered SQL files of ./migrations, each applied once and recorded in
 * schema_migrations. All of it runs in one transaction under an advisory lock, so two servers
 * starting at the same moment on one PostgreSQL neither race nor apply a file twice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SqlClient } from './sql-client';

export interface Migration { name: string; sql: string }

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
/** An arbitrary constant key of the advisory lock that serialises migrations. */
const MIGRATION_LOCK_KEY = 72_616_801;

/** The migration files in order of their names (001_init.sql, 002_…). */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ name: file.replace(/\.sql$/, ''), sql: readFileSync(`${dir}/${file}`, 'utf8') }));
}

/** Applies the migrations not yet recorded; returns the names of all applied migrations, in order. */
export async function migrate(db: SqlClient, migrations: Migration[] = loadMigrations(), nowMs = Date.now()): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL)');
    const done = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)', [m.name, new Date(nowMs).toISOString()]);
    }
    return appliedMigrations(tx);
  });
}

/** The names of the applied migrations, in order; empty before the first migration. */
export async function appliedMigrations(db: SqlClient): Promise<string[]> {
  const exists = await db.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  if (!exists[0]?.t) return [];
  return (await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map((r) => r.name);
}
