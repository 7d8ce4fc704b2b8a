/** The Store contract on embedded PGlite (in memory), and PGlite's persistence in DATA_DIR. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../src/protocol';
import { openPgliteStore } from '../../../src/server/store/pglite-store';
import { openMemoryStore } from './memory-store';
import { SETUP, call, pullAll, setUp, testApp } from '../helpers';
import { storeContractSuite } from './store-contract';

describe('PGlite store', () => {
  storeContractSuite(async () => {
    const store = await openMemoryStore();
    await store.migrate();
    return store;
  });

  describe('persistence', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'obecni-pglite-'));
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it('STORE-PERSIST: data written before close is there after reopening the same DATA_DIR', async () => {
      const first = await openPgliteStore({ dataDir });
      await first.migrate();
      const session = await setUp(testApp(first).app);
      const before = await pullAll(testApp(first).app, session);
      await first.close();

      const second = await openPgliteStore({ dataDir });
      try {
        expect(await second.migrate()).toEqual(['001_init', '002_cursor_floor', '003_scope_epoch', '004_history_defaults', '005_login_throttle', '006_erasures', '007_device_sign_out', '008_second_factor', '009_device_outbox']);
        const { app } = testApp(second);
        expect((await call<{ initialized: boolean }>(app, 'GET', '/api/v1/setup/status')).body.initialized).toBe(true);
        expect(await pullAll(app, session)).toEqual(before);
        const login = await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login: SETUP.login, password: SETUP.password, deviceName: '' } });
        expect(login.status).toBe(200);
      } finally {
        await second.close();
      }
    });
  });
});
