/**
 * WRITE-POLICY (server): the role × entity write policy of the domain is enforced on every push,
 * inside the caller's own unit too. A therapist may tick attendance but not plan the bus runs or
 * the week: a route, a route stop or an activity of their own unit is rejected `forbidden`,
 * audited as `writeRefused` and leaves nothing stored, while a coordinator's same push lands.
 */
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayMarkId, type EntityName } from '../../../src/domain';
import type { Mutation, SessionInfo } from '../../../src/protocol';
import type { Store } from '../../../src/server/store/store';
import { hlc, mutation, push, serverFixture, type ServerFixture, type TestApp } from '../helpers';

const T0 = Date.UTC(2026, 10, 23, 8);

describe('WRITE-POLICY: what a role may write is checked on the server, unit by unit and entity by entity', () => {
  let fx: ServerFixture;
  let store: Store;
  let app: TestApp;
  let admin: SessionInfo;
  let therapist: SessionInfo;
  let coordinator: SessionInfo;
  let unitId: string;
  let n = 0;
  const stamp = () => hlc(T0 + (n += 1) * 1000, 'dev-p');

  beforeAll(async () => {
    fx = await serverFixture();
    ({ store, app, admin, unitId } = fx);
    therapist = await fx.account('therapist');
    coordinator = await fx.account('coordinator');
  });
  afterAll(() => fx.close());

  /** A new route with one stop, and a new weekly class, all of the caller's own unit. */
  function planning(): Mutation[] {
    const routeId = uuidv7();
    return [
      mutation('routes', routeId, { unitId, name: 'Kurs poranny', direction: 'toCentre', vehicleName: 'Bus', seats: 8, wheelchairPlaces: 1, driverStaffId: null, departureTime: '07:00' }, stamp()),
      mutation('routeStops', uuidv7(), { routeId, unitId, participantId: uuidv7(), position: 1, pickupAddress: '', plannedTime: '07:10' }, stamp()),
      mutation('activities', uuidv7(), {
        unitId, title: 'Stolarnia', category: 'occupationalTherapy', roomId: null, staffIds: [], audience: { type: 'unit' }, capacity: null,
        startTime: '09:00', endTime: '11:00', kind: 'recurring', weekdays: [1, 3], validFrom: '2026-11-23', validTo: null,
      }, stamp()),
    ];
  }

  it('WRITE-POLICY-THERAPIST: a therapist’s route, route stop and activity of their own unit are forbidden and audited', async () => {
    const ms = planning();
    const res = await push(app, therapist, ms);
    expect(res.status).toBe(200);
    expect(res.body.accepted).toEqual([]);
    expect(res.body.rejected.map((r) => [r.mutationId, r.reason])).toEqual(ms.map((m) => [m.mutationId, 'forbidden']));
    const org = admin.user.organizationId;
    for (const m of ms) {
      expect(await store.sync.getRecord(org, m.entity, m.recordId)).toBeNull();
      const [entry] = await store.audit.list(org, 1, { action: 'writeRefused', recordId: m.recordId });
      expect(entry).toMatchObject({ action: 'writeRefused', entity: m.entity, userId: therapist.user.id, deviceId: therapist.deviceId, details: { mutationId: m.mutationId } });
    }
  });

  it('WRITE-POLICY-COORDINATOR: the coordinator’s same push lands whole', async () => {
    const ms = planning();
    const res = await push(app, coordinator, ms);
    expect(res.body.rejected).toEqual([]);
    expect(res.body.accepted).toEqual(ms.map((m) => m.mutationId));
    for (const m of ms) expect(await store.sync.getRecord(admin.user.organizationId, m.entity, m.recordId)).toMatchObject({ deleted: false, data: expect.objectContaining(m.patch) });
  });

  it('WRITE-POLICY-EDIT: a therapist may not edit or delete the coordinator’s route either, but ticks attendance in the same push', async () => {
    const [route] = planning();
    expect((await push(app, coordinator, [route!])).body.accepted).toHaveLength(1);
    const participantId = uuidv7();
    const tick = mutation('dayMarks', dayMarkId(participantId, '2026-11-23'), { participantId, unitId, day: '2026-11-23', status: 'present', absenceReason: null, arrivalTime: null, leaveTime: null, note: '' }, stamp());
    const edit = mutation('routes', route!.recordId, { departureTime: '06:30' }, stamp());
    const erase = mutation('routes', route!.recordId, {}, stamp(), true);
    const res = await push(app, therapist, [edit, tick, erase]);
    expect(res.body.accepted).toEqual([tick.mutationId]);
    expect(res.body.rejected.map((r) => r.reason)).toEqual(['forbidden', 'forbidden']);
    const stored = await store.sync.getRecord(admin.user.organizationId, 'routes', route!.recordId);
    expect(stored).toMatchObject({ deleted: false, data: expect.objectContaining({ departureTime: '07:00' }) });
  });

  it('WRITE-POLICY-SUPERSEDED: a therapist’s route change that loses on every field is forbidden too, not kept as superseded', async () => {
    const [route] = planning();
    expect((await push(app, coordinator, [route!])).body.accepted).toHaveLength(1);
    const late = mutation('routes', route!.recordId, { departureTime: '06:15' }, hlc(T0 - 60_000, 'dev-p'));
    const res = await push(app, therapist, [late]);
    expect(res.body.rejected.map((r) => r.reason)).toEqual(['forbidden']);
    expect((await store.sync.history(admin.user.organizationId, 'routes', route!.recordId)).map((h) => h.mutationId)).not.toContain(late.mutationId);
  });

  it('WRITE-POLICY-ENTITIES: per entity, a therapist’s new record of their own unit lands exactly when the policy says so', async () => {
    const cases: [EntityName, Record<string, unknown>, boolean][] = [
      ['rooms', { unitId, name: 'Sala', isStudio: false, capacity: 10 }, false],
      ['absenceNotices', { participantId: uuidv7(), unitId, fromDay: '2026-11-24', toDay: '2026-11-25', reason: 'illness', note: '', reportedBy: '', reportedOn: '2026-11-23', reportedAt: '08:00' }, true],
    ];
    for (const [entity, patch, lands] of cases) {
      const res = await push(app, therapist, [mutation(entity, uuidv7(), patch, stamp())]);
      expect(res.body.accepted.length, `${entity}: ${JSON.stringify(res.body.rejected)}`).toBe(lands ? 1 : 0);
      if (!lands) expect(res.body.rejected[0]?.reason).toBe('forbidden');
    }
  });
});
