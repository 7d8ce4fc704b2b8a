/**
 * Backup and restore on PostgreSQL (DATABASE_URL), each store in a fresh schema. Without
 * DATABASE_URL this file holds one test, which fails when REQUIRE_POSTGRES=1.
 */
import { describe, expect, it } from 'vitest';
import { backupContractSuite } from './backup-contract';
import { openInFreshSchema } from './pg-schema';

const url = process.env.DATABASE_URL;

if (url) {
  describe('backup and restore on PostgreSQL', () => {
    backupContractSuite(async () => {
      const { store } = await openInFreshSchema(url);
      await store.migrate();
      return store;
    });
  });
} else {
  describe('backup and restore on PostgreSQL', () => {
    it('POSTGRES-OPTIONAL: without DATABASE_URL the PostgreSQL run must not be required (REQUIRE_POSTGRES)', () => {
      expect(process.env.REQUIRE_POSTGRES, 'REQUIRE_POSTGRES=1 but DATABASE_URL is not set').not.toBe('1');
    });
  });
}
