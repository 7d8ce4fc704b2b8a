/**
 * SCOPE-NOTICE-TIME (issue 6): an absence notice records the time it came in (optional
 * `reportedAt`, for the meal cut-off); older clients that do not send it keep working, and neither
 * the driver nor the kitchen receives that time or the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/domain';
import { type PulledChange, type SessionInfo } from '../../../src/protocol';
import { openMemoryStore } from '../store/memory-store';
import type { Store } from '../../../src/server/store/store';
import { call, fakeClock, hlc, mutation, pullAll, push, testApp, type TestApp } from '../helpers';

/** Every key anywhere in the pulled data. */
function keysOf(changes: readonly PulledChange[]): Set<string> {
  const keys = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { keys.add(k); walk(x); }
  };
  changes.forEach((c) => walk(c.data));
  return keys;
}

const live = (changes: readonly PulledChange[]) => {
  const last = new Map<string, PulledChange>();
  for (const c of changes) last.set(`${c.entity}:${c.recordId}`, c);
  return [...last.values()].filter((c) => !c.deleted);
};

describe('SCOPE-NOTICE-TIME: absence notices from new and older clients', () => {
  let store: Store;
  let app: TestApp;
  const clock = fakeClock();
  const sessions: Record<string, SessionInfo> = {};
  const pulled: Record<string, PulledChange[]> = {};

  beforeAll(async () => {
    store = await openMemoryStore();
    await store.migrate();
    ({ app } = testApp(store, { clock: clock.now }));
    expect((await call(app, 'POST', '/api/v1/setup/demo')).status).toBe(200);
    for (const login of ['admin', 'koordynator', 'terapeuta', 'kierowca', 'kuchnia']) {
      const res = await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login, password: DEMO_PASSWORD, deviceName: login } });
      expect(res.status).toBe(200);
      sessions[login] = res.body;
      pulled[login] = await pullAll(app, res.body, 0, 500);
    }
  });
  afterAll(async () => { await store.close(); });

  it('SCOPE-NOTICE-TIME (issue 6): a notice with or without the time it came in is accepted; neither the driver nor the kitchen receives that time or the reason', async () => {
    const coordinator = sessions.koordynator!;
    const shared = (u: unknown) => ['kierowca', 'kuchnia'].every((l) => sessions[l]!.user.unitIds.includes(String(u)));
    const person = live(pulled.koordynator!).find((c) => c.entity === 'participants' && c.data.status === 'active' && shared(c.data.unitId))!;
    expect(person).toBeDefined();
    const unitId = String(person.data.unitId);
    const base = { participantId: person.recordId, unitId, fromDay: '2026-12-01', toDay: '2026-12-02', reason: 'illness', note: '', reportedBy: 'córka', reportedOn: '2026-11-30' };
    const cursors = { kierowca: Math.max(...pulled.kierowca!.map((c) => c.seq)), kuchnia: Math.max(...pulled.kuchnia!.map((c) => c.seq)) };
    const res = await push(app, coordinator, [
      mutation('absenceNotices', 'notice-with-time', { ...base, reportedAt: '08:55' }, hlc(clock.now() + 120_000, 'dev-koord')),
      mutation('absenceNotices', 'notice-older-client', base, hlc(clock.now() + 120_001, 'dev-koord')),
    ]);
    expect(res.body.rejected).toEqual([]);
    expect(res.body.accepted).toHaveLength(2);
    const mine = (await pullAll(app, coordinator, 0, 2000)).filter((c) => c.recordId === 'notice-with-time');
    expect(mine.at(-1)?.data.reportedAt).toBe('08:55');
    for (const login of ['kierowca', 'kuchnia'] as const) {
      const notices = (await pullAll(app, sessions[login]!, cursors[login])).filter((c) => c.entity === 'absenceNotices');
      expect(notices.length, login).toBe(2);
      for (const k of ['reportedAt', 'reportedOn', 'reason', 'note', 'reportedBy']) expect(keysOf(notices).has(k), `${login}: ${k}`).toBe(false);
    }
  });
});
