// The planner's actions on the real device database: a class and a trip land with their outbox
// entries; an exception of one occurrence (cancel, move, substitute) is the session record of that
// planned day, keeps the studio log and leaves the other occurrences; copy week and a new term
// write all their records at once; the planner's read model shows what was written.
import { beforeAll, describe, expect, it } from 'vitest';
import { configureRuntime, login, saveChanges, startApp } from '../../../../src/client/state';
import { saveStudioLog } from '../../../../src/client/state/attendance';
import {
  cancelOccurrence, canEditPlan, copyWeek, deleteActivity, moveOccurrence, restoreOccurrence, saveActivity, startNewTerm, substituteOccurrence, buildPlanWeek,
  type ActivityFields,
} from '../../../../src/client/state/plan';
import { runtime } from '../../../../src/client/state/runtime';
import { readPlanData } from '../../../../src/client/storage/plan-queries';
import { sessionId, type Activity } from '../../../../src/domain';
import type { LoginRequest, SessionInfo } from '../../../../src/protocol';
import { ScriptedTransport } from '../../sync/scripted-transport';

class Server extends ScriptedTransport {
  override login(request: LoginRequest): Promise<SessionInfo> {
    return Promise.resolve({ deviceId: 'dev-1', deviceToken: 'token-cccccccccccccccccccccccc', user: { id: 'user-1', displayName: 'Ewa Lis', login: request.login, roles: ['coordinator'], unitIds: ['unit-1'], organizationId: 'org-1' } });
  }
}

const MON = '2026-11-23';
const db = () => runtime.db.value!;
const outboxOf = async (id: string) => (await db().outbox.toArray()).filter((e) => e.recordId === id);
const week = async (day = MON) => buildPlanWeek((await readPlanData(db(), 'unit-1', day, day))!, day);
const rows = async (day = MON) => (await week(day)).occurrences.map((o) => `${o.activity.title} ${o.day} ${o.startTime}-${o.endTime}${o.status === 'moved' ? ' moved' : ''}${o.exception?.substituteStaffIds ? ` sub:${o.exception.substituteStaffIds.join(',')}` : ''}`);

const weekly: ActivityFields = {
  unitId: 'unit-1', title: 'Stolarstwo', category: 'occupationalTherapy', roomId: 'room-1', staffIds: ['staff-1'], audience: { type: 'unit' }, capacity: null,
  startTime: '09:00', endTime: '11:00', kind: 'recurring', weekdays: [1, 3], validFrom: '2026-11-01', validTo: null,
};
const trip: ActivityFields = {
  unitId: 'unit-1', title: 'Wycieczka', category: 'trip', roomId: null, staffIds: ['staff-2'], audience: { type: 'unit' }, capacity: 20,
  startTime: '08:00', endTime: '14:00', kind: 'oneOff', day: '2026-11-26', place: 'Gdańsk', needsBus: true,
};

let classId = '';
let tripId = '';

describe('planner actions', () => {
  beforeAll(async () => {
    configureRuntime({ transport: new Server(), dbName: `plan-${Date.now()}`, autoSync: false, nowMs: () => Date.UTC(2026, 10, 23, 8, 42), timeZone: 'Europe/Warsaw' });
    await startApp();
    expect((await login({ login: 'ewa', password: 'x' })).ok).toBe(true);
    const unit = {
      name: 'WTZ', kind: 'wtz' as const, address: '', openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '15:00' })), seats: 30,
      servesMeals: false, runsTransport: false, dailyHoursTarget: 7, closedDays: [], absenceStreakAlertDays: 5, absenceLimitDays: null, mealCutoffTime: null,
    };
    expect(await saveChanges([{ entity: 'units', id: 'unit-1', patch: unit }])).toEqual({ ok: true });
  });

  it('only coordinators and administrators edit the plan', () => {
    expect([['coordinator'], ['administrator'], ['therapist'], ['driver', 'kitchen']].map(canEditPlan)).toEqual([true, true, false, false]);
  });

  it('saves a weekly class and a trip, each with its outbox entry', async () => {
    const a = await saveActivity(null, weekly);
    const b = await saveActivity(null, trip);
    classId = a.id!;
    tripId = b.id!;
    expect((await outboxOf(classId))[0]).toMatchObject({ entity: 'activities', patch: expect.objectContaining({ title: 'Stolarstwo', weekdays: [1, 3] }) });
    expect(await rows()).toEqual(['Stolarstwo 2026-11-23 09:00-11:00', 'Stolarstwo 2026-11-25 09:00-11:00', 'Wycieczka 2026-11-26 08:00-14:00']);
  });

  it('cancelling one occurrence keeps its studio log and the rest of the series; restoring brings it back', async () => {
    expect(await saveStudioLog('unit-1', MON, classId, { topic: 'Szlifowanie', notes: '' })).toEqual({ ok: true });
    expect(await cancelOccurrence({ id: classId, unitId: 'unit-1' }, MON)).toEqual({ ok: true });
    expect(await db().entity('sessions').get(sessionId(classId, MON))).toMatchObject({ status: 'cancelled', topic: 'Szlifowanie' });
    expect((await outboxOf(sessionId(classId, MON))).at(-1)!.patch).toEqual({ status: 'cancelled' });
    expect(await rows()).toEqual(['Stolarstwo 2026-11-25 09:00-11:00', 'Wycieczka 2026-11-26 08:00-14:00']);
    expect((await week()).cancelled.map((c) => c.day)).toEqual([MON]);
    expect(await restoreOccurrence({ id: classId, unitId: 'unit-1' }, MON)).toEqual({ ok: true });
    expect(await rows()).toHaveLength(3);
  });

  it('moves one occurrence and sets a substitute on another', async () => {
    expect(await moveOccurrence({ id: classId, unitId: 'unit-1' }, '2026-11-25', { day: '2026-11-27', startTime: '10:00', endTime: '12:00' })).toEqual({ ok: true });
    expect(await substituteOccurrence({ id: classId, unitId: 'unit-1' }, MON, ['staff-9'])).toEqual({ ok: true });
    expect(await rows()).toEqual(['Stolarstwo 2026-11-23 09:00-11:00 sub:staff-9', 'Wycieczka 2026-11-26 08:00-14:00', 'Stolarstwo 2026-11-27 10:00-12:00 moved']);
    expect(await rows('2026-11-30')).toEqual(['Stolarstwo 2026-11-30 09:00-11:00', 'Stolarstwo 2026-12-02 09:00-11:00']);
  });

  it('an exception that creates its session record sends the fields it does not set as create-only defaults', async () => {
    // 2026-11-25 had no record: the move above created it, with the fields it does not set as defaults.
    expect((await outboxOf(sessionId(classId, '2026-11-25'))).at(-1)).toMatchObject({ ifAbsent: ['activityId', 'unitId', 'day', 'substituteStaffIds', 'topic', 'notes'] });
    expect(await cancelOccurrence({ id: classId, unitId: 'unit-1' }, '2026-12-07')).toEqual({ ok: true });
    const [created] = await outboxOf(sessionId(classId, '2026-12-07'));
    expect(created!.patch).toMatchObject({ status: 'cancelled', movedTo: null, topic: '', notes: '', substituteStaffIds: null });
    // The empty log and the planned staff must not overwrite a log or a substitute set elsewhere.
    expect(created!.ifAbsent).toEqual(['activityId', 'unitId', 'day', 'substituteStaffIds', 'topic', 'notes']);
    expect(await cancelOccurrence({ id: classId, unitId: 'unit-1' }, '2026-12-07')).toEqual({ ok: true });
    expect(await restoreOccurrence({ id: classId, unitId: 'unit-1' }, '2026-12-07')).toEqual({ ok: true });
    expect((await outboxOf(sessionId(classId, '2026-12-07'))).at(-1)).toEqual(expect.not.objectContaining({ ifAbsent: expect.anything() }));
  });

  it('copies the week’s trip to the next week in one write', async () => {
    const activities = (await week()).activities;
    expect(await copyWeek(activities, 'unit-1', MON, '2026-12-01')).toEqual({ ok: true, count: 1 });
    expect((await rows('2026-11-30')).filter((r) => r.startsWith('Wycieczka'))).toEqual(['Wycieczka 2026-12-03 08:00-14:00']);
    expect(await copyWeek(activities, 'unit-1', '2026-12-14', '2026-12-21')).toEqual({ ok: true, count: 0 });
  });

  it('a new term ends the current classes the day before and starts copies', async () => {
    const activities = (await week()).activities;
    expect(await startNewTerm(activities, 'unit-1', MON, '2027-02-01', null)).toEqual({ ok: true, count: 1 });
    const all = (await readPlanData(db(), 'unit-1', MON, MON))!.activities.filter((a): a is Extract<Activity, { kind: 'recurring' }> => a.kind === 'recurring');
    expect(all.map((a) => `${a.validFrom}–${a.validTo ?? ''}`).sort()).toEqual(['2026-11-01–2027-01-31', '2027-02-01–']);
    expect(await rows('2027-02-01')).toEqual(['Stolarstwo 2027-02-01 09:00-11:00', 'Stolarstwo 2027-02-03 09:00-11:00']);
  });

  it('deleting the trip is a tombstone; an invalid class is refused and nothing is written', async () => {
    expect(await deleteActivity(tripId)).toEqual({ ok: true });
    expect((await rows()).some((r) => r.startsWith('Wycieczka 2026-11-26'))).toBe(false);
    const before = await db().outbox.count();
    const bad = await saveActivity(null, { ...weekly, startTime: '12:00', endTime: '11:00' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    expect(await db().outbox.count()).toBe(before);
  });
});
