// FAULT-QUOTA: the tablet's storage is full in the middle of the attendance write path. The tap is
// refused as a whole (no mark without its outbox entry, no outbox entry without its mark), the
// Polish alert says the last change was not saved, every earlier tick is still there, and once
// space is freed the next tick is saved and the alert goes away.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { configureRuntime, login, startApp } from '../../../src/client/state';
import { markDay } from '../../../src/client/state/attendance';
import { runtime } from '../../../src/client/state/runtime';
import { StorageProblemBanner } from '../../../src/client/ui/shell/StorageProblemBanner';
import { dayMarkId } from '../../../src/domain';
import type { LoginRequest, SessionInfo } from '../../../src/protocol';
import { ScriptedTransport } from '../sync/scripted-transport';

class Server extends ScriptedTransport {
  override login(request: LoginRequest): Promise<SessionInfo> {
    return Promise.resolve({ deviceId: 'dev-1', deviceToken: 'token-cccccccccccccccccccccccc', user: { id: 'user-1', displayName: 'Ewa Lis', login: request.login, roles: ['therapist'], unitIds: ['unit-1'], organizationId: 'org-1' } });
  }
}

const DAY = '2026-11-23';
const db = () => runtime.db.value!;
const mark = (p: string) => db().entity('dayMarks').get(dayMarkId(p, DAY));
const outboxFor = async (p: string) => (await db().outbox.toArray()).filter((e) => e.recordId === dayMarkId(p, DAY));
const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('FAULT-QUOTA: storage full while ticking attendance', () => {
  beforeAll(async () => {
    configureRuntime({ transport: new Server(), dbName: `quota-${Date.now()}`, autoSync: false, nowMs: () => Date.UTC(2026, 10, 23, 8, 42), timeZone: 'Europe/Warsaw' });
    await startApp();
    expect((await login({ login: 'ewa', password: 'x' })).ok).toBe(true);
  });
  afterAll(() => cleanup());

  it.each([
    ['the outbox entry', 'p-4', () => vi.spyOn(db().outbox, 'bulkAdd').mockRejectedValueOnce(quotaError())],
    ['the mark itself', 'p-5', () => vi.spyOn(db().entity('dayMarks'), 'put').mockRejectedValueOnce(quotaError())],
  ])('refuses the tap whole when writing %s hits the quota, says so in Polish, and keeps every earlier tick', async (_what, person, failNextWrite) => {
    runtime.storageProblem.value = null;
    for (const p of ['p-1', 'p-2', 'p-3']) expect(await markDay('unit-1', DAY, p, { status: 'present' })).toEqual({ ok: true });
    const before = { marks: await db().entity('dayMarks').toArray(), outbox: await db().outbox.toArray() };

    const spy = failNextWrite();
    const result = await markDay('unit-1', DAY, person, { status: 'absent', absenceReason: 'illness' });
    spy.mockRestore();

    expect(result).toEqual({ ok: false, error: { code: 'quotaExceeded' } });
    expect(await mark(person)).toBeUndefined();
    expect(await outboxFor(person)).toEqual([]);
    expect(await db().entity('dayMarks').toArray()).toEqual(before.marks);
    expect(await db().outbox.toArray()).toEqual(before.outbox);

    render(<StorageProblemBanner />);
    expect(screen.getByRole('alert').textContent).toContain('Brak miejsca na tablecie. Ostatnia zmiana nie została zapisana — zwolnij miejsce i spróbuj ponownie.');

    // Space freed: the same tap again is saved, with its outbox entry, and the alert is gone.
    expect(await markDay('unit-1', DAY, person, { status: 'absent', absenceReason: 'illness' })).toEqual({ ok: true });
    expect(await mark(person)).toMatchObject({ status: 'absent', absenceReason: 'illness' });
    expect(await outboxFor(person)).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
    cleanup();
  });
});
