// A newer version of the app in another tab upgrades the database: this tab closes its
// connection (so the upgrade is not blocked), tells the user to reload, and keeps what it wrote.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { configureRuntime } from '../../../src/client/state';
import { runtime } from '../../../src/client/state/runtime';
import { openDeviceDb } from '../../../src/client/state/session';
import { writeChanges } from '../../../src/client/storage/write';
import { clock, context, roomPatch } from '../storage/helpers';

describe('database upgrade from another tab', () => {
  it('closes this tab’s connection, asks for a reload and loses nothing already written', async () => {
    const name = `upgrade-${Date.now()}`;
    configureRuntime({ dbName: name });
    runtime.storageProblem.value = null;
    const db = await openDeviceDb();
    const c = clock();
    await writeChanges(db, context(c.nowMs), [{ entity: 'rooms', id: 'room-1', patch: roomPatch() }]);

    // The "other tab": the same database at a higher version, with one more table.
    const newer = new Dexie(name);
    newer.version(db.verno).stores({ rooms: 'id, unitId' });
    newer.version(db.verno + 1).stores({ rooms: 'id, unitId', extra: 'id' });
    await newer.open();

    expect(runtime.storageProblem.value).toEqual({ code: 'versionChanged' });
    expect(db.isOpen()).toBe(false);
    expect(await newer.table('rooms').get('room-1')).toMatchObject({ name: 'Pracownia stolarska' });
    newer.close();
  });
});
