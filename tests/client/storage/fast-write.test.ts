// The fast path of a tap: one short transaction when memory is current, nothing written and a
// "stale" answer when another writer moved the row or the device clock in the meantime.
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dayMarkId, markFields, type DayMark } from '../../../src/domain';
import type { AppDB, MetaRow } from '../../../src/client/storage/db';
import { StorageError } from '../../../src/client/storage/errors';
import { primeDay, readFromMemory, writeFast } from '../../../src/client/storage/fast-write';
import { getMeta } from '../../../src/client/storage/meta';
import { writeChanges, type Change } from '../../../src/client/storage/write';
import { clock, context, freshDb } from './helpers';

const DAY = '2026-11-23';
let db: AppDB;
afterEach(async () => {
  db.close();
  await db.delete();
});

function tick(participantId: string, choice: Parameters<typeof markFields>[1] = { status: 'present' }, stored: DayMark | null = null, unitId = 'unit-1'): Change {
  return { entity: 'dayMarks', id: dayMarkId(participantId, DAY), patch: { participantId, unitId, day: DAY, ...markFields(stored, choice) } };
}

/** Another tab's write that this tab has not heard of yet: a plain transaction, no Dexie event. */
async function unheardWrite(row: Record<string, unknown> | null, hlc: string): Promise<void> {
  const tx = db.backendDB().transaction(['dayMarks', 'meta'], 'readwrite');
  if (row) tx.objectStore('dayMarks').put(row);
  tx.objectStore('meta').put({ key: 'hlc', value: hlc } satisfies MetaRow);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
}

async function freshDay(): Promise<{ nowMs: () => number; advance: (ms: number) => void }> {
  db = freshDb();
  const c = clock();
  await writeChanges(db, context(c.nowMs), [tick('p-0')]);
  await primeDay(db, 'unit-1', DAY);
  return c;
}

describe('writeFast: a tap from memory', () => {
  it('stores the row, its outbox entry and the next HLC in one go once the day is in memory', async () => {
    const c = await freshDay();
    const before = await getMeta(db, 'hlc');
    const known = readFromMemory(db, 'dayMarks', dayMarkId('p-1', DAY), 'p-1');
    expect(known).toEqual({ row: null, notices: [] });
    const result = await writeFast(db, context(c.nowMs), tick('p-1'), known!.row);
    expect(result).toMatchObject({ ok: true, stored: { id: dayMarkId('p-1', DAY), status: 'present', changedBy: 'user-1', deleted: false } });
    const stored = await db.entity('dayMarks').get(dayMarkId('p-1', DAY));
    expect(stored).toMatchObject({ status: 'present', unitId: 'unit-1' });
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox).toHaveLength(2);
    expect(outbox[1]).toMatchObject({ entity: 'dayMarks', recordId: dayMarkId('p-1', DAY), hlc: stored!.hlc, patch: { status: 'present', participantId: 'p-1' } });
    expect(await getMeta(db, 'hlc')).toBe(stored!.hlc);
    expect(stored!.hlc > before!).toBe(true);
  });

  it('merges with the stored row and sends only the changed fields', async () => {
    const c = await freshDay();
    const known = readFromMemory(db, 'dayMarks', dayMarkId('p-0', DAY), 'p-0')!;
    expect(known.row).toMatchObject({ status: 'present' });
    const change = tick('p-0', { status: 'absent', absenceReason: 'illness', note: 'gorączka' }, known.row as unknown as DayMark);
    await writeFast(db, context(c.nowMs), change, known.row);
    expect((await db.outbox.orderBy('seq').last())?.patch).toEqual({ status: 'absent', absenceReason: 'illness', note: 'gorączka' });
    // Memory follows its own writes: the next tap is fast again and sees the new row.
    expect(readFromMemory(db, 'dayMarks', dayMarkId('p-0', DAY), 'p-0')?.row).toMatchObject({ status: 'absent', note: 'gorączka' });
  });

  it('writes nothing and answers stale when another tab changed the row meanwhile', async () => {
    const c = await freshDay();
    const known = readFromMemory(db, 'dayMarks', dayMarkId('p-0', DAY), 'p-0')!;
    const theirs = { ...known.row, status: 'absent', absenceReason: 'hospital', note: 'szpital', hlc: '9999999999999-0000-dev-b' };
    await unheardWrite(theirs, '9999999999999-0000-dev-b');
    const result = await writeFast(db, context(c.nowMs), tick('p-0', { status: 'present', arrivalTime: '09:10' }, known.row as unknown as DayMark), known.row);
    expect(result).toEqual({ ok: false, stale: true });
    expect(await db.entity('dayMarks').get(dayMarkId('p-0', DAY))).toMatchObject({ status: 'absent', note: 'szpital' });
    expect(await db.outbox.count()).toBe(1);
    expect(await getMeta(db, 'hlc')).toBe('9999999999999-0000-dev-b');
  });

  it('writes nothing and answers stale when only the device clock moved (a write of another record)', async () => {
    const c = await freshDay();
    await unheardWrite(null, '9999999999999-0000-dev-b');
    const result = await writeFast(db, context(c.nowMs), tick('p-1'), null);
    expect(result).toEqual({ ok: false, stale: true });
    expect(await db.entity('dayMarks').get(dayMarkId('p-1', DAY))).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
  });

  it('answers stale when the row memory took for missing exists (a mark stored under another unit)', async () => {
    const c = await freshDay();
    await writeChanges(db, context(c.nowMs), [tick('p-1', { status: 'present' }, null, 'unit-2')]);
    await primeDay(db, 'unit-1', DAY);
    const known = readFromMemory(db, 'dayMarks', dayMarkId('p-1', DAY), 'p-1')!;
    expect(known.row).toBeNull();
    expect(await writeFast(db, context(c.nowMs), tick('p-1'), known.row)).toEqual({ ok: false, stale: true });
    expect((await db.entity('dayMarks').get(dayMarkId('p-1', DAY)))?.unitId).toBe('unit-2');
  });

  it('leaves a change that memory thinks changes nothing to the general path', async () => {
    const c = await freshDay();
    const known = readFromMemory(db, 'dayMarks', dayMarkId('p-0', DAY), 'p-0')!;
    expect(await writeFast(db, context(c.nowMs), tick('p-0', { status: 'present' }, known.row as unknown as DayMark), known.row)).toEqual({ ok: false, stale: true });
    expect(await writeFast(db, context(c.nowMs), { entity: 'dayMarks', id: dayMarkId('p-9', DAY), delete: true }, null)).toEqual({ ok: false, stale: true });
    expect(await db.outbox.count()).toBe(1);
  });

  it('has no memory until the day is loaded again after a write it did not make', async () => {
    const c = await freshDay();
    await writeChanges(db, context(c.nowMs, 'dev-a'), [tick('p-2')]);
    expect(readFromMemory(db, 'dayMarks', dayMarkId('p-2', DAY), 'p-2')).toBeUndefined();
    await vi.waitFor(() => expect(readFromMemory(db, 'dayMarks', dayMarkId('p-2', DAY), 'p-2')?.row).toMatchObject({ status: 'present' }));
  });

  it('leaves nothing half-written when the outbox entry cannot be stored', async () => {
    const c = await freshDay();
    const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementationOnce(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const attempt = writeFast(db, context(c.nowMs), tick('p-1'), null);
    await expect(attempt).rejects.toBeInstanceOf(StorageError);
    await attempt.catch((e: StorageError) => expect(e.code).toBe('quotaExceeded'));
    add.mockRestore();
    expect(await db.entity('dayMarks').get(dayMarkId('p-1', DAY))).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
  });

  it('leaves nothing half-written when the transaction fails after the row was put', async () => {
    const c = await freshDay();
    const [first] = await db.outbox.toArray();
    const original = IDBObjectStore.prototype.add;
    const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementationOnce(function (this: IDBObjectStore, value: unknown) {
      // The same outbox sequence number again: the add fails inside the transaction.
      return original.call(this, { ...(value as object), seq: first!.seq });
    });
    await expect(writeFast(db, context(c.nowMs), tick('p-1'), null)).rejects.toBeInstanceOf(StorageError);
    add.mockRestore();
    expect(await db.entity('dayMarks').get(dayMarkId('p-1', DAY))).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
  });

  it('lets live queries see the tap', async () => {
    const c = await freshDay();
    const seen: number[] = [];
    const sub = liveQuery(() => db.entity('dayMarks').where('[unitId+day]').equals(['unit-1', DAY]).count()).subscribe((n) => seen.push(n));
    await vi.waitFor(() => expect(seen).toEqual([1]));
    await writeFast(db, context(c.nowMs), tick('p-1'), null);
    await vi.waitFor(() => expect(seen.at(-1)).toBe(2));
    sub.unsubscribe();
  });
});
