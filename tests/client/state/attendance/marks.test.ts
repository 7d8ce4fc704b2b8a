// Attendance actions on the real device database: every tap is stored with its outbox entry
// before the promise resolves, and the last change can be undone.
import { beforeAll, describe, expect, it } from 'vitest';
import { configureRuntime, login, saveChanges, startApp } from '../../../../src/client/state';
import { clearDayMark, markDay, markRemainingPresent, markSession, saveAbsenceNotice, saveStudioLog, undoLastChange, useLastChange } from '../../../../src/client/state/attendance';
import { sendMealOrder } from '../../../../src/client/state/meals';
import { runtime } from '../../../../src/client/state/runtime';
import { applyPulledChanges } from '../../../../src/client/storage/pull-apply';
import { dayMarkId, formatHlc, markContradictions, mealOrderId, sessionId, transportEventId, type TransportEvent } from '../../../../src/domain';
import { keepDayMark } from '../../../../src/client/state/transport';
import type { LoginRequest, SessionInfo } from '../../../../src/protocol';
import { ScriptedTransport } from '../../sync/scripted-transport';

class Server extends ScriptedTransport {
  override login(request: LoginRequest): Promise<SessionInfo> {
    return Promise.resolve({ deviceId: 'dev-1', deviceToken: 'token-cccccccccccccccccccccccc', user: { id: 'user-1', displayName: 'Ewa Lis', login: request.login, roles: ['therapist'], unitIds: ['unit-1'], organizationId: 'org-1' } });
  }
}

const DAY = '2026-11-23';
const mark = (p: string) => runtime.db.value!.entity('dayMarks').get(dayMarkId(p, DAY));
/** The outbox entries of one person's day mark, oldest first. */
const entriesOf = async (p: string) => (await runtime.db.value!.outbox.toArray()).filter((e) => e.recordId === dayMarkId(p, DAY));
const sorted = (list: readonly string[] | undefined) => [...(list ?? [])].sort();

describe('attendance actions', () => {
  beforeAll(async () => {
    configureRuntime({ transport: new Server(), dbName: `attendance-${Date.now()}`, autoSync: false, nowMs: () => Date.UTC(2026, 10, 23, 8, 42), timeZone: 'Europe/Warsaw' });
    await startApp();
    expect((await login({ login: 'ewa', password: 'x' })).ok).toBe(true);
  });

  it('one tap marks present, stored with its outbox entry before it resolves', async () => {
    expect(await markDay('unit-1', DAY, 'p-1', { status: 'present' })).toEqual({ ok: true });
    expect(await mark('p-1')).toMatchObject({ status: 'present', unitId: 'unit-1', day: DAY, absenceReason: null });
    const outbox = await runtime.db.value!.outbox.toArray();
    expect(outbox.at(-1)).toMatchObject({ entity: 'dayMarks', recordId: dayMarkId('p-1', DAY) });
  });

  it('absent with a reason, then undo puts the present mark back', async () => {
    await markDay('unit-1', DAY, 'p-1', { status: 'absent', absenceReason: 'hospital' });
    expect(await mark('p-1')).toMatchObject({ status: 'absent', absenceReason: 'hospital' });
    expect(await undoLastChange()).toEqual({ ok: true });
    expect(await mark('p-1')).toMatchObject({ status: 'present', absenceReason: null });
  });

  it('late arrival keeps its time', async () => {
    await markDay('unit-1', DAY, 'p-2', { status: 'present', arrivalTime: '09:40' });
    expect(await mark('p-2')).toMatchObject({ status: 'present', arrivalTime: '09:40' });
  });

  it('marks all remaining present in one change that one undo removes', async () => {
    expect(await markRemainingPresent('unit-1', DAY, ['p-1', 'p-2', 'p-3', 'p-4'])).toEqual({ ok: true });
    expect((await mark('p-3'))?.status).toBe('present');
    expect((await mark('p-4'))?.status).toBe('present');
    await undoLastChange();
    expect((await mark('p-3'))?.deleted).toBe(true);
    expect((await mark('p-4'))?.deleted).toBe(true);
    expect((await mark('p-2'))?.arrivalTime).toBe('09:40');
  });

  it('excused takes the reason of the absence notice covering the day', async () => {
    expect(await saveAbsenceNotice({ participantId: 'p-5', unitId: 'unit-1', fromDay: DAY, toDay: '2026-11-27', reason: 'vacation', note: '', reportedBy: 'syn' })).toEqual({ ok: true });
    await markDay('unit-1', DAY, 'p-5', { status: 'excused' });
    expect(await mark('p-5')).toMatchObject({ status: 'excused', absenceReason: 'vacation' });
  });

  it('an absence notice ending before it starts is refused with the reason', async () => {
    const result = await saveAbsenceNotice({ participantId: 'p-5', unitId: 'unit-1', fromDay: '2026-11-27', toDay: DAY, reason: 'illness', note: '', reportedBy: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalidInput', issues: [{ code: 'toBeforeFrom' }] } });
  });

  it('clearing a mark makes the person unmarked again', async () => {
    await clearDayMark(DAY, 'p-2');
    expect((await mark('p-2'))?.deleted).toBe(true);
    expect(useLastChange()).toEqual({ kind: 'clear', count: 1 });
  });

  it('session ticks and the studio log are stored per session of the day', async () => {
    await markSession('unit-1', DAY, 'act-1', 'p-1', true);
    await saveStudioLog('unit-1', DAY, 'act-1', { topic: '  Wycinanki łowickie ', notes: 'Praca w parach' });
    const db = runtime.db.value!;
    expect(await db.entity('sessions').get(sessionId('act-1', DAY))).toMatchObject({ topic: 'Wycinanki łowickie', notes: 'Praca w parach', status: 'planned' });
    expect(await db.entity('sessionMarks').where('[unitId+day]').equals(['unit-1', DAY]).count()).toBe(1);
  });

  it('CREATE-ONLY: the studio log of a session this device has no record of sends the session’s defaults as create-only', async () => {
    const db = runtime.db.value!;
    const id = sessionId('act-2', DAY);
    expect(await saveStudioLog('unit-1', DAY, 'act-2', { topic: 'Glina', notes: '' })).toEqual({ ok: true });
    const [created] = (await db.outbox.toArray()).filter((e) => e.recordId === id);
    expect(created).toMatchObject({
      entity: 'sessions',
      patch: { activityId: 'act-2', unitId: 'unit-1', day: DAY, status: 'planned', movedTo: null, substituteStaffIds: null, topic: 'Glina', notes: '' },
      ifAbsent: ['activityId', 'unitId', 'day', 'status', 'movedTo', 'substituteStaffIds'],
    });
    // With the record on the device, the log is all it sends.
    expect(await saveStudioLog('unit-1', DAY, 'act-2', { topic: 'Glina', notes: 'Miski' })).toEqual({ ok: true });
    const next = (await db.outbox.toArray()).filter((e) => e.recordId === id).at(-1)!;
    expect(next.patch).toEqual({ notes: 'Miski' });
    expect(next).not.toHaveProperty('ifAbsent');
  });

  it('TICKS-TAP: a tap on an unmarked person sends the status as a value and what the tap does not choose (note, times) as create-only', async () => {
    await markDay('unit-1', DAY, 'p-20', { status: 'present' });
    const [present] = await entriesOf('p-20');
    expect(present!.patch).toEqual({ participantId: 'p-20', unitId: 'unit-1', day: DAY, status: 'present', absenceReason: null, arrivalTime: null, leaveTime: null, note: '' });
    expect(sorted(present!.ifAbsent)).toEqual(['arrivalTime', 'day', 'leaveTime', 'note', 'participantId', 'unitId']);

    await markDay('unit-1', DAY, 'p-21', { status: 'present', arrivalTime: '09:40' });
    expect(sorted((await entriesOf('p-21'))[0]!.ifAbsent)).toEqual(['day', 'leaveTime', 'note', 'participantId', 'unitId']);
    // A reason nobody picked is a default too; one the therapist picked is a value.
    await markDay('unit-1', DAY, 'p-22', { status: 'absent' });
    expect(sorted((await entriesOf('p-22'))[0]!.ifAbsent)).toEqual(['absenceReason', 'arrivalTime', 'day', 'leaveTime', 'note', 'participantId', 'unitId']);
    await markDay('unit-1', DAY, 'p-23', { status: 'absent', absenceReason: 'hospital', note: 'Szpital do piątku' });
    expect(sorted((await entriesOf('p-23'))[0]!.ifAbsent)).toEqual(['arrivalTime', 'day', 'leaveTime', 'participantId', 'unitId']);
  });

  it('TICKS-TAP: a tap on a mark this device holds sends only what it changes', async () => {
    await markDay('unit-1', DAY, 'p-24', { status: 'present', note: 'Z opiekunem' });
    await markDay('unit-1', DAY, 'p-24', { status: 'present', arrivalTime: '08:05' });
    const last = (await entriesOf('p-24')).at(-1)!;
    expect(last.patch).toEqual({ arrivalTime: '08:05' });
    expect(last).not.toHaveProperty('ifAbsent');
    expect(await mark('p-24')).toMatchObject({ note: 'Z opiekunem', arrivalTime: '08:05' });
  });

  it('TICKS-FILL: "mark the rest present" sends every field as create-only, and only for the unmarked', async () => {
    await markDay('unit-1', DAY, 'p-30', { status: 'excused' });
    const before = (await runtime.db.value!.outbox.toArray()).length;
    expect(await markRemainingPresent('unit-1', DAY, ['p-30', 'p-31', 'p-32'])).toEqual({ ok: true });
    const added = (await runtime.db.value!.outbox.toArray()).slice(before);
    expect(added.map((e) => e.recordId)).toEqual([dayMarkId('p-31', DAY), dayMarkId('p-32', DAY)]);
    for (const entry of added) {
      expect(entry.patch).toMatchObject({ status: 'present', absenceReason: null, arrivalTime: null, leaveTime: null, note: '' });
      expect(sorted(entry.ifAbsent)).toEqual(sorted(Object.keys(entry.patch)));
    }
    expect(useLastChange()).toEqual({ kind: 'markAll', count: 2 });
  });

  it('TICKS-FILL-UNDO: the undo leaves a mark another tablet made meanwhile, and undoes the rest as a delete of defaults', async () => {
    const db = runtime.db.value!;
    await markRemainingPresent('unit-1', DAY, ['p-33', 'p-34']);
    // A pull brings another tablet's "absent, hospital" of p-33 (its fill-in still unsent: the
    // defaults do not go over the server's values).
    const id = dayMarkId('p-33', DAY);
    await applyPulledChanges(db, [{
      seq: 900, entity: 'dayMarks', recordId: id, deleted: false,
      data: { id, organizationId: 'org-1', hlc: formatHlc({ wall: Date.UTC(2026, 10, 23, 7), counter: 0, device: 'dev-b' }), changedBy: 'user-2', deleted: false, participantId: 'p-33', unitId: 'unit-1', day: DAY, status: 'absent', absenceReason: 'hospital', arrivalTime: null, leaveTime: null, note: '' },
    }], 900, 'dev-1', Date.UTC(2026, 10, 23, 8, 42));
    expect(await mark('p-33')).toMatchObject({ status: 'absent', absenceReason: 'hospital' });

    expect(await undoLastChange()).toEqual({ ok: true });
    expect(await mark('p-33')).toMatchObject({ status: 'absent', absenceReason: 'hospital', deleted: false });
    expect((await mark('p-34'))?.deleted).toBe(true);
    expect((await entriesOf('p-33')).some((e) => e.deleted)).toBe(false);
    const undo = (await entriesOf('p-34')).at(-1)!;
    expect(undo).toMatchObject({ deleted: true, patch: {}, onlyDefaults: { status: 'present', note: '' } });
  });

  it('TICKS-CLEARED: a mark cleared on this device is no mark: "mark the rest present" makes the person present', async () => {
    await markDay('unit-1', DAY, 'p-40', { status: 'absent', absenceReason: 'illness', note: 'pomyłka' });
    await clearDayMark(DAY, 'p-40');
    await markRemainingPresent('unit-1', DAY, ['p-40']);
    expect(await mark('p-40')).toMatchObject({ status: 'present', absenceReason: null, note: '', deleted: false });
    const fill = (await entriesOf('p-40')).at(-1)!;
    expect(fill.patch).toMatchObject({ status: 'present', absenceReason: null, note: '' });
    // Real values (the server keeps a deleted record's values, and a default would not replace them).
    expect(fill.ifAbsent).toBeUndefined();
    // Its undo clears the mark again, as a plain delete (the server holds real values for it).
    expect(await undoLastChange()).toEqual({ ok: true });
    expect((await mark('p-40'))?.deleted).toBe(true);
    const undo = (await entriesOf('p-40')).at(-1)!;
    expect(undo).toMatchObject({ deleted: true });
    expect(undo.onlyDefaults).toBeUndefined();
  });

  it('TICKS-UNDO-TAP: undoing a tap restores only the fields it changed', async () => {
    await markDay('unit-1', DAY, 'p-41', { status: 'present' });
    await markDay('unit-1', DAY, 'p-41', { status: 'absent', absenceReason: 'family' });
    // Before the undo, a pull brings a note typed on another tablet.
    const id = dayMarkId('p-41', DAY);
    await applyPulledChanges(runtime.db.value!, [{
      seq: 901, entity: 'dayMarks', recordId: id, deleted: false,
      data: { id, organizationId: 'org-1', hlc: formatHlc({ wall: Date.UTC(2026, 10, 23, 7), counter: 0, device: 'dev-b' }), changedBy: 'user-2', deleted: false, participantId: 'p-41', unitId: 'unit-1', day: DAY, status: 'present', absenceReason: null, arrivalTime: null, leaveTime: null, note: 'Z innego tabletu' },
    }], 901, 'dev-1', Date.UTC(2026, 10, 23, 8, 42));
    expect(await mark('p-41')).toMatchObject({ status: 'absent', note: 'Z innego tabletu' });
    await undoLastChange();
    const last = (await entriesOf('p-41')).at(-1)!;
    expect(last.patch).toEqual({ status: 'present', absenceReason: null });
    expect(await mark('p-41')).toMatchObject({ status: 'present', note: 'Z innego tabletu' });
  });

  it('CREATE-ONLY: the meal order’s extra lunches and note are defaults: a re-send keeps what is there', async () => {
    const db = runtime.db.value!;
    const id = mealOrderId('unit-1', DAY);
    const counts = { standard: 10, diabetic: 1, easyToDigest: 0, vegetarian: 2, glutenFree: 0, lactoseFree: 0, other: 0 };
    expect(await sendMealOrder('unit-1', DAY, counts)).toEqual({ ok: true });
    const [created] = (await db.outbox.toArray()).filter((e) => e.recordId === id);
    // Issue 13: the order records when it was sent (today and now on the device: 09:42 in Warsaw).
    expect(created).toMatchObject({ patch: { extra: 0, note: '', status: 'sent', sentOn: DAY, sentAt: '09:42' }, ifAbsent: ['unitId', 'day', 'extra', 'note'] });
    // Staff lunches added on another device reached this one.
    expect(await saveChanges([{ entity: 'mealOrders', id, patch: { extra: 3, note: 'Goście' } }])).toEqual({ ok: true });
    expect(await sendMealOrder('unit-1', DAY, { ...counts, standard: 9 })).toEqual({ ok: true });
    expect(await db.entity('mealOrders').get(id)).toMatchObject({ extra: 3, note: 'Goście', counts: { standard: 9 } });
    expect((await db.outbox.toArray()).filter((e) => e.recordId === id).at(-1)!.patch).toEqual({ counts: { ...counts, standard: 9 } });
  });

  it('KEEP-AGAINST-DRIVER: keeping a mark against the driver’s "not at home" stores the driver’s stamp; the question is then decided (issue 13)', async () => {
    expect(await markDay('unit-1', DAY, 'p-7', { status: 'present' })).toEqual({ ok: true });
    const event: TransportEvent = {
      id: transportEventId('r-1', 'p-7', DAY), organizationId: 'org-1', hlc: formatHlc({ wall: Date.UTC(2026, 10, 23, 6, 40), counter: 0, device: 'bus' }),
      changedBy: 'driver', deleted: false, routeId: 'r-1', unitId: 'unit-1', participantId: 'p-7', day: DAY, kind: 'notHome', time: '07:40',
    };
    const before = await mark('p-7');
    const [found] = markContradictions([before!], [event], DAY);
    expect(found?.kind).toBe('driverAway');
    expect(await keepDayMark(found!)).toEqual({ ok: true });
    const after = await mark('p-7');
    expect(after).toMatchObject({ status: 'present', keptAgainst: event.hlc });
    expect(markContradictions([after!], [event], DAY)).toEqual([]);
  });
});
