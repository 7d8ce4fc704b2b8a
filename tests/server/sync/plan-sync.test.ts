/**
 * PLAN-SYNC: two coordinators plan the same week offline on two devices (the real client data
 * layer against the real server on PGlite): one adds a class and moves the time of an existing
 * one, the other adds a trip and cancels one occurrence of that same class. After both sync, both
 * devices and the server hold every change: different activities are different records, and an
 * occurrence's exception is its own record, so nothing is overwritten.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDB } from '../../../src/client/storage/db';
import type { StoredSession } from '../../../src/client/storage/meta';
import { readPlanData } from '../../../src/client/storage/plan-queries';
import { writeChanges, type WriteContext } from '../../../src/client/storage/write';
import { SyncEngine } from '../../../src/client/sync/engine';
import { HttpTransport } from '../../../src/client/sync/transport';
import { buildPlanWeek } from '../../../src/client/state/plan/week';
import { sessionId } from '../../../src/domain';
import type { SessionInfo } from '../../../src/protocol';
import { openMemoryStore } from '../store/memory-store';
import type { Store } from '../../../src/server/store/store';
import { SETUP, call, pullAll, setUp, testApp, type TestApp } from '../helpers';

const MON = '2026-11-23';

describe('PLAN-SYNC: two coordinators editing the same week keep both their changes', () => {
  let store: Store;
  let app: TestApp;
  let unitId: string;
  const devices: { db: AppDB; engine: SyncEngine; ctx: WriteContext }[] = [];

  beforeAll(async () => {
    store = await openMemoryStore();
    await store.migrate();
    app = testApp(store).app;
    const admin = await setUp(app);
    unitId = (await pullAll(app, admin)).find((c) => c.entity === 'units')!.recordId;
    for (let i = 0; i < 2; i += 1) {
      const s = (await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login: SETUP.login, password: SETUP.password, deviceName: `PC ${i + 1}` } })).body;
      const stored: StoredSession = { deviceId: s.deviceId, deviceToken: s.deviceToken, userId: s.user.id, displayName: s.user.displayName, login: s.user.login, roles: s.user.roles, unitIds: s.user.unitIds, organizationId: s.user.organizationId };
      let t = Date.UTC(2026, 10, 23, 8) + i * 1000;
      const nowMs = () => (t += 1000);
      const db = new AppDB(`plan-sync-${Date.now()}-${i}`);
      const transport = new HttpTransport('http://obecni.test', (input, init) => Promise.resolve(app.request(input, init)));
      devices.push({ db, engine: new SyncEngine({ db, transport, session: stored, nowMs, random: () => 0.5, withLock: (task) => task() }), ctx: { deviceId: s.deviceId, userId: s.user.id, organizationId: s.user.organizationId, nowMs } });
    }
  });
  afterAll(async () => {
    for (const d of devices) {
      d.engine.stop();
      d.db.close();
    }
    await store.close();
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
