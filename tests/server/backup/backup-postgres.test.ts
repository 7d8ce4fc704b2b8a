/**
 * Backup and restore on PostgreSQL (DATABASE_URL), each store in a fresh schema, and a backup of
 * embedded PGlite restored into PostgreSQL (moving a centre to the city's database). Without
 * DATABASE_URL this file holds one test, which fails when REQUIRE_POSTGRES=1.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/domain';
import type { SessionInfo } from '../../../src/protocol';
import { restoreBackup } from '../../../src/server/backup/restore';
import { writeBackup } from '../../../src/server/backup/write-backup';
import { loadDemo } from '../../../src/server/setup/demo';
import { openPgliteStore } from '../../../src/server/store/pglite-store';
import { backupContractSuite } from './backup-contract';
import { call, pullAll, testApp } from '../helpers';
import { openInFreshSchema } from '../store/pg-schema';

const url = process.env.DATABASE_URL;

if (url) {
  describe('backup and restore on PostgreSQL', () => {
    backupContractSuite(async () => {
      const { store } = await openInFreshSchema(url);
      await store.migrate();
      return store;
    });

    it('RESTORE-CROSS: a backup of embedded PGlite restores into PostgreSQL, and a device pulls the same records', async () => {
      const source = await openPgliteStore({ dataDir: null });
      const { store: target } = await openInFreshSchema(url);
      try {
        await source.migrate();
        await target.migrate();
        const nowMs = Date.UTC(2026, 10, 23, 8);
        const demo = await loadDemo(source, { nowMs, signIn: { login: 'koordynator', deviceName: 'PC biuro' } });
        const parts: string[] = [];
        await writeBackup(source, async (text) => { parts.push(text); }, { nowMs });
        const result = await restoreBackup(target, () => parts, { nowMs });
        expect(result.ok).toBe(true);
        const { app } = testApp(target);
        const login = await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login: 'koordynator', password: DEMO_PASSWORD, deviceName: 'PC biuro' } });
        expect(login.status).toBe(200);
        const strip = (changes: Awaited<ReturnType<typeof pullAll>>) => changes.map(({ seq: _seq, ...rest }) => rest);
        expect(strip(await pullAll(app, login.body))).toEqual(strip(await pullAll(testApp(source).app, demo!.session!)));
      } finally {
        await source.close();
        await target.close();
      }
    }, 120_000);
  });
} else {
  describe('backup and restore on PostgreSQL', () => {
    it('POSTGRES-OPTIONAL: without DATABASE_URL the PostgreSQL run must not be required (REQUIRE_POSTGRES)', () => {
      expect(process.env.REQUIRE_POSTGRES, 'REQUIRE_POSTGRES=1 but DATABASE_URL is not set').not.toBe('1');
    });
  });
}
