/** The merge of one pushed mutation (the server's): per-field last writer wins, tombstones, meta fields. */
import { describe, expect, it } from 'vitest';
import { draftMerge, finishMerge, formatHlc, type MergeResult } from '../../../src/domain';
import type { Mutation } from '../../../src/protocol';
import type { StoredRecord } from '../../../src/server/store/store';

const actor = { organizationId: 'org-1', userId: 'user-1' };
const stamp = (ms: number, device = 'a') => formatHlc({ wall: ms, counter: 0, device });
const room = { unitId: 'unit-1', name: 'Sala', isStudio: false, capacity: 10 };

function merge(existing: StoredRecord | null, m: Omit<Mutation, 'mutationId' | 'entity' | 'recordId'>): MergeResult {
  const mutation: Mutation = { mutationId: 'm', entity: 'rooms', recordId: 'room-1', ...m };
  const draft = draftMerge(existing, mutation, actor);
  return 'ok' in draft ? draft : finishMerge(mutation, draft, existing);
}

function stored(result: MergeResult, seq = 1): StoredRecord {
  if (!result.ok) throw new Error('expected a merge');
  return { ...result.record, seq };
}

describe('mergeMutation', () => {
  const created = stored(merge(null, { hlc: stamp(1000), patch: room, deleted: false }));

  it('SYNC-LWW: a new record takes every field, stamped, with server-set meta fields', () => {
    expect(created.data).toEqual({ ...room, id: 'room-1', organizationId: 'org-1', hlc: stamp(1000), changedBy: 'user-1', deleted: false });
    expect(created.fieldHlc).toEqual({ unitId: stamp(1000), name: stamp(1000), isStudio: stamp(1000), capacity: stamp(1000), deleted: stamp(1000) });
  });

  it.each([
    ['newer', 2000, 'Nowa', true],
    ['older', 500, 'Sala', false],
    ['same stamp', 1000, 'Sala', false],
  ] as const)('SYNC-LWW: a %s stamp on a field %s', (_label, ms, name, applied) => {
    const result = merge(created, { hlc: stamp(ms), patch: { name: 'Nowa' }, deleted: false });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record.data.name).toBe(name);
    expect(result.appliedFields.includes('name')).toBe(applied);
  });

  it('SYNC-TOMBSTONE: deleted merges like a field: a later undelete wins, an older one does not', () => {
    const deleted = stored(merge(created, { hlc: stamp(2000), patch: {}, deleted: true }), 2);
    expect(deleted.deleted).toBe(true);
    const stale = merge(deleted, { hlc: stamp(1500), patch: {}, deleted: false });
    expect(stale.ok && stale.changed).toBe(false);
    const revived = merge(deleted, { hlc: stamp(3000), patch: {}, deleted: false });
    expect(revived.ok && revived.record.deleted).toBe(false);
  });

  it('SYNC-META: the client cannot set hlc, changedBy or another organization; unknown fields are dropped', () => {
    const result = merge(created, { hlc: stamp(2000), patch: { hlc: stamp(9999), changedBy: 'mallory', name: 'X', extra: 1 }, deleted: false });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record.data).toMatchObject({ hlc: stamp(2000), changedBy: 'user-1', name: 'X' });
    expect(result.record.data).not.toHaveProperty('extra');
    expect(result.record.fieldHlc).not.toHaveProperty('extra');
    expect(merge(created, { hlc: stamp(2000), patch: { organizationId: 'org-2' }, deleted: false })).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(merge(created, { hlc: stamp(2000), patch: { id: 'room-2' }, deleted: false })).toMatchObject({ ok: false, reason: 'invalidRecord' });
  });

  it('SYNC-IF-ABSENT: a create-only field applies where it was never set and is skipped where it was, whatever the stamps', () => {
    // A new record: the defaults are its first values, with the lowest stamp, so that any real
    // value wins over them, also one stamped earlier that arrives later.
    const fresh = merge(null, { hlc: stamp(1000), patch: room, deleted: false, ifAbsent: ['isStudio', 'capacity'] });
    expect(fresh.ok && fresh.record.data).toMatchObject(room);
    expect(fresh.ok && fresh.record.fieldHlc).toMatchObject({ name: stamp(1000), isStudio: stamp(0), capacity: stamp(0) });
    expect(fresh.ok && fresh.appliedFields).toEqual(expect.arrayContaining(['isStudio', 'capacity']));
    const earlier = merge(stored(fresh), { hlc: stamp(400), patch: { capacity: 4 }, deleted: false });
    expect(earlier.ok && earlier.record.data.capacity).toBe(4);
    // A set field: a far later default is skipped (not applied, not in the history's applied
    // fields, the stamp unchanged), while the ordinary fields of the same mutation apply.
    const later = merge(created, { hlc: stamp(9000), patch: { name: 'Nowa', capacity: 99 }, deleted: false, ifAbsent: ['capacity'] });
    expect(later.ok).toBe(true);
    if (!later.ok) return;
    expect(later.record.data).toMatchObject({ name: 'Nowa', capacity: 10 });
    expect(later.record.fieldHlc.capacity).toBe(stamp(1000));
    expect(later.appliedFields).toEqual(['name']);
    expect(later.oldValues).not.toHaveProperty('capacity');
    expect(later.patch).toEqual({ name: 'Nowa', capacity: 99 });
    // Only defaults that lose everywhere: nothing changes, the patch is still kept.
    const skipped = merge(created, { hlc: stamp(9000), patch: { capacity: 99 }, deleted: false, ifAbsent: ['capacity'] });
    expect(skipped.ok && skipped.record.data.capacity).toBe(10);
    expect(skipped.ok && skipped.appliedFields).toEqual([]);
    expect(skipped.ok && skipped.patch).toEqual({ capacity: 99 });
    // A field without a stamp (never set) takes the default even from an older stamp.
    const { capacity: _unset, ...stamps } = created.fieldHlc;
    const unset: StoredRecord = { ...created, fieldHlc: stamps };
    const filled = merge(unset, { hlc: stamp(500), patch: { capacity: 12 }, deleted: false, ifAbsent: ['capacity'] });
    expect(filled.ok && filled.record.data.capacity).toBe(12);
    expect(filled.ok && filled.appliedFields).toEqual(['capacity']);
    expect(filled.ok && filled.record.fieldHlc.capacity).toBe(stamp(0));
  });

  it('CREATE-ONLY-DELETED: a default never replaces a value set before a deletion, whichever of the deletion and the default arrives first', () => {
    const del = { hlc: stamp(2000), patch: {}, deleted: true };
    const back = { hlc: stamp(3000), patch: { capacity: 12 }, deleted: false, ifAbsent: ['capacity'] };
    const deleteFirst = merge(stored(merge(created, del)), back);
    const backFirst = merge(stored(merge(created, back)), del);
    expect(deleteFirst.ok && deleteFirst.record.data).toMatchObject({ capacity: 10, deleted: false });
    expect(backFirst.ok && backFirst.record.data).toMatchObject({ capacity: 10, deleted: false });
    // A default that does not bring the record back (stamped before the deletion) sets nothing.
    const stale = merge(stored(merge(created, del)), { hlc: stamp(1500), patch: { capacity: 12 }, deleted: false, ifAbsent: ['capacity'] });
    expect(stale.ok && stale.record.data).toMatchObject({ capacity: 10, deleted: true });
  });

  it('ONLY-DEFAULTS: a delete of defaults applies only to a record holding nothing but defaults, stamped like a default', () => {
    const keys = Object.keys(room);
    const defaults = stored(merge(null, { hlc: stamp(1000), patch: room, deleted: false, ifAbsent: keys }));
    const undone = merge(defaults, { hlc: stamp(2000), patch: {}, deleted: true, onlyDefaults: true });
    expect(undone.ok && undone.record.deleted).toBe(true);
    expect(undone.ok && undone.appliedFields).toEqual(['deleted']);
    expect(undone.ok && undone.record.fieldHlc.deleted).toBe(stamp(0));
    // A real value arriving after it, even stamped before it, brings the record back with the value.
    const real = merge(stored(undone), { hlc: stamp(1500, 'b'), patch: { name: 'Z tabletu B' }, deleted: false });
    expect(real.ok && real.record.data).toMatchObject({ name: 'Z tabletu B', deleted: false });
    // A record with a real value is left as it is, and so is one the server does not have.
    const kept = merge(stored(real), { hlc: stamp(3000), patch: {}, deleted: true, onlyDefaults: true });
    expect(kept.ok && kept.changed).toBe(false);
    expect(kept.ok && kept.record.data.deleted).toBe(false);
    const none = merge(null, { hlc: stamp(3000), patch: {}, deleted: true, onlyDefaults: true });
    expect(none.ok && none.changed).toBe(false);
    // Without the flag a delete is an ordinary last-writer-wins delete.
    expect(merge(stored(real), { hlc: stamp(3000), patch: {}, deleted: true }).ok).toBe(true);
  });

  it('SYNC-VALIDATE: issues name the fields and codes, never the values', () => {
    const result = merge(null, { hlc: stamp(1000), patch: { ...room, capacity: 'dziesięć' }, deleted: false });
    expect(result).toEqual({ ok: false, reason: 'invalidRecord', issues: [{ path: 'capacity', code: 'invalidType' }] });
  });
});
