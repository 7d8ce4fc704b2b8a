// A device that synced with database version 1 opens the app with version 3 (the driver's marks,
// leaner mark indexes): the new table is added and everything stored before, outbox included, is still there.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AppDB, SYNCED_SCHEMA } from '../../../src/client/storage/db';

describe('AppDB upgrade from version 1', () => {
  it('keeps the rows and the outbox, adds the transportEvents table and drops the unused mark indexes', async () => {
    const name = `upgrade-v1-${Date.now()}`;
    const { transportEvents: _new, ...v1 } = SYNCED_SCHEMA;
    const old = new Dexie(name);
    old.version(1).stores({ ...v1, dayMarks: 'id, [unitId+day], participantId', sessionMarks: 'id, sessionId, [unitId+day]', outbox: '++seq, [entity+recordId]', rejected: '++seq', meta: 'key' });
    await old.open();
    await old.table('rooms').put({ id: 'room-1', unitId: 'unit-1', name: 'Sala' });
    await old.table('dayMarks').put({ id: 'dm:p:2026-11-20', participantId: 'p', unitId: 'unit-1', day: '2026-11-20', status: 'present' });
    await old.table('outbox').add({ mutationId: 'm-1', entity: 'rooms', recordId: 'room-1', hlc: 'h', patch: {}, deleted: false, createdAtMs: 1 });
    old.close();

    const db = new AppDB(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.table('rooms').get('room-1')).toMatchObject({ name: 'Sala' });
    expect(await db.outbox.count()).toBe(1);
    // Version 3 dropped the marks' unused indexes and kept the rows.
    expect(db.entity('dayMarks').schema.indexes.map((i) => i.name)).toEqual(['[unitId+day]']);
    expect(await db.entity('dayMarks').where('[unitId+day]').equals(['unit-1', '2026-11-20']).count()).toBe(1);
    await db.entity('transportEvents').put({ id: 'te:1', organizationId: 'o', hlc: 'h', changedBy: 'u', deleted: false, routeId: 'r', unitId: 'unit-1', participantId: 'p', day: '2026-11-23', kind: 'pickedUp', time: '07:00' });
    expect(await db.entity('transportEvents').where('[unitId+day]').equals(['unit-1', '2026-11-23']).count()).toBe(1);
    db.close();
  });
});
