/**
 * The audit contract (src/server/store/audit-store.ts), against any Store: entries come back
 * newest first with what was recorded, filtered by action and record, per organization only; an
 * entry written in a transaction that fails is not kept.
 */
import { describe, expect, it } from 'vitest';
import { T0, twoOrganizations } from './contract-store-fixture';
import type { OpenStore } from './contract-first-run';

export function auditContract(open: OpenStore): void {
  describe('audit contract', () => {
    const ctx = twoOrganizations(open);

    it('AUDIT-ORDER: entries come back newest first, as recorded, and limited', async () => {
      await ctx.store.audit.record(ctx.w.org, { atMs: T0, userId: ctx.w.admin.id, deviceId: ctx.w.adminDevice, action: 'login' });
      await ctx.store.audit.record(ctx.w.org, { atMs: T0 + 1, userId: null, deviceId: null, action: 'backup', details: { records: 12, fields: ['a', 'b'] } });
      await ctx.store.write(ctx.w.org, (tx) => tx.audit(ctx.w.org, { atMs: T0 + 2, userId: ctx.w.therapist.id, deviceId: ctx.w.therapistDevice, action: 'recordChange', entity: 'rooms', recordId: 'r1' }));
      const rows = await ctx.store.audit.list(ctx.w.org);
      expect(rows.map((r) => r.action)).toEqual(['recordChange', 'backup', 'login']);
      expect(rows[0]).toMatchObject({ atMs: T0 + 2, userId: ctx.w.therapist.id, deviceId: ctx.w.therapistDevice, entity: 'rooms', recordId: 'r1', details: {} });
      expect(rows[1]).toMatchObject({ atMs: T0 + 1, userId: null, deviceId: null, entity: null, recordId: null, details: { records: 12, fields: ['a', 'b'] } });
      expect(rows[0]!.id).toBeGreaterThan(rows[1]!.id);
      expect((await ctx.store.audit.list(ctx.w.org, 1)).map((r) => r.action)).toEqual(['recordChange']);
    });

    it('AUDIT-FILTER: by action, and by action and record id', async () => {
      await ctx.store.audit.record(ctx.w.org, { atMs: T0 + 3, userId: ctx.w.admin.id, deviceId: null, action: 'export', entity: 'reports', recordId: 'exp-1' });
      await ctx.store.audit.record(ctx.w.org, { atMs: T0 + 4, userId: ctx.w.admin.id, deviceId: null, action: 'export', entity: 'reports', recordId: 'exp-2' });
      expect((await ctx.store.audit.list(ctx.w.org, 10, { action: 'export' })).map((r) => r.recordId)).toEqual(['exp-2', 'exp-1']);
      expect((await ctx.store.audit.list(ctx.w.org, 10, { action: 'export', recordId: 'exp-1' })).map((r) => r.atMs)).toEqual([T0 + 3]);
      expect(await ctx.store.audit.list(ctx.w.org, 10, { action: 'export', recordId: 'exp-9' })).toEqual([]);
    });

    it('AUDIT-TENANT: one organization never sees the entries of another', async () => {
      await ctx.store.audit.record(ctx.other.org, { atMs: T0, userId: ctx.other.admin.id, deviceId: null, action: 'login' });
      expect((await ctx.store.audit.list(ctx.other.org)).map((r) => r.userId)).toEqual([ctx.other.admin.id]);
      expect((await ctx.store.audit.list(ctx.w.org)).some((r) => r.userId === ctx.other.admin.id)).toBe(false);
    });

    it('AUDIT-ATOMIC: an entry written in a transaction that fails is not kept', async () => {
      const before = (await ctx.store.audit.list(ctx.w.org, 1000)).length;
      await expect(ctx.store.write(ctx.w.org, async (tx) => {
        await tx.audit(ctx.w.org, { atMs: T0 + 5, userId: null, deviceId: null, action: 'willRollBack' });
        throw new Error('boom');
      })).rejects.toThrow('boom');
      expect((await ctx.store.audit.list(ctx.w.org, 1000)).length).toBe(before);
    });
  });
}
