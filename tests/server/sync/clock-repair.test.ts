/**
 * CLOCK-REPAIR (issue 13.1): records a device stamped in the future before the server refused
 * such stamps stay frozen (every later correction is "accepted" but loses). `npm run repair-clock`
 * re-issues those stamps at the server's now, keeps the history and audits each record; after it,
 * a correction wins again. On PGlite always, and on PostgreSQL when DATABASE_URL is set; the
 * command itself runs once in a child process on a PGlite DATA_DIR.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHlc } from '../../../src/domain';
import type { SessionInfo } from '../../../src/protocol';
import { openPgliteStore } from '../../../src/server/store/pglite-store';
import type { Store } from '../../../src/server/store/store';
import { REPAIR_DEVICE, repairFutureStamps } from '../../../src/server/sync/clock-repair';
import { fakeClock, hlc, mutation, pullAll, push, roomPatch, setUp, testApp, type TestApp } from '../helpers';
import { openMemoryStore } from '../store/memory-store';
import { openInFreshSchema } from '../store/pg-schema';

const EVIL = '9999999999999-zzzz-evil';
const ROOM = '0193a000-0000-7000-8000-00000000d101';

/** A record frozen by a future stamp, stored as the server did before the fix (with its history row). */
async function freeze(store: Store, org: string, unitId: string, userId: string): Promise<void> {
  await store.write(org, async (tx) => {
    const data = { id: ROOM, organizationId: org, ...roomPatch(unitId, 'Pracownia zamrożona'), hlc: EVIL, changedBy: userId, deleted: false };
    const fieldHlc = { unitId: EVIL, name: EVIL, isStudio: EVIL, capacity: EVIL, deleted: EVIL };
    const seq = await tx.saveRecord(org, { entity: 'rooms', id: ROOM, data, fieldHlc, hlc: EVIL, deleted: false });
    await tx.appendMutation(org, {
      mutationId: '0193a000-0000-7000-8000-00000000d1ff', seq, entity: 'rooms', recordId: ROOM, userId, deviceId: 'evil', hlc: EVIL,
      patch: roomPatch(unitId, 'Pracownia zamrożona'), oldValues: {}, appliedFields: ['unitId', 'name', 'isStudio', 'capacity', 'deleted'], receivedAtMs: Date.UTC(2026, 11, 1),
    });
  });
}

function repairSuite(name: string, open: () => Promise<Store>): void {
  describe(`CLOCK-REPAIR on ${name}`, () => {
    let store: Store;
    let app: TestApp;
    let admin: SessionInfo;
    let org: string;
    const clock = fakeClock(Date.UTC(2026, 11, 7, 9));
    beforeAll(async () => {
      store = await open();
      await store.migrate();
      app = testApp(store, { clock: clock.now }).app;
      admin = await setUp(app);
      org = admin.user.organizationId;
      await freeze(store, org, admin.user.unitIds[0]!, admin.user.id);
    });
    afterAll(async () => { await store.close(); });

    const room = async () => (await pullAll(app, admin)).find((c) => c.recordId === ROOM)!;

    it('CLOCK-REPAIR: a frozen record takes corrections again after the repair; history kept, repair audited', async () => {
      clock.advance(60_000);
      const lost = await push(app, admin, [mutation('rooms', ROOM, { name: 'Sala relaksu' }, hlc(clock.now(), 'adm'))]);
      expect(lost.body.accepted).toHaveLength(1);
      expect((await room()).data.name).toBe('Pracownia zamrożona');

      const result = await repairFutureStamps(store, org, { nowMs: clock.now(), toleranceMs: 300_000 });
      expect(result).toEqual({ records: { rooms: 1 }, fields: 5 });
      const repaired = await room();
      expect(parseHlc(repaired.data.hlc as string)).toEqual({ wall: clock.now(), counter: 0, device: REPAIR_DEVICE });
      expect(repaired.data.name).toBe('Pracownia zamrożona');
      const [entry] = await store.audit.list(org, 1, { action: 'clockRepair', recordId: ROOM });
      expect(entry).toMatchObject({ entity: 'rooms', details: { fields: ['capacity', 'deleted', 'isStudio', 'name', 'unitId'] } });
      // Nothing else is ahead: a second run repairs nothing.
      expect(await repairFutureStamps(store, org, { nowMs: clock.now(), toleranceMs: 300_000 })).toEqual({ records: {}, fields: 0 });

      clock.advance(60_000);
      expect((await push(app, admin, [mutation('rooms', ROOM, { name: 'Sala multimedialna' }, hlc(clock.now(), 'adm'))])).body.accepted).toHaveLength(1);
      expect((await room()).data.name).toBe('Sala multimedialna');
      // The history keeps the frozen write, the lost correction and the one that landed.
      const history = await store.sync.history(org, 'rooms', ROOM);
      expect(history.map((h) => h.hlc)).toEqual([EVIL, hlc(clock.now() - 60_000, 'adm'), hlc(clock.now(), 'adm')]);
    });
  });
}

repairSuite('PGlite', openMemoryStore);
const url = process.env.DATABASE_URL;
if (url) repairSuite('PostgreSQL', async () => (await openInFreshSchema(url)).store);

describe('CLOCK-REPAIR-CLI: npm run repair-clock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'obecni-repair-'));
  let org: string;
  beforeAll(async () => {
    const store = await openPgliteStore({ dataDir: dir });
    await store.migrate();
    const admin = await setUp(testApp(store).app);
    org = admin.user.organizationId;
    await freeze(store, org, admin.user.unitIds[0]!, admin.user.id);
    await store.close();
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('repairs the data directory and says how much, in Polish and English; a bad argument is exit 2', async () => {
    const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dir };
    delete env.DATABASE_URL;
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/server/repair-clock-cli.ts', ...args], { env, encoding: 'utf8', timeout: 120_000 });
    expect(run(['--bogus']).status).toBe(2);
    const done = run([]);
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toContain('naprawiono / repaired 1 rekordów / records, 5 znaczników pól / field stamps');
    const store = await openPgliteStore({ dataDir: dir });
    try {
      const record = await store.write(org, (tx) => tx.getRecord(org, 'rooms', ROOM));
      expect(parseHlc(record!.hlc).device).toBe(REPAIR_DEVICE);
      expect(parseHlc(record!.hlc).wall).toBeLessThanOrEqual(Date.now());
    } finally {
      await store.close();
    }
  }, 120_000);
});
