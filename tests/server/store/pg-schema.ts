/**
 * A PostgreSQL store in a fresh schema (t_<random>) that closing the store drops, so test runs
 * never collide on the shared database.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresDatabase } from '../../../src/server/store/postgres-store';
import { createSqlStore } from '../../../src/server/store/sql-store';
import type { Store } from '../../../src/server/store/store';
import { withRawSql } from './raw-sql';

/** Opens a store in a new schema (or in `existingSchema`); closing the store drops the schema. */
export async function openInFreshSchema(connectionString: string, existingSchema?: string): Promise<{ store: Store; schema: string }> {
  const schema = existingSchema ?? `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    await admin.end();
  }
  const db = await openPostgresDatabase({ connectionString, schema, max: 4 });
  const store = createSqlStore(db);
  const close = store.close;
  return {
    schema,
    store: withRawSql({
      ...store,
      close: async () => {
        await close();
        const dropper = new pg.Client({ connectionString });
        await dropper.connect();
        try {
          await dropper.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        } finally {
          await dropper.end();
        }
      },
    }, db),
  };
}
