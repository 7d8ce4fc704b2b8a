/**
 * The backup contract of the store (src/server/store/backup-store.ts), against any Store, without
 * files: the snapshot hands out every row of an organization in pages and in key order (devices
 * without their token), and the restore writes them into an empty store in one transaction:
 * records renumbered from the given sequence in their old order, devices revoked, audit ids kept,
 * nothing at all when it fails, and nothing done when the store is not empty. The whole backup
 * file round trip is in backup-contract.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupAuditRow, BackupDevice, BackupRecord, BackupUser } from '../../../src/server/backup/format';
import type { BackupSnapshot, SnapshotCounts, Store } from '../../../src/server/store/store';
import { T0, seedWorld, type StoreWorld } from './contract-store-fixture';
import type { OpenStore } from './contract-first-run';
import { hlc } from '../helpers';

/** More audit rows than one snapshot page holds (500). */
const AUDIT_ROWS = 620;

async function all<T>(pages: AsyncIterable<T[]>): Promise<{ rows: T[]; pages: number }> {
  const rows: T[] = [];
  let count = 0;
  for await (const page of pages) {
    rows.push(...page);
    count += 1;
  }
  return { rows, pages: count };
}

interface Dump { counts: SnapshotCounts; users: BackupUser[]; devices: BackupDevice[]; records: BackupRecord[]; audit: BackupAuditRow[]; auditPages: number }

async function dump(s: BackupSnapshot, org: string): Promise<Dump> {
  const audit = await all(s.audit(org));
  return {
    counts: await s.counts(org),
    users: (await all(s.users(org))).rows,
    devices: (await all(s.devices(org))).rows,
    records: (await all(s.records(org, 'rooms'))).rows,
    audit: audit.rows,
    auditPages: audit.pages,
  };
}

export function backupStoreContract(open: OpenStore): void {
  describe('backup store contract', () => {
    let source: Store;
    let target: Store;
    let w: StoreWorld;
    let before: Dump;

    beforeAll(async () => {
      source = await open();
      target = await open();
      w = await seedWorld(source);
      await source.write(w.org, async (tx) => {
        for (const [i, name] of ['Stolarnia', 'Krawiecka', 'Ogrodnicza'].entries()) {
          const stamp = hlc(T0 + i);
          await tx.saveRecord(w.org, { entity: 'rooms', id: `room-${2 - i}`, data: { id: `room-${2 - i}`, unitId: 'u1', name }, fieldHlc: { name: stamp }, hlc: stamp, deleted: false });
        }
        for (let i = 0; i < AUDIT_ROWS; i += 1) await tx.audit(w.org, { atMs: T0 + i, userId: w.admin.id, deviceId: null, action: 'login' });
      });
      before = await source.backup.snapshot((s) => dump(s, w.org));
    });
    afterAll(async () => {
      await source.close();
      await target.close();
    });

    it('BACKUPSTORE-SNAPSHOT: every row in pages, in key order, counted; devices without their token', async () => {
      const orgs = await source.backup.snapshot((s) => s.organizations());
      expect(orgs).toEqual([{ id: w.org, name: `MOPS ${w.org}`, createdAt: new Date(T0).toISOString(), cursorFloor: 0 }]);
      expect(before.counts).toEqual({ users: 2, devices: 2, records: { rooms: 3 }, history: 0, audit: AUDIT_ROWS, erasures: 0 });
      expect(before.auditPages).toBe(2);
      expect(before.audit.map((a) => a.id)).toEqual([...before.audit.map((a) => a.id)].sort((a, b) => a - b));
      expect(before.records.map((r) => r.id)).toEqual(['room-2', 'room-1', 'room-0']);
      expect(before.users.map((u) => u.id)).toEqual([w.admin.id, w.therapist.id].sort());
      expect(before.devices.every((d) => !JSON.stringify(d).includes('-hash'))).toBe(true);
      expect(await source.backup.snapshot((s) => s.changeSeq())).toBeGreaterThanOrEqual(Math.max(...before.records.map((r) => r.seq)));
    });

    it('BACKUPSTORE-ATOMIC: a restore that fails half-way leaves the target empty', async () => {
      await expect(target.backup.restore(async (t) => {
        await t.createOrganization({ id: w.org, name: 'x', createdAt: new Date(T0).toISOString(), cursorFloor: 1 });
        await t.addUsers(w.org, before.users);
        throw new Error('the file changed');
      })).rejects.toThrow('the file changed');
      expect(await target.isInitialized()).toBe(false);
    });

    it('BACKUPSTORE-RESTORE: rows come back, records renumbered in order from the floor, devices revoked, audit ids kept and continued', async () => {
      const floor = 1_000;
      const done = await target.backup.restore(async (t) => {
        expect(await t.changeSeq()).toBeGreaterThanOrEqual(0);
        await t.createOrganization({ ...(await source.backup.snapshot((s) => s.organizations()))[0]!, cursorFloor: floor });
        await t.addUsers(w.org, before.users);
        await t.addDevices(w.org, before.devices, new Date(T0 + 99).toISOString());
        await t.addRecords(w.org, before.records.map((r) => ({ ...r, entity: 'rooms' })));
        await t.addAudit(w.org, before.audit);
        await t.renumber(w.org, floor);
        return 'restored';
      });
      expect(done).toBe('restored');
      const after = await target.backup.snapshot((s) => dump(s, w.org));
      expect(after.users).toEqual(before.users);
      expect(after.devices).toEqual(before.devices.map((d) => ({ ...d, revokedAt: new Date(T0 + 99).toISOString() })));
      expect(after.records.map((r) => [r.id, r.seq])).toEqual([['room-2', floor], ['room-1', floor + 1], ['room-0', floor + 2]]);
      expect(after.audit).toEqual(before.audit);
      expect(await target.sync.cursorFloor(w.org)).toBe(floor);
      expect(await target.accounts.findSession(`${w.adminDevice}-hash`)).toBeNull();
      await target.audit.record(w.org, { atMs: T0, userId: null, deviceId: null, action: 'restore' });
      const [newest] = await target.audit.list(w.org, 1);
      expect(newest!.id).toBeGreaterThan(Math.max(...before.audit.map((a) => a.id)));
      const seq = await target.write(w.org, (tx) => tx.saveRecord(w.org, { entity: 'rooms', id: 'room-new', data: { id: 'room-new' }, fieldHlc: {}, hlc: hlc(T0), deleted: false }));
      expect(seq).toBe(floor + 3);
    });

    it('BACKUPSTORE-NOT-EMPTY: a restore into a store that holds an organization does nothing and says so', async () => {
      let ran = false;
      expect(await source.backup.restore(async () => { ran = true; })).toBeNull();
      expect(ran).toBe(false);
    });
  });
}
