/**
 * The Store contract on PostgreSQL, when DATABASE_URL is set. Every store opened here lives in
 * a fresh schema (t_<random>) that is dropped afterwards, so runs never collide. Without
 * DATABASE_URL this file holds one test, which fails when REQUIRE_POSTGRES=1 (CI must not
 * silently lose the PostgreSQL run).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/server/store/postgres-store';
import type { Store } from '../../src/server/store/store';
import { storeContractSuite } from './store-contract';

const url = process.env.DATABASE_URL;

/** Opens a store in a new schema; closing the store drops the schema. */
async function openInFreshSchema(connectionString: string, existingSchema?: string): Promise<{ store: Store; schema: string }> {
  const schema = existingSchema ?? `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    await admin.end();
  }
  const store = await openPostgresStore({ connectionString, schema, max: 4 });
  const close = store.close;
  return {
    schema,
    store: {
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
    },
  };
}

if (url) {
  describe('PostgreSQL store', () => {
    storeContractSuite(async () => {
      const { store } = await openInFreshSchema(url);
      await store.migrate();
      return store;
    });

    describe('concurrent start', () => {
      const opened: Store[] = [];
      afterAll(async () => {
        const [first, ...rest] = opened;
        for (const s of rest) await s.close();
        await first?.close();
      });

      it('STORE-MIGRATE: two servers migrating one database at once apply each migration once', async () => {
        const a = await openInFreshSchema(url);
        opened.push(a.store);
        const b = await openPostgresStore({ connectionString: url, schema: a.schema, max: 2 });
        opened.push(b);
        const [ra, rb] = await Promise.all([a.store.migrate(), b.migrate()]);
        expect(ra).toEqual(rb);
        expect(ra).toContain('001_init');
        expect(await a.store.appliedMigrations()).toEqual(ra);
      });
    });
  });
} else {
  describe('PostgreSQL store', () => {
    it('POSTGRES-OPTIONAL: without DATABASE_URL the PostgreSQL suite must not be required (REQUIRE_POSTGRES)', () => {
      expect(process.env.REQUIRE_POSTGRES, 'REQUIRE_POSTGRES=1 but DATABASE_URL is not set').not.toBe('1');
    });
  });
}
