/**
 * PLAN-SYNC: two coordinators plan the same week offline on two devices (the real client data
 * layer against the real server on PGlite): one adds a class and moves the time of an existing
 * one, the other adds a trip and cancels one occurrence of that same class. After both sync, both
 * devices and the server hold every change: different activities are different records, and an
 * occurrence's exception is its own record, so nothing is overwritten.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlanData } from '../../../src/client/storage/plan-queries';
import { writeChanges } from '../../../src/client/storage/write';
import { buildPlanWeek } from '../../../src/client/state/plan/week';
import { sessionId } from '../../../src/domain';
import type { SessionInfo } from '../../../src/protocol';
import { SETUP, call, serverFixture, testDevice, type ServerFixture, type TestApp, type TestDevice } from '../helpers';

const MON = '2026-11-23';

describe('PLAN-SYNC: two coordinators editing the same week keep both their changes', () => {
  let fx: ServerFixture;
  let app: TestApp;
  let unitId: string;
  const devices: TestDevice[] = [];

  beforeAll(async () => {
    fx = await serverFixture();
    ({ app, unitId } = fx);
    // The same administrator signed in on two PCs (a real sign-in each).
    for (let i = 0; i < 2; i += 1) {
      const s = (await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login: SETUP.login, password: SETUP.password, deviceName: `PC ${i + 1}` } })).body;
      devices.push(testDevice(app, s, { name: 'plan-sync', startMs: Date.UTC(2026, 10, 23, 8) + i * 1000, tickMs: 1000 }));
    }
  });
  afterAll(async () => {
    for (const d of devices) d.close();
    await fx.close();
  });

  it('both devices end with the new class, the new time, the trip and the cancellation', async () => {
    const [a, b] = devices as [typeof devices[0], typeof devices[0]];
    const common = { unitId, roomId: null, staffIds: [], audience: { type: 'unit' as const }, capacity: null };
    // Device A writes the shared weekly class; both devices sync before going offline.
    await writeChanges(a.db, a.ctx, [{ entity: 'activities', id: 'act-art', patch: {
      ...common, title: 'Plastyka', category: 'art', startTime: '09:00', endTime: '10:00', kind: 'recurring', weekdays: [1, 3], validFrom: '2026-11-01', validTo: null,
    } }]);
    expect(await a.engine.sync()).toBe(true);
    expect(await b.engine.sync()).toBe(true);

    // Offline on both: A adds a class and moves the shared class to 10:00; B adds a trip and cancels Monday's occurrence.
    await writeChanges(a.db, a.ctx, [
      { entity: 'activities', id: 'act-music', patch: { ...common, title: 'Muzykoterapia', category: 'musicTherapy', startTime: '12:00', endTime: '13:00', kind: 'recurring', weekdays: [2], validFrom: '2026-11-01', validTo: null } },
      { entity: 'activities', id: 'act-art', patch: { startTime: '10:00', endTime: '11:00' } },
    ]);
    await writeChanges(b.db, b.ctx, [
      { entity: 'activities', id: 'act-trip', patch: { ...common, title: 'Wycieczka', category: 'trip', startTime: '08:00', endTime: '14:00', kind: 'oneOff', day: '2026-11-26', place: 'Gdańsk', needsBus: true } },
      { entity: 'sessions', id: sessionId('act-art', MON), patch: { activityId: 'act-art', unitId, day: MON, status: 'cancelled', movedTo: null, substituteStaffIds: null, topic: '', notes: '' } },
    ]);
    for (let round = 0; round < 2; round += 1) for (const d of [b, a]) expect(await d.engine.sync()).toBe(true);

    for (const d of devices) {
      const week = buildPlanWeek((await readPlanData(d.db, unitId, MON, MON))!, MON);
      const rows = week.occurrences.map((o) => `${o.activity.title} ${o.day} ${o.startTime}-${o.endTime}`);
      expect(rows.filter((r) => r.includes('2026-11-2'))).toEqual(expect.arrayContaining([
        'Plastyka 2026-11-25 10:00-11:00', 'Muzykoterapia 2026-11-24 12:00-13:00', 'Wycieczka 2026-11-26 08:00-14:00',
      ]));
      expect(rows).not.toContain('Plastyka 2026-11-23 10:00-11:00');
      expect(week.cancelled.map((c) => `${c.activity.title} ${c.day}`)).toEqual(['Plastyka 2026-11-23']);
      expect(await d.db.outbox.count()).toBe(0);
      expect(await d.db.rejected.count()).toBe(0);
    }
  });
});
