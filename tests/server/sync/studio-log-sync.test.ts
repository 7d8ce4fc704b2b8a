/**
 * STUDIO-LOG-SYNC: the studio-log race end to end (the real client data layer against the real
 * server on PGlite). A coordinator cancels Monday's class and syncs; a therapist whose tablet had
 * no record of that session writes its studio log offline, later by the clock, and syncs after.
 * The class stays cancelled on the server and on both devices, and the log lands everywhere.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlanData } from '../../../src/client/storage/plan-queries';
import { writeChanges } from '../../../src/client/storage/write';
import { buildPlanWeek } from '../../../src/client/state/plan/week';
import { sessionId } from '../../../src/domain';
import { serverFixture, testDevice, type ServerFixture, type TestApp, type TestDevice } from '../helpers';

const MON = '2026-11-23';

describe('STUDIO-LOG-SYNC: a log written offline does not bring a cancelled class back', () => {
  let fx: ServerFixture;
  let app: TestApp;
  let unitId: string;
  let org: string;
  const devices: TestDevice[] = [];

  beforeAll(async () => {
    fx = await serverFixture();
    ({ app, unitId, organizationId: org } = fx);
    for (const [i, role] of (['coordinator', 'therapist'] as const).entries()) {
      devices.push(testDevice(app, await fx.account(role), { name: 'studio-log-sync', startMs: Date.UTC(2026, 10, 23, 8) + i }));
    }
  });
  afterAll(async () => {
    for (const d of devices) d.close();
    await fx.close();
  });

  it('the session stays cancelled everywhere and carries the therapist’s log', async () => {
    const [coordinator, therapist] = devices as [typeof devices[0], typeof devices[0]];
    await writeChanges(coordinator.db, coordinator.ctx, [{ entity: 'activities', id: 'act-clay', patch: {
      unitId, roomId: null, staffIds: [], audience: { type: 'unit' }, capacity: null,
      title: 'Ceramika', category: 'art', startTime: '09:00', endTime: '10:00', kind: 'recurring', weekdays: [1, 3], validFrom: '2026-11-01', validTo: null,
    } }]);
    expect(await coordinator.engine.sync()).toBe(true);
    expect(await therapist.engine.sync()).toBe(true);

    const id = sessionId('act-clay', MON);
    // 08:30: the coordinator cancels Monday's class (as cancelOccurrence does) and syncs.
    coordinator.advance(30 * 60_000);
    await writeChanges(coordinator.db, coordinator.ctx, [{
      entity: 'sessions', id, patch: { activityId: 'act-clay', unitId, day: MON, status: 'cancelled', movedTo: null, substituteStaffIds: null, topic: '', notes: '' },
      ifAbsent: ['activityId', 'unitId', 'day', 'substituteStaffIds', 'topic', 'notes'],
    }]);
    expect(await coordinator.engine.sync()).toBe(true);
    // 09:05, offline: the therapist's tablet has no record of the session (as saveStudioLog writes it).
    therapist.advance(65 * 60_000);
    await writeChanges(therapist.db, therapist.ctx, [{
      entity: 'sessions', id, patch: { activityId: 'act-clay', unitId, day: MON, status: 'planned', movedTo: null, substituteStaffIds: null, topic: 'Miski z gliny', notes: 'Praca w parach' },
      ifAbsent: ['activityId', 'unitId', 'day', 'status', 'movedTo', 'substituteStaffIds'],
    }]);
    expect(await therapist.engine.sync()).toBe(true);
    expect(await coordinator.engine.sync()).toBe(true);

    expect((await fx.store.sync.getRecord(org, 'sessions', id))?.data).toMatchObject({ status: 'cancelled', topic: 'Miski z gliny', notes: 'Praca w parach' });
    for (const d of devices) {
      expect(await d.db.entity('sessions').get(id)).toMatchObject({ status: 'cancelled', topic: 'Miski z gliny', notes: 'Praca w parach' });
      const week = buildPlanWeek((await readPlanData(d.db, unitId, MON, MON))!, MON);
      expect(week.cancelled.map((c) => `${c.activity.title} ${c.day}`)).toEqual(['Ceramika 2026-11-23']);
      expect(await d.db.outbox.count()).toBe(0);
      expect(await d.db.rejected.count()).toBe(0);
    }
  });
});
