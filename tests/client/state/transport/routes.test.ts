// Route editing on the real device database: a route and its stops land together with their
// outbox entries; a reorder rewrites only the moved stop's sort key; removed stops become
// tombstones; the driver's pickup list follows the new order. Also the notice time for meal fees.
import { beforeAll, describe, expect, it } from 'vitest';
import { configureRuntime, login, saveChanges, startApp } from '../../../../src/client/state';
import { saveAbsenceNotice } from '../../../../src/client/state/attendance';
import type { RouteDraft } from '../../../../src/client/state/transport';
import { deleteRoute, saveRoute } from '../../../../src/client/state/transport/routes';
import { runtime } from '../../../../src/client/state/runtime';
import type { LoginRequest, SessionInfo } from '../../../../src/protocol';
import { ScriptedTransport } from '../../sync/scripted-transport';

class Server extends ScriptedTransport {
  override login(request: LoginRequest): Promise<SessionInfo> {
    return Promise.resolve({ deviceId: 'dev-1', deviceToken: 'token-cccccccccccccccccccccccc', user: { id: 'user-1', displayName: 'Ewa Lis', login: request.login, roles: ['coordinator'], unitIds: ['unit-1'], organizationId: 'org-1' } });
  }
}

const db = () => runtime.db.value!;
/** The route as an editor opening it now would hold it. */
async function loaded(routeId: string): Promise<RouteDraft> {
  const r = (await db().entity('routes').get(routeId))!;
  const stops = await stopsOf(routeId);
  return {
    id: r.id, unitId: r.unitId, name: r.name, direction: r.direction, vehicleName: r.vehicleName, seats: r.seats, wheelchairPlaces: r.wheelchairPlaces,
    driverStaffId: r.driverStaffId, departureTime: r.departureTime,
    stops: stops.map((s) => ({ id: s.id, participantId: s.participantId, pickupAddress: s.pickupAddress, plannedTime: s.plannedTime })),
  };
}
const stopsOf = async (routeId: string) => (await db().entity('routeStops').where('routeId').equals(routeId).toArray()).filter((s) => !s.deleted).sort((a, b) => a.position - b.position);

function draft(over: Partial<RouteDraft> = {}): RouteDraft {
  return {
    id: null, unitId: 'unit-1', name: ' Kurs poranny ', direction: 'toCentre', vehicleName: 'Renault Master', seats: 8, wheelchairPlaces: 1,
    driverStaffId: null, departureTime: '07:00',
    stops: [
      { id: null, participantId: 'p-a', pickupAddress: '', plannedTime: '07:10' },
      { id: null, participantId: 'p-b', pickupAddress: ' ul. Polna 2 ', plannedTime: '07:20' },
      { id: null, participantId: 'p-c', pickupAddress: '', plannedTime: '07:30' },
    ],
    ...over,
  };
}

describe('route editing', () => {
  beforeAll(async () => {
    configureRuntime({ transport: new Server(), dbName: `routes-${Date.now()}`, autoSync: false, nowMs: () => Date.UTC(2026, 10, 23, 7, 42), timeZone: 'Europe/Warsaw' });
    await startApp();
    expect((await login({ login: 'ewa', password: 'x' })).ok).toBe(true);
  });

  let routeId = '';

  it('saves a new route with its stops in order, trimmed, with outbox entries', async () => {
    const before = await db().outbox.count();
    const saved = await saveRoute(draft(), null);
    expect(saved.ok).toBe(true);
    routeId = saved.ok ? saved.id : '';
    expect(await db().entity('routes').get(routeId)).toMatchObject({ name: 'Kurs poranny', seats: 8, wheelchairPlaces: 1, unitId: 'unit-1' });
    const stops = await stopsOf(routeId);
    expect(stops.map((s) => [s.participantId, s.pickupAddress, s.plannedTime])).toEqual([['p-a', '', '07:10'], ['p-b', 'ul. Polna 2', '07:20'], ['p-c', '', '07:30']]);
    expect(await db().outbox.count()).toBe(before + 4);
    // The new stops' ids come back, so the editor's next save updates them instead of adding more.
    expect(saved.ok && saved.stopIds).toEqual(stops.map((s) => s.id));
  });

  it('moving the last stop to the front writes one field of one stop', async () => {
    const base = await loaded(routeId);
    const before = await db().outbox.count();
    const [a, b, c] = base.stops;
    const saved = await saveRoute({ ...base, stops: [c!, a!, b!] }, base);
    expect(saved.ok).toBe(true);
    expect((await stopsOf(routeId)).map((s) => s.participantId)).toEqual(['p-c', 'p-a', 'p-b']);
    const entries = (await db().outbox.toArray()).slice(before);
    expect(entries.map((e) => [e.entity, e.recordId, Object.keys(e.patch)])).toEqual([['routeStops', c!.id, ['position']]]);
  });

  it('removing a stop leaves a tombstone; editing a time changes only that stop', async () => {
    const base = await loaded(routeId);
    const [c, a, b] = base.stops;
    const before = await db().outbox.count();
    const saved = await saveRoute({ ...base, stops: [{ ...c!, plannedTime: '07:05' }, a!] }, base);
    expect(saved.ok).toBe(true);
    expect((await stopsOf(routeId)).map((s) => [s.participantId, s.plannedTime])).toEqual([['p-c', '07:05'], ['p-a', '07:10']]);
    expect((await db().entity('routeStops').get(b!.id!))?.deleted).toBe(true);
    const entries = (await db().outbox.toArray()).slice(before);
    expect(entries.map((e) => [e.recordId, e.deleted ? 'deleted' : Object.keys(e.patch).join(',')])).toEqual([[c!.id, 'plannedTime'], [b!.id, 'deleted']]);
  });

  it('keeps what another device changed meanwhile: another field, another stop, a stop added or removed there', async () => {
    const base = await loaded(routeId);
    const [c, a] = base.stops;
    // Meanwhile (synced from another device): a's address changed, a new stop added, the route renamed.
    expect(await saveChanges([
      { entity: 'routeStops', id: a!.id!, patch: { pickupAddress: 'ul. Nowa 5' } },
      { entity: 'routeStops', id: 'stop-elsewhere', patch: { routeId, unitId: 'unit-1', participantId: 'p-d', pickupAddress: '', plannedTime: '07:40', position: 10 } },
      { entity: 'routes', id: routeId, patch: { name: 'Kurs poranny (Renault)' } },
    ])).toEqual({ ok: true });
    // This editor, opened before, changes the seats and c's time.
    const saved = await saveRoute({ ...base, seats: 9, stops: [{ ...c!, plannedTime: '07:00' }, a!] }, base);
    expect(saved.ok).toBe(true);
    expect(await db().entity('routes').get(routeId)).toMatchObject({ name: 'Kurs poranny (Renault)', seats: 9 });
    expect((await stopsOf(routeId)).map((s) => [s.participantId, s.plannedTime, s.pickupAddress])).toEqual([
      ['p-c', '07:00', ''], ['p-a', '07:10', 'ul. Nowa 5'], ['p-d', '07:40', ''],
    ]);
    // A stop removed elsewhere is not brought back by an editor that still lists it.
    expect(await saveChanges([{ entity: 'routeStops', id: a!.id!, delete: true }])).toEqual({ ok: true });
    expect((await saveRoute({ ...base, seats: 9, stops: [{ ...c!, plannedTime: '07:00' }, a!] }, { ...base, seats: 9, stops: [{ ...c!, plannedTime: '07:00' }, a!] })).ok).toBe(true);
    expect((await db().entity('routeStops').get(a!.id!))?.deleted).toBe(true);
  });

  it('an invalid route (no seats) is refused and nothing is stored', async () => {
    const before = await db().outbox.count();
    const saved = await saveRoute(draft({ seats: 0 }), null);
    expect(saved.ok).toBe(false);
    if (!saved.ok) expect(saved.error.code).toBe('invalidInput');
    expect(await db().outbox.count()).toBe(before);
  });

  it('deleting a route deletes its stops', async () => {
    expect(await deleteRoute(routeId)).toEqual({ ok: true });
    expect((await db().entity('routes').get(routeId))?.deleted).toBe(true);
    expect(await stopsOf(routeId)).toEqual([]);
  });

  it('a new absence notice records the day and time it came in (for the meal fees)', async () => {
    expect(await saveAbsenceNotice({ participantId: 'p-a', unitId: 'unit-1', fromDay: '2026-11-23', toDay: '2026-11-23', reason: 'illness', note: '', reportedBy: 'córka' })).toEqual({ ok: true });
    const notices = await db().entity('absenceNotices').where('participantId').equals('p-a').toArray();
    expect(notices[0]).toMatchObject({ reportedOn: '2026-11-23', reportedAt: '08:42' });
  });
});
