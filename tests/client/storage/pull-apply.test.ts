import { afterEach, describe, expect, it } from 'vitest';
import type { AppDB } from '../../../src/client/storage/db';
import { getMeta } from '../../../src/client/storage/meta';
import { applyPulledChanges, resetForFullResync } from '../../../src/client/storage/pull-apply';
import { writeChanges } from '../../../src/client/storage/write';
import { formatHlc, parseHlc } from '../../../src/domain';
import type { PulledChange } from '../../../src/protocol';
import { clock, context, freshDb, roomPatch } from './helpers';

let db: AppDB;
afterEach(async () => {
  db.close();
  await db.delete();
});

const serverRoom = (id: string, over: Record<string, unknown> = {}, seq = 1): PulledChange => ({
  seq, entity: 'rooms', recordId: id, deleted: false,
  data: { id, organizationId: 'org-1', hlc: formatHlc({ wall: Date.UTC(2026, 10, 23, 9), counter: 0, device: 'dev-b' }), changedBy: 'user-2', deleted: false, ...roomPatch('Sala z serwera'), ...over },
});

describe('applyPulledChanges', () => {
  it('stores pulled records and the new cursor', async () => {
    db = freshDb();
    await applyPulledChanges(db, [serverRoom('room-1'), serverRoom('room-2', { name: 'Sala 2' }, 2)], 2, 'dev-a', Date.UTC(2026, 10, 23, 8));
    expect((await db.entity('rooms').toArray()).map((r) => r.name).sort()).toEqual(['Sala 2', 'Sala z serwera']);
    expect(await getMeta(db, 'cursor')).toBe(2);
  });

  it('keeps the fields this device changed and has not sent yet', async () => {
    db = freshDb();
    const c = clock();
    await applyPulledChanges(db, [serverRoom('room-1')], 1, 'dev-a', c.nowMs());
    await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-1', patch: { name: 'Nazwa z tabletu' } }]);
    await applyPulledChanges(db, [serverRoom('room-1', { capacity: 12 }, 3)], 3, 'dev-a', c.nowMs());
    const row = await db.entity('rooms').get('room-1');
    expect(row).toMatchObject({ name: 'Nazwa z tabletu', capacity: 12 });
  });

  it('CREATE-ONLY: a pending create-only default does not hide the server’s value, while the fields the device set stay', async () => {
    db = freshDb();
    const c = clock();
    // The studio log of a session this device has no record of: status 'planned' is only a default.
    const id = 's:act-1:2026-11-23';
    const keys = { activityId: 'act-1', unitId: 'unit-1', day: '2026-11-23' };
    await writeChanges(db, context(c.nowMs), [{
      entity: 'sessions', id, patch: { ...keys, status: 'planned', movedTo: null, substituteStaffIds: null, topic: 'Glina', notes: '' },
      ifAbsent: ['activityId', 'unitId', 'day', 'status', 'movedTo', 'substituteStaffIds'],
    }]);
    expect(await db.entity('sessions').get(id)).toMatchObject({ status: 'planned', topic: 'Glina' });
    // The next pull brings the coordinator's cancellation (the log is still waiting to be sent).
    const cancelled: PulledChange = {
      seq: 5, entity: 'sessions', recordId: id, deleted: false,
      data: { id, organizationId: 'org-1', hlc: formatHlc({ wall: Date.UTC(2026, 10, 23, 7), counter: 0, device: 'dev-c' }), changedBy: 'user-2', deleted: false, ...keys, status: 'cancelled', movedTo: null, substituteStaffIds: ['staff-9'], topic: '', notes: '' },
    };
    await applyPulledChanges(db, [cancelled], 5, 'dev-a', c.nowMs());
    expect(await db.entity('sessions').get(id)).toMatchObject({ status: 'cancelled', substituteStaffIds: ['staff-9'], topic: 'Glina', notes: '' });
    // A later edit of the status on this device is no default: it stays on top.
    await writeChanges(db, context(c.nowMs), [{ entity: 'sessions', id, patch: { status: 'planned' } }]);
    await applyPulledChanges(db, [{ ...cancelled, seq: 6 }], 6, 'dev-a', c.nowMs());
    expect(await db.entity('sessions').get(id)).toMatchObject({ status: 'planned', topic: 'Glina' });
  });

  it('CREATE-ONLY: a create-only field the stored row already has is left alone, and not sent', async () => {
    db = freshDb();
    const c = clock();
    await applyPulledChanges(db, [serverRoom('room-1')], 1, 'dev-a', c.nowMs());
    await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-1', patch: { ...roomPatch('Nowa'), capacity: 3 }, ifAbsent: ['unitId', 'isStudio', 'capacity'] }]);
    expect(await db.entity('rooms').get('room-1')).toMatchObject({ name: 'Nowa', capacity: 8 });
    const [entry] = await db.outbox.toArray();
    expect(entry!.patch).toEqual({ name: 'Nowa' });
    expect(entry).not.toHaveProperty('ifAbsent');
  });

  it('ONLY-DEFAULTS: a waiting delete of defaults hides the server’s record only while it still holds the values it undoes', async () => {
    db = freshDb();
    const c = clock();
    await applyPulledChanges(db, [serverRoom('room-1', { name: 'Domyślna' }), serverRoom('room-2', { name: 'Domyślna' }, 2)], 2, 'dev-a', c.nowMs());
    const expectValues = { ...roomPatch('Domyślna') };
    await writeChanges(db, context(c.nowMs), [
      { entity: 'rooms', id: 'room-1', delete: true, onlyDefaults: expectValues },
      { entity: 'rooms', id: 'room-2', delete: true, onlyDefaults: expectValues },
    ]);
    const entries = await db.outbox.toArray();
    expect(entries.map((e) => e.onlyDefaults)).toEqual([expectValues, expectValues]);
    // The server's room-1 is unchanged; room-2 got a real name from another device meanwhile.
    await applyPulledChanges(db, [serverRoom('room-1', { name: 'Domyślna' }, 3), serverRoom('room-2', { name: 'Z tabletu B' }, 4)], 4, 'dev-a', c.nowMs());
    expect((await db.entity('rooms').get('room-1'))?.deleted).toBe(true);
    expect(await db.entity('rooms').get('room-2')).toMatchObject({ name: 'Z tabletu B', deleted: false });
  });

  it('removes a record the server deleted, unless a local change of it is waiting', async () => {
    db = freshDb();
    const c = clock();
    await applyPulledChanges(db, [serverRoom('room-1'), serverRoom('room-2', {}, 2)], 2, 'dev-a', c.nowMs());
    await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-2', patch: { name: 'Edytowana offline' } }]);
    const tomb = (id: string, seq: number): PulledChange => ({ seq, entity: 'rooms', recordId: id, deleted: true, data: { id } });
    await applyPulledChanges(db, [tomb('room-1', 3), tomb('room-2', 4)], 4, 'dev-a', c.nowMs());
    expect(await db.entity('rooms').get('room-1')).toBeUndefined();
    expect(await db.entity('rooms').get('room-2')).toMatchObject({ name: 'Edytowana offline', deleted: false });
  });

  it('moves the local clock past the stamps it received', async () => {
    db = freshDb();
    const soon = Date.UTC(2026, 10, 23, 8, 4);
    await applyPulledChanges(db, [serverRoom('room-1', { hlc: formatHlc({ wall: soon, counter: 3, device: 'dev-b' }) })], 1, 'dev-a', Date.UTC(2026, 10, 23, 8));
    const c = clock(Date.UTC(2026, 10, 23, 8));
    const [row] = await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-1', patch: { name: 'Po zmianie' } }]);
    expect(row!.hlc > formatHlc({ wall: soon, counter: 3, device: 'dev-b' })).toBe(true);
  });

  it('CLOCK-RECEIVE: never adopts a received stamp ahead of its (corrected) time by more than the tolerance', async () => {
    db = freshDb();
    const now = Date.UTC(2026, 10, 23, 8);
    await applyPulledChanges(db, [serverRoom('room-1', { hlc: '9999999999999-zzzz-evil' }), serverRoom('room-2', { hlc: formatHlc({ wall: now + 4 * 3_600_000, counter: 0, device: 'dev-b' }) })], 2, 'dev-a', now);
    const c = clock(now);
    const [row] = await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-1', patch: { name: 'Po zmianie' } }]);
    // The change is stamped at this device's time, not after the future one it saw.
    expect(parseHlc(row!.hlc).wall).toBeLessThan(now + 60_000);
    expect(parseHlc((await getMeta(db, 'hlc'))!).wall).toBeLessThan(now + 60_000);
  });

  it('a full resync forgets pulled data and the cursor but keeps unsent changes', async () => {
    db = freshDb();
    const c = clock();
    await applyPulledChanges(db, [serverRoom('room-1'), serverRoom('room-2', {}, 2)], 2, 'dev-a', c.nowMs());
    await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-3', patch: roomPatch('Nowa, niewysłana') }]);
    await resetForFullResync(db);
    expect((await db.entity('rooms').toArray()).map((r) => r.id)).toEqual(['room-3']);
    expect(await db.outbox.count()).toBe(1);
    expect(await getMeta(db, 'cursor')).toBe(0);
  });
});
