import { afterEach, describe, expect, it, vi } from 'vitest';
import { dayMarkId } from '../../../src/domain';
import type { AppDB } from '../../../src/client/storage/db';
import { StorageError } from '../../../src/client/storage/errors';
import { listRooms } from '../../../src/client/storage/queries';
import { RecordValidationError, writeChanges } from '../../../src/client/storage/write';
import { clock, context, freshDb, roomPatch } from './helpers';

let db: AppDB;
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('writeChanges: the single write path', () => {
  it('stores a new record and its outbox entry (all fields) in one go', async () => {
    db = freshDb();
    const c = clock();
    const [room] = await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-1', patch: roomPatch() }]);
    expect(room).toMatchObject({ id: 'room-1', organizationId: 'org-1', changedBy: 'user-1', deleted: false, name: 'Pracownia stolarska' });
    expect(await db.entity('rooms').get('room-1')).toEqual(room);
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ entity: 'rooms', recordId: 'room-1', deleted: false, patch: { unitId: 'unit-1', name: 'Pracownia stolarska', isStudio: true, capacity: 8 } });
    expect(outbox[0]?.hlc).toBe(room?.hlc);
  });

  it('sends only the changed fields of an update, with a later HLC', async () => {
    db = freshDb();
    const c = clock();
    const [first] = await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-1', patch: roomPatch() }]);
    const [second] = await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-1', patch: { name: 'Pracownia krawiecka', capacity: 8 } }]);
    expect(second!.hlc > first!.hlc).toBe(true);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.patch)).toEqual([roomPatch(), { name: 'Pracownia krawiecka' }]);
  });

  it('writes nothing when an update changes nothing', async () => {
    db = freshDb();
    const c = clock();
    await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-1', patch: roomPatch() }]);
    await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-1', patch: { name: 'Pracownia stolarska' } }]);
    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses an invalid record with the field, and stores nothing of the whole batch', async () => {
    db = freshDb();
    const c = clock();
    const attempt = writeChanges(db, context(c.nowMs), [
      { entity: 'rooms', id: 'room-ok', patch: roomPatch('Sala relaksu') },
      { entity: 'dayMarks', id: dayMarkId('p-1', '2026-11-23'), patch: { participantId: 'p-1', unitId: 'unit-1', day: '2026-11-31', status: 'present', absenceReason: null, arrivalTime: null, leaveTime: null, note: '' } },
    ]);
    await expect(attempt).rejects.toBeInstanceOf(RecordValidationError);
    await attempt.catch((e: RecordValidationError) => expect(e.issues).toContainEqual({ path: 'day', code: 'invalidDay' }));
    expect(await db.entity('rooms').count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps a deleted record as a tombstone that queries no longer list, and queues the delete', async () => {
    db = freshDb();
    const c = clock();
    await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-1', patch: roomPatch() }]);
    await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-1', delete: true }]);
    expect(await listRooms(db, 'unit-1')).toEqual([]);
    expect((await db.entity('rooms').get('room-1'))?.deleted).toBe(true);
    const last = (await db.outbox.orderBy('seq').toArray()).at(-1);
    expect(last).toMatchObject({ recordId: 'room-1', deleted: true, patch: {} });
  });

  it('turns a full disk into quotaExceeded and loses no earlier data', async () => {
    db = freshDb();
    const c = clock();
    await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-1', patch: roomPatch() }]);
    const spy = vi.spyOn(db.outbox, 'bulkAdd').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    const attempt = writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-2', patch: roomPatch('Sala 2') }]);
    await expect(attempt).rejects.toBeInstanceOf(StorageError);
    await attempt.catch((e: StorageError) => expect(e.code).toBe('quotaExceeded'));
    spy.mockRestore();
    expect(await db.entity('rooms').get('room-2')).toBeUndefined();
    expect((await listRooms(db, 'unit-1')).map((r) => r.id)).toEqual(['room-1']);
    expect(await db.outbox.count()).toBe(1);
  });

  it('stamps each change after the last one even when the wall clock goes back', async () => {
    db = freshDb();
    const c = clock();
    await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-1', patch: roomPatch() }]);
    c.advance(-60_000);
    await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-1', patch: { name: 'Sala po cofnięciu zegara' } }]);
    const stamps = (await db.outbox.orderBy('seq').toArray()).map((e) => e.hlc);
    expect(stamps[1]! > stamps[0]!).toBe(true);
  });
});
