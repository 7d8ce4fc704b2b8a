/**
 * PUSH-CURRENT: a mutation rejected for good comes back with the server's current version of its
 * record, as the caller may see it (cut down to the role's fields exactly as pull does; null when
 * the server has none or the caller may not see it), and the device puts its copy back to it.
 * The second half runs the real client data layer (Dexie on fake-indexeddb, the sync engine, the
 * HTTP transport) against the real server app in-process: a therapist's refused change of a bus
 * run is rolled back on the tablet, while the tick in the same push lands.
 */
import 'fake-indexeddb/auto';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeChanges } from '../../../src/client/storage/write';
import { dayMarkId } from '../../../src/domain';
import type { SessionInfo } from '../../../src/protocol';
import type { Store } from '../../../src/server/store/store';
import { DRIVER_SCOPE } from '../../../src/server/sync/scope';
import { person } from '../../domain/rules/fixtures';
import { hlc, mutation, push, roomPatch, serverFixture, testDevice, type ServerFixture, type TestApp } from '../helpers';

const T0 = Date.UTC(2026, 10, 23, 8);
const ROUTE = { name: 'Kurs poranny', direction: 'toCentre' as const, vehicleName: 'Bus', seats: 8, wheelchairPlaces: 1, driverStaffId: null, departureTime: '07:00' };

describe('PUSH-CURRENT: a rejected mutation carries the server’s record as the caller may see it', () => {
  let fx: ServerFixture;
  let store: Store;
  let app: TestApp;
  let admin: SessionInfo;
  let therapist: SessionInfo;
  let driver: SessionInfo;
  let unitId: string;
  let n = 0;
  const stamp = (device = 'dev-x') => hlc(T0 + (n += 1) * 1000, device);
  const participantId = uuidv7();
  const routeId = uuidv7();

  beforeAll(async () => {
    fx = await serverFixture();
    ({ store, app, admin, unitId } = fx);
    therapist = await fx.account('therapist');
    driver = await fx.account('driver');
    const { id: _i, organizationId: _o, hlc: _h, changedBy: _c, deleted: _d, ...fields } = person(participantId, {
      unitId, pesel: '80061512342', notes: 'Notatka o zdrowiu', phone: '600100200', address: { street: 'Lipowa 1', postalCode: '00-001', city: 'Testowo' },
    });
    const seeded = await push(app, admin, [mutation('participants', participantId, fields, stamp()), mutation('routes', routeId, { unitId, ...ROUTE }, stamp())]);
    expect(seeded.body.accepted, JSON.stringify(seeded.body.rejected)).toHaveLength(2);
  });
  afterAll(() => fx.close());

  it('PUSH-CURRENT-FORBIDDEN: a therapist’s refused route change comes back with the whole stored route', async () => {
    const res = await push(app, therapist, [mutation('routes', routeId, { departureTime: '06:00' }, stamp())]);
    expect(res.body.rejected).toEqual([expect.objectContaining({ reason: 'forbidden', current: { data: expect.objectContaining({ id: routeId, departureTime: '07:00', unitId }), deleted: false } })]);
    expect(res.body.rejected[0]!.current!.partial).toBeUndefined();
  });

  it('PUSH-CURRENT-DRIVER: a driver’s refused change of a participant comes back cut down to the driver’s fields, never health data', async () => {
    const res = await push(app, driver, [mutation('participants', participantId, { notes: 'Kierowca pisze', pesel: '99999999999' }, stamp())]);
    const [rejection] = res.body.rejected;
    expect(rejection).toMatchObject({ reason: 'forbidden', current: { deleted: false, partial: true } });
    const data = rejection!.current!.data;
    const allowed = new Set(DRIVER_SCOPE.participants!.map((f) => (typeof f === 'string' ? f : f[0])));
    expect(Object.keys(data).filter((k) => !allowed.has(k))).toEqual([]);
    expect(data).toMatchObject({ id: participantId, firstName: 'Jan', phone: '600100200' });
    const text = JSON.stringify(res.body);
    for (const hidden of ['80061512342', 'Notatka o zdrowiu', 'Kierowca pisze', '99999999999', 'birthDate', 'consents']) expect(text).not.toContain(hidden);
  });

  it('PUSH-CURRENT-NONE: null when the server has no such record, or the caller may not see it', async () => {
    const fresh = mutation('rooms', uuidv7(), roomPatch(unitId), stamp());
    const otherUnit = uuidv7();
    const elsewhere = mutation('dayMarks', dayMarkId(participantId, '2026-11-24'), { participantId, unitId: otherUnit, day: '2026-11-24', status: 'present', absenceReason: null, arrivalTime: null, leaveTime: null, note: '' }, stamp());
    expect((await push(app, admin, [elsewhere])).body.accepted).toHaveLength(1);
    const moved = mutation('dayMarks', elsewhere.recordId, { note: 'Zmiana' }, stamp());
    const res = await push(app, therapist, [fresh, moved]);
    expect(res.body.rejected.map((r) => [r.reason, r.current])).toEqual([['forbidden', null], ['forbidden', null]]);
  });

  it('PUSH-CURRENT-INVALID: an invalid change comes back with the stored record as it stands after the whole batch', async () => {
    const id = dayMarkId(participantId, '2026-11-23');
    const base = { participantId, unitId, day: '2026-11-23', absenceReason: null, arrivalTime: null, leaveTime: null, note: '' };
    expect((await push(app, therapist, [mutation('dayMarks', id, { ...base, status: 'present' }, stamp())])).body.accepted).toHaveLength(1);
    const broken = mutation('dayMarks', id, { status: 'być może' }, stamp());
    const later = mutation('dayMarks', id, { note: 'Przyszedł później' }, stamp());
    const res = await push(app, therapist, [broken, later]);
    expect(res.body.accepted).toEqual([later.mutationId]);
    expect(res.body.rejected).toEqual([{
      mutationId: broken.mutationId, reason: 'invalidRecord', issues: [expect.objectContaining({ path: 'status' })],
      current: { data: expect.objectContaining({ status: 'present', note: 'Przyszedł później' }), deleted: false },
    }]);
  });

  it('PUSH-CURRENT-DEVICE: the tablet of a therapist puts a refused route change back to the server’s value and keeps the tick', async () => {
    const { db, engine, ctx, close } = testDevice(app, therapist, { name: 'push-current', startMs: T0 + 3_600_000, tickMs: 1000 });
    try {
      expect(await engine.sync()).toBe(true);
      expect(await db.entity('routes').get(routeId)).toMatchObject({ departureTime: '07:00' });
      const newRoute = uuidv7();
      const tick = dayMarkId(participantId, '2026-11-25');
      await writeChanges(db, ctx, [
        { entity: 'routes', id: routeId, patch: { departureTime: '05:45', vehicleName: 'Prywatne auto' } },
        { entity: 'routes', id: newRoute, patch: { unitId, ...ROUTE, name: 'Kurs dodatkowy' } },
        { entity: 'dayMarks', id: tick, patch: { participantId, unitId, day: '2026-11-25', status: 'present', absenceReason: null, arrivalTime: null, leaveTime: null, note: '' } },
      ]);
      expect(await db.entity('routes').get(routeId)).toMatchObject({ departureTime: '05:45' });
      expect(await engine.sync()).toBe(true);
      expect(await db.outbox.count()).toBe(0);
      expect((await db.rejected.toArray()).map((r) => [r.recordId, r.reason]).sort()).toEqual([[newRoute, 'forbidden'], [routeId, 'forbidden']].sort());
      // The device holds what the server holds: the route as it was, no made-up run, the tick.
      const server = await store.sync.getRecord(admin.user.organizationId, 'routes', routeId);
      const local = await db.entity('routes').get(routeId);
      expect(local).toMatchObject({ departureTime: '07:00', vehicleName: 'Bus' });
      expect({ ...local }).toEqual(server!.data);
      expect(await db.entity('routes').get(newRoute)).toBeUndefined();
      expect(await db.entity('dayMarks').get(tick)).toMatchObject({ status: 'present' });
      expect(await store.sync.getRecord(admin.user.organizationId, 'dayMarks', tick)).not.toBeNull();
    } finally {
      close();
      await db.delete();
    }
  });
});
