/**
 * The one Store implementation, over a SqlDatabase adapter (PGlite or a PostgreSQL pool), made of
 * the four contracts' SQL parts (sql-sync, sql-accounts, sql-audit, sql-backup) and the
 * transaction operations (sql-tx). Writers of one organization are serialised by a
 * transaction-scoped advisory lock: a change takes its sequence number and commits while holding
 * it, so a reader that sees sequence N has already seen every smaller sequence of that
 * organization, and pull cursors never skip a change.
 */
import { uuidv7 } from 'uuidv7';
import { appliedMigrations, migrate, type Migration, loadMigrations } from './migrate';
import { sqlAccounts } from './sql-accounts';
import { sqlAudit } from './sql-audit';
import { sqlBackup } from './sql-backup';
import type { SqlClient, SqlDatabase } from './sql-client';
import { sqlSync } from './sql-sync';
import { sqlStoreTx } from './sql-tx';
import type { Store, StoreTx } from './store';

/** The advisory lock key that serialises first-run setup, demo loading and restores. */
const INIT_LOCK_KEY = 72_616_802;

export interface SqlStoreOptions {
  migrations?: Migration[];
  /** Id generator for server-made history rows (tests may pass a seeded one). */
  newId?: () => string;
}

/** Builds the Store over an open database. */
export function createSqlStore(db: SqlDatabase, opts: SqlStoreOptions = {}): Store {
  const newId = opts.newId ?? uuidv7;
  const migrations = opts.migrations ?? loadMigrations();

  /** Runs `fn` in one transaction under the first-run lock, only while no organization exists. */
  const whileEmpty = <T>(fn: (tx: SqlClient) => Promise<T>): Promise<T | null> => db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [INIT_LOCK_KEY]);
    const existing = await tx.query('SELECT 1 AS x FROM organizations LIMIT 1');
    if (existing.length > 0) return null;
    return fn(tx);
  });

  return {
    kind: db.kind,
    migrate: () => migrate(db, migrations),
    appliedMigrations: () => appliedMigrations(db),
    close: () => db.close(),

    async isInitialized() {
      const rows = await db.query('SELECT 1 AS x FROM organizations LIMIT 1');
      return rows.length > 0;
    },

    initialize: <T>(fn: (tx: StoreTx) => Promise<T>) => whileEmpty((tx) => fn(sqlStoreTx(tx, newId))),

    write<T>(organizationId: string, fn: (tx: StoreTx) => Promise<T>): Promise<T> {
      return db.transaction(async (tx) => {
        await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('obecni-org:' || $1, 0))", [organizationId]);
        return fn(sqlStoreTx(tx, newId));
      });
    },

    sync: sqlSync(db),
    accounts: sqlAccounts(db),
    audit: sqlAudit(db),
    backup: sqlBackup(db, whileEmpty, newId),
  };
}
