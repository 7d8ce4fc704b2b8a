/**
 * The Store contract on PostgreSQL, when DATABASE_URL is set. Every store opened here lives in
 * a fresh schema (t_<random>) that is dropped afterwards, so runs never collide. Without
 * DATABASE_URL this file holds one test, which fails when REQUIRE_POSTGRES=1 (CI must not
 * silently lose the PostgreSQL run).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../../src/server/store/postgres-store';
import type { Store } from '../../../src/server/store/store';
import { openInFreshSchema } from './pg-schema';
import { storeContractSuite } from './store-contract';

const url = process.env.DATABASE_URL;

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
