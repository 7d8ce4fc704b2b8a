/**
 * The sync contract of the store (src/server/store/sync-store.ts), against any Store, without
 * HTTP: saved records get growing sequence numbers, the history keeps every change in order, a
 * savepoint undoes only its own writes, the pull filter sends only what it lets through (and
 * revocations for records that left the caller's units), bulk imports come with their history.
 * The push and pull rules over HTTP are in contract-sync.ts and contract-scope.ts.
 */
import { describe, expect, it } from 'vitest';
import type { MutationRow, RecordWrite } from '../../../src/server/store/store';
import { T0, twoOrganizations, type StoreWorld } from './contract-store-fixture';
import type { OpenStore } from './contract-first-run';
import { hlc } from '../helpers';

const room = (id: string, unitId: string, name: string, stamp: string): RecordWrite => ({
  entity: 'rooms', id, data: { id, unitId, name, isStudio: true, capacity: 8, hlc: stamp, changedBy: 'x', deleted: false },
  fieldHlc: { unitId: stamp, name: stamp, deleted: stamp }, hlc: stamp, deleted: false,
});

const historyRow = (w: StoreWorld, r: RecordWrite, mutationId: string, seq: number | null): MutationRow => ({
  mutationId, seq, entity: r.entity, recordId: r.id, userId: w.admin.id, deviceId: w.adminDevice, hlc: r.hlc,
  patch: { name: r.data.name }, oldValues: {}, appliedFields: ['name'], receivedAtMs: T0,
});

export function syncStoreContract(open: OpenStore): void {
  describe('sync store contract', () => {
    const ctx = twoOrganizations(open);

    it('SYNCSTORE-SAVE: each save gives the record a higher sequence; reads return the merged state and the history in order', async () => {
      expect(await ctx.store.sync.maxSeq(ctx.w.org)).toBe(0);
      const first = room('r1', 'u1', 'Stolarnia', hlc(T0));
      const second = room('r1', 'u1', 'Stolarnia duża', hlc(T0 + 1));
      const [s1, s2] = await ctx.store.write(ctx.w.org, async (tx) => {
        expect(await tx.getRecord(ctx.w.org, 'rooms', 'r1')).toBeNull();
        const a = await tx.saveRecord(ctx.w.org, first);
        await tx.appendMutation(ctx.w.org, historyRow(ctx.w, first, 'm1', a));
        const b = await tx.saveRecord(ctx.w.org, second);
        await tx.appendMutation(ctx.w.org, historyRow(ctx.w, second, 'm2', b));
        expect(await tx.hasMutation(ctx.w.org, 'm2')).toBe(true);
        expect(await tx.getRecord(ctx.w.org, 'rooms', 'r1')).toMatchObject({ seq: b, hlc: second.hlc, fieldHlc: second.fieldHlc });
        return [a, b];
      });
      expect(s2).toBeGreaterThan(s1);
      expect(await ctx.store.sync.maxSeq(ctx.w.org)).toBe(s2);
      expect(await ctx.store.sync.getRecord(ctx.w.org, 'rooms', 'r1')).toEqual({ data: second.data, deleted: false });
      expect((await ctx.store.sync.history(ctx.w.org, 'rooms', 'r1')).map((h) => [h.mutationId, h.seq])).toEqual([['m1', s1], ['m2', s2]]);
      expect(await ctx.store.sync.getRecord(ctx.other.org, 'rooms', 'r1')).toBeNull();
      expect(await ctx.store.sync.maxSeq(ctx.other.org)).toBe(0);
      expect(await ctx.store.sync.cursorFloor(ctx.w.org)).toBe(0);
    });

    it('SYNCSTORE-SAVEPOINT: a failing savepoint undoes its own writes only', async () => {
      const kept = room('r2', 'u1', 'Krawiecka', hlc(T0 + 2));
      await ctx.store.write(ctx.w.org, async (tx) => {
        const seq = await tx.saveRecord(ctx.w.org, kept);
        await tx.appendMutation(ctx.w.org, { ...historyRow(ctx.w, kept, 'm3', seq), patch: { unitId: 'u1' } });
        await expect(tx.savepoint(async (sp) => {
          await sp.saveRecord(ctx.w.org, room('r3', 'u1', 'Ogrodnicza', hlc(T0 + 3)));
          throw new Error('invalid');
        })).rejects.toThrow('invalid');
      });
      expect(await ctx.store.sync.getRecord(ctx.w.org, 'rooms', 'r2')).not.toBeNull();
      expect(await ctx.store.sync.getRecord(ctx.w.org, 'rooms', 'r3')).toBeNull();
    });

    it('SYNCSTORE-PULL: pages in sequence order; the filter keeps other units out and sends a revocation for a record that left them', async () => {
      await ctx.store.write(ctx.w.org, async (tx) => {
        const away = room('r4', 'u2', 'Komputerowa', hlc(T0 + 4));
        await tx.saveRecord(ctx.w.org, away);
        await tx.appendMutation(ctx.w.org, { ...historyRow(ctx.w, away, 'm4', null), patch: { unitId: 'u2' } });
        const moved = room('r2', 'u2', 'Krawiecka', hlc(T0 + 5));
        const seq = await tx.saveRecord(ctx.w.org, moved);
        await tx.appendMutation(ctx.w.org, { ...historyRow(ctx.w, moved, 'm5', seq), patch: { unitId: 'u2' } });
      });
      const all = await ctx.store.sync.pull(ctx.w.org, 0, 1000);
      expect(all.changes.map((c) => c.recordId)).toEqual(['r1', 'r4', 'r2']);
      expect(all.hasMore).toBe(false);
      expect(all.cursor).toBe(await ctx.store.sync.maxSeq(ctx.w.org));
      const page = await ctx.store.sync.pull(ctx.w.org, 0, 1);
      expect(page).toMatchObject({ hasMore: true, cursor: all.changes[0]!.seq });

      const filtered = await ctx.store.sync.pull(ctx.w.org, 0, 1000, { entities: ['rooms'], units: ['u1'], revocations: true });
      expect(filtered.changes.map((c) => [c.recordId, c.deleted, 'revoked' in c])).toEqual([['r1', false, false], ['r2', true, true]]);
      expect(filtered.cursor).toBe(all.cursor);
      const raw = await ctx.store.sync.pullRaw(ctx.w.org, 0, 1000, { entities: ['rooms'], units: ['u1'], revocations: false });
      expect(raw.changes.map((c) => [c.recordId, c.unitId, JSON.parse(c.json!).name])).toEqual([['r1', 'u1', 'Stolarnia duża']]);
      expect((await ctx.store.sync.pull(ctx.w.org, 0, 1000, { entities: ['units'], units: null, revocations: false })).changes).toEqual([]);
    });

    it('SYNCSTORE-IMPORT: a bulk import stores every record with its history row, in one go', async () => {
      const records = Array.from({ length: 3 }, (_, i) => ({
        entity: 'rooms' as const, id: `imp-${i}`, data: { id: `imp-${i}`, unitId: 'u1', name: `Sala ${i}` }, hlc: hlc(T0 + 10), deleted: false,
      }));
      expect(await ctx.store.write(ctx.other.org, (tx) => tx.importRecords(ctx.other.org, records, { userId: ctx.other.admin.id, deviceId: 'demo', receivedAtMs: T0 }))).toBe(3);
      const pulled = await ctx.store.sync.pull(ctx.other.org, 0, 100);
      expect(pulled.changes.map((c) => c.recordId)).toEqual(['imp-0', 'imp-1', 'imp-2']);
      const [row] = await ctx.store.sync.history(ctx.other.org, 'rooms', 'imp-1');
      expect(row).toMatchObject({ deviceId: 'demo', patch: { unitId: 'u1', name: 'Sala 1' } });
      expect(row!.appliedFields.sort()).toEqual(['deleted', 'name', 'unitId']);
    });
  });
}
