// Taps with the attendance day held in memory (the fast path), against writes this tab has not
// heard of yet: the tap must still merge with what is on disk, and undo must still work.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { configureRuntime, login, startApp } from '../../../../src/client/state';
import { clearDayMark, markDay, markSession, undoLastChange } from '../../../../src/client/state/attendance';
import { keepDayInMemory } from '../../../../src/client/state/attendance/marks';
import { runtime } from '../../../../src/client/state/runtime';
import type { MetaRow } from '../../../../src/client/storage/db';
import { readFromMemory } from '../../../../src/client/storage/fast-write';
import { dayMarkId, sessionId, sessionMarkId } from '../../../../src/domain';
import type { LoginRequest, SessionInfo } from '../../../../src/protocol';
import { ScriptedTransport } from '../../sync/scripted-transport';

class Server extends ScriptedTransport {
  override login(request: LoginRequest): Promise<SessionInfo> {
    return Promise.resolve({ deviceId: 'dev-1', deviceToken: 'token-cccccccccccccccccccccccc', user: { id: 'user-1', displayName: 'Ewa Lis', login: request.login, roles: ['therapist'], unitIds: ['unit-1'], organizationId: 'org-1' } });
  }
}

const DAY = '2026-11-23';
const db = () => runtime.db.value!;
const mark = (p: string) => db().entity('dayMarks').get(dayMarkId(p, DAY));

/** Waits until the day is in memory (the screen asks for it when it shows the day). */
async function dayInMemory(): Promise<void> {
  keepDayInMemory('unit-1', DAY);
  await vi.waitFor(() => expect(readFromMemory(db(), 'dayMarks', dayMarkId('x', DAY), 'x')).toBeDefined());
}

/** Another tab's write of a mark, committed but not yet heard of here (no Dexie event). */
async function otherTabWrites(row: Record<string, unknown>): Promise<void> {
  const tx = db().backendDB().transaction(['dayMarks', 'meta'], 'readwrite');
  const meta = await new Promise<MetaRow>((resolve) => {
    const r = tx.objectStore('meta').get('hlc');
    r.onsuccess = () => resolve(r.result as MetaRow);
  });
  const hlc = `${Number((meta.value as string).slice(0, 13)) + 1}-0000-dev-2`;
  tx.objectStore('dayMarks').put({ ...row, hlc });
  tx.objectStore('meta').put({ key: 'hlc', value: hlc });
  await new Promise<void>((resolve) => { tx.oncomplete = () => resolve(); });
}

describe('attendance taps with the day in memory', () => {
  beforeAll(async () => {
    configureRuntime({ transport: new Server(), dbName: `attendance-fast-${Date.now()}`, autoSync: false, nowMs: () => Date.UTC(2026, 10, 23, 8, 42), timeZone: 'Europe/Warsaw' });
    await startApp();
    expect((await login({ login: 'ewa', password: 'x' })).ok).toBe(true);
    expect(await markDay('unit-1', DAY, 'p-0', { status: 'present' })).toEqual({ ok: true });
  });

  it('a tap is stored with its outbox entry before it resolves, and undo takes it back', async () => {
    await dayInMemory();
    expect(await markDay('unit-1', DAY, 'p-1', { status: 'present', arrivalTime: '08:05' })).toEqual({ ok: true });
    expect(await mark('p-1')).toMatchObject({ status: 'present', arrivalTime: '08:05' });
    expect((await db().outbox.orderBy('seq').last())).toMatchObject({ recordId: dayMarkId('p-1', DAY), patch: { status: 'present', arrivalTime: '08:05' } });
    expect(await markDay('unit-1', DAY, 'p-1', { status: 'absent', absenceReason: 'illness' })).toEqual({ ok: true });
    expect(await undoLastChange()).toEqual({ ok: true });
    expect(await mark('p-1')).toMatchObject({ status: 'present', arrivalTime: '08:05', absenceReason: null });
  });

  it('a tap after another tab changed the same person keeps what the other tab wrote', async () => {
    await dayInMemory();
    const stored = await mark('p-0');
    await otherTabWrites({ ...stored, status: 'absent', absenceReason: 'hospital', note: 'szpital od rana' });
    expect(await markDay('unit-1', DAY, 'p-0', { status: 'present', arrivalTime: '11:30' })).toEqual({ ok: true });
    expect(await mark('p-0')).toMatchObject({ status: 'present', arrivalTime: '11:30', note: 'szpital od rana' });
    // Undo goes back to what was on disk before the tap: the other tab's mark.
    expect(await undoLastChange()).toEqual({ ok: true });
    expect(await mark('p-0')).toMatchObject({ status: 'absent', absenceReason: 'hospital' });
  });

  it('clearing and session ticks take the same path', async () => {
    await dayInMemory();
    await markDay('unit-1', DAY, 'p-3', { status: 'present' });
    expect(await clearDayMark(DAY, 'p-3')).toEqual({ ok: true });
    expect((await mark('p-3'))?.deleted).toBe(true);
    expect(await markSession('unit-1', DAY, 'act-1', 'p-3', true)).toEqual({ ok: true });
    expect(await db().entity('sessionMarks').get(sessionMarkId(sessionId('act-1', DAY), 'p-3'))).toMatchObject({ present: true, deleted: false });
    expect(await undoLastChange()).toEqual({ ok: true });
    expect((await db().entity('sessionMarks').get(sessionMarkId(sessionId('act-1', DAY), 'p-3')))?.deleted).toBe(true);
  });
});
