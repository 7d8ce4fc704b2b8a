/**
 * SCOPE: the server filters every pull by role and unit (issue 4, privacy). On the demo centre:
 * a therapist receives only their units; a driver's device receives names, addresses, phones,
 * mobility and routes but no health data, PESEL or certificates; the kitchen receives diets and
 * allergies but no addresses or PESEL; an administrator receives everything. A participant moved
 * to another unit disappears from the devices of the first unit. A cursor ahead of the server is
 * refused with cursorExpired (the device then resyncs in full).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/domain';
import { PROTOCOL_VERSION, type ApiError, type PulledChange, type SessionInfo } from '../../src/protocol';
import { openPgliteStore } from '../../src/server/store/pglite-store';
import type { Store } from '../../src/server/store/store';
import { call, fakeClock, hlc, mutation, pullAll, push, testApp, type TestApp } from './helpers';

const HEALTH_KEYS = ['pesel', 'birthDate', 'disabilityCertificate', 'rehabPlan', 'notes', 'consents', 'contacts', 'dischargeReason'];

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

describe('SCOPE: what each role pulls', () => {
  let store: Store;
  let app: TestApp;
  const clock = fakeClock();
  const sessions: Record<string, SessionInfo> = {};
  const pulled: Record<string, PulledChange[]> = {};

  beforeAll(async () => {
    store = await openPgliteStore({ dataDir: null });
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

  it('SCOPE-ADMIN: an administrator receives every record, whole', () => {
    const people = live(pulled.admin!).filter((c) => c.entity === 'participants');
    expect(people.length).toBeGreaterThanOrEqual(70);
    expect(people.some((c) => typeof c.data.pesel === 'string')).toBe(true);
    expect(pulled.admin!.some((c) => c.partial)).toBe(false);
  });

  it('SCOPE-UNIT: a therapist receives the records of their units only', () => {
    const units = new Set(sessions.terapeuta!.user.unitIds);
    const records = live(pulled.terapeuta!).filter((c) => typeof c.data.unitId === 'string');
    expect(records.length).toBeGreaterThan(0);
    expect(records.filter((c) => !units.has(String(c.data.unitId)))).toEqual([]);
    const adminUnits = new Set(live(pulled.admin!).filter((c) => c.entity === 'participants').map((c) => c.data.unitId));
    expect(adminUnits.size).toBeGreaterThan(units.size);
  });

  it('SCOPE-DRIVER: a driver receives addresses, phones, mobility and routes, and no health data', () => {
    const changes = live(pulled.kierowca!);
    const keys = keysOf(changes);
    for (const k of [...HEALTH_KEYS, 'diet', 'allergies']) expect(keys.has(k), k).toBe(false);
    const people = changes.filter((c) => c.entity === 'participants');
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((c) => c.partial === true && 'address' in c.data && 'transport' in c.data)).toBe(true);
    expect(changes.some((c) => c.entity === 'routes')).toBe(true);
    expect(changes.some((c) => c.entity === 'routeStops')).toBe(true);
    expect(changes.filter((c) => ['dayMarks', 'sessions', 'sessionMarks', 'mealOrders'].includes(c.entity))).toEqual([]);
    const notices = changes.filter((c) => c.entity === 'absenceNotices');
    expect(notices.every((c) => !('reason' in c.data) && !('note' in c.data))).toBe(true);
  });

  it('SCOPE-KITCHEN: the kitchen receives diets and allergies, and no addresses, phones or PESEL', () => {
    const changes = live(pulled.kuchnia!);
    for (const k of HEALTH_KEYS) expect(keysOf(changes).has(k), k).toBe(false);
    const people = changes.filter((c) => c.entity === 'participants');
    // The centre's own address (units) is not personal data; people's addresses and phones are.
    for (const k of ['address', 'phone', 'transport']) expect(keysOf(people).has(k), k).toBe(false);
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((c) => 'diet' in c.data && 'allergies' in c.data)).toBe(true);
    expect(changes.filter((c) => c.entity === 'routes')).toEqual([]);
  });

  it('SCOPE-MOVE: a participant moved to another unit disappears from the first unit’s devices', async () => {
    const units = new Set(sessions.terapeuta!.user.unitIds);
    const person = live(pulled.terapeuta!).find((c) => c.entity === 'participants')!;
    const otherUnit = live(pulled.admin!).find((c) => c.entity === 'units' && !units.has(c.recordId))!.recordId;
    const cursor = Math.max(...pulled.terapeuta!.map((c) => c.seq));
    const res = await push(app, sessions.admin!, [mutation('participants', person.recordId, { unitId: otherUnit }, hlc(clock.now() + 60_000, 'dev-admin'))]);
    expect(res.body.rejected).toEqual([]);
    const after = await pullAll(app, sessions.terapeuta!, cursor);
    expect(after).toEqual([expect.objectContaining({ entity: 'participants', recordId: person.recordId, deleted: true, data: { id: person.recordId } })]);
  });

  it('SCOPE-CURSOR: a cursor ahead of the server is refused with cursorExpired', async () => {
    const res = await call<ApiError>(app, 'GET', `/api/v1/sync/pull?since=999999999&protocolVersion=${PROTOCOL_VERSION}`, { token: sessions.admin!.deviceToken });
    expect(res.status).toBe(410);
    expect(res.body.error).toBe('cursorExpired');
  });

  it('SCOPE-PAGES: filtered pages still walk the whole log, in order, without repeats', async () => {
    const small = await pullAll(app, sessions.kierowca!, 0, 7);
    const seqs = small.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(live(small).length).toBeGreaterThanOrEqual(live(pulled.kierowca!).length - 1);
  });

  it('SCOPE-WRITE: the kitchen may not push; a driver writes only marks at the stops of their units; a therapist only their units; refusals are audited', async () => {
    const kitchen = sessions.kuchnia!;
    const refused = await call<ApiError>(app, 'POST', '/api/v1/sync/push', { token: kitchen.deviceToken, body: { protocolVersion: PROTOCOL_VERSION, deviceId: kitchen.deviceId, mutations: [] } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('forbidden');

    const driver = sessions.kierowca!;
    const own = live(pulled.kierowca!).find((c) => c.entity === 'participants')!;
    const routeId = live(pulled.kierowca!).find((c) => c.entity === 'routes')!.recordId;
    const unitId = String(own.data.unitId);
    const event = { routeId, unitId, participantId: own.recordId, day: '2026-03-02', kind: 'notHome', time: '07:12' };
    const stamp = hlc(clock.now() + 100_000, 'dev-d');
    const ok = await push(app, driver, [mutation('transportEvents', `te:${routeId}:${own.recordId}:2026-03-02`, event, stamp)]);
    expect(ok.body.accepted).toHaveLength(1);
    const notAllowed = await push(app, driver, [mutation('participants', own.recordId, { notes: 'x' }, hlc(clock.now() + 110_000, 'dev-d'))]);
    expect(notAllowed.body.rejected).toEqual([expect.objectContaining({ reason: 'forbidden' })]);

    const therapist = sessions.terapeuta!;
    const foreign = live(pulled.admin!).find((c) => c.entity === 'participants' && !therapist.user.unitIds.includes(String(c.data.unitId)))!;
    const res = await push(app, therapist, [mutation('participants', foreign.recordId, { notes: 'x' }, hlc(clock.now() + 120_000, 'dev-t'))]);
    expect(res.body.rejected).toEqual([expect.objectContaining({ reason: 'forbidden' })]);
    const actions = (await store.auditLog(therapist.user.organizationId, 20)).map((a) => a.action);
    expect(actions).toContain('pushRefused');
    expect(actions).toContain('writeRefused');
    const stored = live(await pullAll(app, sessions.admin!)).find((c) => c.recordId === foreign.recordId)!;
    expect(stored.data.notes).not.toBe('x');
    // The coordinator of the unit sees the driver's mark.
    expect((await pullAll(app, sessions.koordynator!)).some((c) => c.entity === 'transportEvents' && c.data.kind === 'notHome')).toBe(true);
  });

  it('SCOPE-ERASE: only an administrator may erase a participant; a coordinator may not', async () => {
    const coordinator = sessions.koordynator!;
    const target = live(pulled.koordynator!).find((c) => c.entity === 'participants')!;
    const refused = await push(app, coordinator, [mutation('participants', target.recordId, {}, hlc(clock.now() + 300_000, 'dev-c'), true)]);
    expect(refused.body.rejected).toEqual([expect.objectContaining({ reason: 'forbidden' })]);
    const allowed = await push(app, sessions.admin!, [mutation('participants', target.recordId, {}, hlc(clock.now() + 400_000, 'dev-a'), true)]);
    expect(allowed.body.accepted).toHaveLength(1);
  });
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
