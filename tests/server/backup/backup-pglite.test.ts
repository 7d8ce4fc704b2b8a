/** Backup and restore on embedded PGlite (in memory), and the DATA_DIR lock that keeps a second process out. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR_LOCKED, openPgliteStore } from '../../../src/server/store/pglite-store';
import { openMemoryStore } from '../store/memory-store';
import { backupContractSuite } from './backup-contract';

describe('backup and restore on PGlite', () => {
  backupContractSuite(async () => {
    const store = await openMemoryStore();
    await store.migrate();
    return store;
  });
});

describe('PGlite DATA_DIR lock', () => {
  it('STORE-LOCK: a second open of a DATA_DIR in use is refused; after close, and over a dead holder, it opens', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'obecni-lock-'));
    try {
      const first = await openPgliteStore({ dataDir });
      // The lock of a running process other than this one (the parent of this test runner is alive).
      writeFileSync(join(dataDir, 'pglite.lock'), String(process.ppid));
      await expect(openPgliteStore({ dataDir })).rejects.toMatchObject({ code: DATA_DIR_LOCKED });
      writeFileSync(join(dataDir, 'pglite.lock'), String(process.pid));
      await first.close();
      // A lock file left by a process that is gone (pid far above any real one) is taken over.
      writeFileSync(join(dataDir, 'pglite.lock'), '999999999');
      const second = await openPgliteStore({ dataDir });
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
