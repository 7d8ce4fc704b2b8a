/**
 * HISTORY: GET /api/v1/history lists every accepted change of a record — who, when, from which
 * device, each field before and after — including a change that lost to a later one; it refuses
 * a record outside the caller's units and callers whose devices hold partial records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, dayMarkId } from '../../../src/domain';
import type { ApiError, HistoryResponse, PulledChange, SessionInfo } from '../../../src/protocol';
import { openMemoryStore } from '../store/memory-store';
import type { Store } from '../../../src/server/store/store';
import { call, fakeClock, hlc, mutation, pullAll, push, testApp, type TestApp } from '../helpers';

describe('HISTORY: who changed what, when, from which device', () => {
  let store: Store;
  let app: TestApp;
  const clock = fakeClock();
  const s: Record<string, SessionInfo> = {};
  let person: PulledChange;
  let foreign: PulledChange;

  beforeAll(async () => {
    store = await openMemoryStore();
    await store.migrate();
    ({ app } = testApp(store, { clock: clock.now }));
    await call(app, 'POST', '/api/v1/setup/demo');
    for (const login of ['admin', 'terapeuta', 'kierowca']) {
      s[login] = (await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login, password: DEMO_PASSWORD, deviceName: `Tablet ${login}` } })).body;
    }
    const all = await pullAll(app, s.admin!);
    const units = new Set(s.terapeuta!.user.unitIds);
    person = all.find((c) => c.entity === 'participants' && units.has(String(c.data.unitId)))!;
    foreign = all.find((c) => c.entity === 'participants' && !units.has(String(c.data.unitId)))!;
  });
  afterAll(async () => { await store.close(); });

  const history = (who: SessionInfo, entity: string, recordId: string) =>
    call<HistoryResponse & ApiError>(app, 'GET', `/api/v1/history?entity=${entity}&recordId=${encodeURIComponent(recordId)}`, { token: who.deviceToken });

  it('HISTORY-MARK: two tablets tick the same person differently: both changes are listed, the later one applied', async () => {
    const id = dayMarkId(person.recordId, '2026-03-02');
    const unitId = String(person.data.unitId);
    const base = { participantId: person.recordId, unitId, day: '2026-03-02', absenceReason: null, arrivalTime: null, leaveTime: null, note: '' };
    const t = clock.now();
    // The therapist's tick reaches the server after the administrator's later one.
    expect((await push(app, s.admin!, [mutation('dayMarks', id, { ...base, status: 'absent', absenceReason: 'illness' }, hlc(t + 2000, 'dev-admin'))])).body.rejected).toEqual([]);
    expect((await push(app, s.terapeuta!, [mutation('dayMarks', id, { ...base, status: 'present' }, hlc(t + 1000, 'dev-ther'))])).body.rejected).toEqual([]);
    const res = await history(s.terapeuta!, 'dayMarks', id);
    expect(res.status).toBe(200);
    expect(res.body.entries).toHaveLength(2);
    const [first, second] = res.body.entries;
    expect(first).toMatchObject({ user: expect.any(String), device: 'Tablet admin', superseded: false });
    expect(first!.changes).toContainEqual({ field: 'status', before: null, after: 'absent' });
    expect(second).toMatchObject({ device: 'Tablet terapeuta', superseded: true, changes: [] });
  });

  it('HISTORY-SCOPE: a record of another unit is refused; a driver gets no history at all', async () => {
    expect((await history(s.terapeuta!, 'participants', foreign.recordId)).status).toBe(403);
    expect((await history(s.kierowca!, 'participants', person.recordId)).status).toBe(403);
    expect((await history(s.admin!, 'participants', foreign.recordId)).status).toBe(200);
    expect((await history(s.admin!, 'participants', 'no-such-id')).status).toBe(404);
    expect((await history(s.admin!, 'nothing', person.recordId)).status).toBe(400);
  });
});
