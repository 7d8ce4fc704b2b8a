// Attendance actions on the real device database: every tap is stored with its outbox entry
// before the promise resolves, and the last change can be undone.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  clearDayMark, configureRuntime, login, markDay, markRemainingPresent, markSession, saveAbsenceNotice, saveChanges, saveStudioLog, startApp, undoLastChange, useLastChange,
} from '../../../src/client/state';
import { sendMealOrder } from '../../../src/client/state/kitchen';
import { runtime } from '../../../src/client/state/runtime';
import { dayMarkId, mealOrderId, sessionId } from '../../../src/domain';
import type { LoginRequest, SessionInfo } from '../../../src/protocol';
import { ScriptedTransport } from '../sync/scripted-transport';

class Server extends ScriptedTransport {
  override login(request: LoginRequest): Promise<SessionInfo> {
    return Promise.resolve({ deviceId: 'dev-1', deviceToken: 'token-cccccccccccccccccccccccc', user: { id: 'user-1', displayName: 'Ewa Lis', login: request.login, roles: ['therapist'], unitIds: ['unit-1'], organizationId: 'org-1' } });
  }
}

const DAY = '2026-11-23';
const mark = (p: string) => runtime.db.value!.entity('dayMarks').get(dayMarkId(p, DAY));

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

  it('CREATE-ONLY: the meal order’s extra lunches and note are defaults: a re-send keeps what is there', async () => {
    const db = runtime.db.value!;
    const id = mealOrderId('unit-1', DAY);
    const counts = { standard: 10, diabetic: 1, easyToDigest: 0, vegetarian: 2, glutenFree: 0, lactoseFree: 0, other: 0 };
    expect(await sendMealOrder('unit-1', DAY, counts)).toEqual({ ok: true });
    const [created] = (await db.outbox.toArray()).filter((e) => e.recordId === id);
    expect(created).toMatchObject({ patch: { extra: 0, note: '', status: 'sent' }, ifAbsent: ['unitId', 'day', 'extra', 'note'] });
    // Staff lunches added on another device reached this one.
    expect(await saveChanges([{ entity: 'mealOrders', id, patch: { extra: 3, note: 'Goście' } }])).toEqual({ ok: true });
    expect(await sendMealOrder('unit-1', DAY, { ...counts, standard: 9 })).toEqual({ ok: true });
    expect(await db.entity('mealOrders').get(id)).toMatchObject({ extra: 3, note: 'Goście', counts: { standard: 9 } });
    expect((await db.outbox.toArray()).filter((e) => e.recordId === id).at(-1)!.patch).toEqual({ counts: { ...counts, standard: 9 } });
  });
});
