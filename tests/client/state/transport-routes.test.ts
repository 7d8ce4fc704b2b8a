// Route editing on the real device database: a route and its stops land together with their
// outbox entries; a reorder rewrites only the moved stop's sort key; removed stops become
// tombstones; the driver's pickup list follows the new order. Also the notice time for meal fees.
import { beforeAll, describe, expect, it } from 'vitest';
import { configureRuntime, deleteRoute, login, saveAbsenceNotice, saveRoute, startApp, type RouteDraft } from '../../../src/client/state';
import { runtime } from '../../../src/client/state/runtime';
import type { LoginRequest, SessionInfo } from '../../../src/protocol';
import { ScriptedTransport } from '../sync/scripted-transport';

class Server extends ScriptedTransport {
  override login(request: LoginRequest): Promise<SessionInfo> {
    return Promise.resolve({ deviceId: 'dev-1', deviceToken: 'token-cccccccccccccccccccccccc', user: { id: 'user-1', displayName: 'Ewa Lis', login: request.login, roles: ['coordinator'], unitIds: ['unit-1'], organizationId: 'org-1' } });
  }
}

const db = () => runtime.db.value!;
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
    const saved = await saveRoute(draft());
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
    const stops = await stopsOf(routeId);
    const before = await db().outbox.count();
    const order = [stops[2]!, stops[0]!, stops[1]!];
    const saved = await saveRoute({ ...draft({ id: routeId, name: 'Kurs poranny' }), stops: order.map((s) => ({ id: s.id, participantId: s.participantId, pickupAddress: s.pickupAddress, plannedTime: s.plannedTime })) });
    expect(saved.ok).toBe(true);
    expect((await stopsOf(routeId)).map((s) => s.participantId)).toEqual(['p-c', 'p-a', 'p-b']);
    const entries = (await db().outbox.toArray()).slice(before);
    expect(entries.map((e) => [e.entity, e.recordId, Object.keys(e.patch)])).toEqual([['routeStops', stops[2]!.id, ['position']]]);
  });

  it('removing a stop leaves a tombstone; editing a time changes only that stop', async () => {
    const stops = await stopsOf(routeId);
    const [c, a] = stops;
    const saved = await saveRoute({ ...draft({ id: routeId, name: 'Kurs poranny' }), stops: [
      { id: c!.id, participantId: 'p-c', pickupAddress: '', plannedTime: '07:05' },
      { id: a!.id, participantId: 'p-a', pickupAddress: '', plannedTime: '07:10' },
    ] });
    expect(saved.ok).toBe(true);
    expect((await stopsOf(routeId)).map((s) => [s.participantId, s.plannedTime])).toEqual([['p-c', '07:05'], ['p-a', '07:10']]);
    expect((await db().entity('routeStops').get(stops[2]!.id))?.deleted).toBe(true);
  });

  it('an invalid route (no seats) is refused and nothing is stored', async () => {
    const before = await db().outbox.count();
    const saved = await saveRoute(draft({ seats: 0 }));
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
