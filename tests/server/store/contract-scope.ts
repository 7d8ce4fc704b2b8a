/**
 * Contract, part 4 (issue 4, privacy): the server filters every pull by role and unit, on every
 * Store. On the demo centre: an administrator receives everything; a therapist only the
 * organization, their units and their units' records (records of other units not even as ids);
 * a driver's device names, addresses, phones, contacts' phones, mobility and routes but no health
 * data, PESEL or certificates; the kitchen diets and allergies but no addresses or PESEL. What the
 * SQL filter returns equals the TypeScript rule (`scopeRecord`) applied to everything. A
 * participant moved to another unit disappears from the first unit's devices. A cursor the server
 * cannot continue from (ahead of it, from before a change of the account's units, or from a
 * device that never pulled in full) is refused with cursorExpired. Refused writes are audited
 * and logged without personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/domain';
import { PROTOCOL_VERSION, type ApiError, type PulledChange, type SessionInfo } from '../../../src/protocol';
import { loadConfig } from '../../../src/server/config';
import { createMemoryLogger } from '../../../src/server/logger';
import type { Store } from '../../../src/server/store/store';
import { scopeFor, scopeRecord } from '../../../src/server/sync/scope';
import type { OpenStore } from './contract-first-run';
import { call, fakeClock, hlc, mutation, pull, pullAll, push, testApp, type TestApp } from '../helpers';

const LOGINS = ['admin', 'koordynator', 'terapeuta', 'kierowca', 'kuchnia'] as const;
type Login = (typeof LOGINS)[number];

/** Keys no driver or kitchen device may hold in any record about people (health, identity, notes, reasons). */
const NEVER_PARTIAL = [
  'pesel', 'birthDate', 'disabilityCertificate', 'rehabPlan', 'notes', 'consents', 'dischargeReason', 'studioId',
  'isLegalGuardian', 'reason', 'note', 'reportedBy', 'absenceReason', 'arrivalTime', 'leaveTime', 'audience',
];

/**
 * Every key anywhere in the pulled data, except in the organization, the units (the centres' own
 * data: address, closed days with their reason) and meal orders (addressed to the kitchen).
 */
function keysOf(changes: readonly PulledChange[]): Set<string> {
  const keys = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { keys.add(k); walk(x); }
  };
  changes.filter((c) => !['organizations', 'units', 'mealOrders'].includes(c.entity)).forEach((c) => walk(c.data));
  return keys;
}

/** The last change of each record, without tombstones: what a device holds after applying them. */
const live = (changes: readonly PulledChange[]) => {
  const last = new Map<string, PulledChange>();
  for (const c of changes) last.set(`${c.entity}:${c.recordId}`, c);
  return [...last.values()].filter((c) => !c.deleted);
};

export function scopeContract(open: OpenStore): void {
  describe('SCOPE: what each role pulls', () => {
    let store: Store;
    let app: TestApp;
    const logger = createMemoryLogger();
    const clock = fakeClock();
    const s = {} as Record<Login, SessionInfo>;
    const pulled = {} as Record<Login, PulledChange[]>;
    const stamp = (offsetMs: number, device = 'dev-test') => hlc(clock.now() + offsetMs, device);
    /** The cursor of a device that has pulled everything. */
    const cursorOf = async (who: SessionInfo) => {
      let page = await pull(app, who, 0, 2000);
      while (page.hasMore) page = await pull(app, who, page.cursor, 2000);
      return page.cursor;
    };
    const pullStatus = async (who: SessionInfo, since: number) =>
      call<ApiError>(app, 'GET', `/api/v1/sync/pull?since=${since}&protocolVersion=${PROTOCOL_VERSION}`, { token: who.deviceToken });
    const login = async (name: Login, deviceName: string) => {
      const res = await call<SessionInfo>(app, 'POST', '/api/v1/auth/login', { body: { login: name, password: DEMO_PASSWORD, deviceName } });
      expect(res.status).toBe(200);
      return res.body;
    };

    beforeAll(async () => {
      store = await open();
      // Stamps below are up to minutes ahead of the fake clock (to beat the demo's, made at its
      // now): a tolerance of an hour keeps them within the clock rule (CLOCK-AHEAD).
      ({ app } = testApp(store, { clock: clock.now, logger, config: loadConfig({ CLOCK_AHEAD_TOLERANCE_SECONDS: '3600' }) }));
      expect((await call(app, 'POST', '/api/v1/setup/demo')).status).toBe(200);
      for (const name of LOGINS) {
        s[name] = await login(name, name);
        pulled[name] = await pullAll(app, s[name], 0, 500);
      }
    });
    afterAll(async () => { await store.close(); });

    it('SCOPE-ADMIN: an administrator receives every record of the organization, whole', async () => {
      const org = s.admin.user.organizationId;
      const everything = await store.sync.pull(org, 0, 100_000);
      expect(pulled.admin).toEqual(everything.changes);
      expect(live(pulled.admin).filter((c) => c.entity === 'participants').length).toBeGreaterThanOrEqual(70);
      expect(pulled.admin.some((c) => c.partial || c.revoked)).toBe(false);
    });

    it('SCOPE-SQL: for every role the rows chosen in SQL equal the TypeScript rule applied to everything', () => {
      for (const name of LOGINS) {
        const scope = scopeFor(s[name].user);
        const expected = pulled.admin.flatMap((c) => {
          const seen = scopeRecord(scope, c.entity, c.data);
          if (!seen) return [];
          return [seen.partial ? { ...c, data: seen.data, partial: true } : c];
        });
        expect(pulled[name], name).toEqual(expected);
      }
      expect(pulled.terapeuta.length).toBeLessThan(pulled.koordynator.length);
    });

    it('SCOPE-UNIT: a therapist of one unit pulls nothing of the other units, not even their ids', async () => {
      const units = new Set(s.terapeuta.user.unitIds);
      const foreignIds = new Set(pulled.admin.filter((c) => {
        if (c.entity === 'organizations') return false;
        if (c.entity === 'units') return !units.has(c.recordId);
        if (c.entity === 'staff') return !(c.data.unitIds as string[]).some((u) => units.has(u));
        return !units.has(String(c.data.unitId));
      }).map((c) => c.recordId));
      expect(foreignIds.size).toBeGreaterThan(100);
      expect(pulled.terapeuta.filter((c) => foreignIds.has(c.recordId))).toEqual([]);
      expect(pulled.terapeuta.filter((c) => c.entity === 'units').map((c) => c.recordId)).toEqual([...units]);
      expect(pulled.terapeuta.filter((c) => c.entity === 'organizations')).toHaveLength(1);
      expect(pulled.terapeuta.some((c) => c.partial || c.revoked)).toBe(false);
      const foreign = live(pulled.admin).find((c) => c.entity === 'participants' && !units.has(String(c.data.unitId)))!;
      const history = await call(app, 'GET', `/api/v1/history?entity=participants&recordId=${foreign.recordId}`, { token: s.terapeuta.deviceToken });
      expect(history.status).toBe(403);
    });

    it('SCOPE-DRIVER: a driver receives names, addresses, phones, contacts’ phones, mobility and routes, and no health data anywhere', () => {
      const changes = pulled.kierowca;
      const keys = keysOf(changes);
      for (const k of [...NEVER_PARTIAL, 'diet', 'allergies']) expect(keys.has(k), k).toBe(false);
      const people = changes.filter((c) => c.entity === 'participants');
      expect(people.length).toBeGreaterThan(0);
      expect(people.every((c) => c.partial === true && 'address' in c.data && 'phone' in c.data && 'firstName' in c.data)).toBe(true);
      expect(people.every((c) => typeof (c.data.transport as { mobilityAid?: unknown }).mobilityAid === 'string')).toBe(true);
      const contacts = people.flatMap((c) => c.data.contacts as Record<string, unknown>[]);
      expect(contacts.length).toBeGreaterThan(0);
      expect(contacts.every((c) => typeof c.phone === 'string' && Object.keys(c).sort().join() === 'name,phone,relation')).toBe(true);
      const entities = new Set(changes.map((c) => c.entity));
      for (const e of ['routes', 'routeStops', 'absenceNotices', 'dayMarks', 'units'] as const) expect(entities.has(e), e).toBe(true);
      for (const e of ['rooms', 'sessions', 'sessionMarks', 'mealOrders'] as const) expect(entities.has(e), e).toBe(false);
      const own = new Set(s.kierowca.user.unitIds);
      expect(changes.filter((c) => typeof c.data.unitId === 'string' && !own.has(String(c.data.unitId)))).toEqual([]);
    });

    it('SCOPE-KITCHEN: the kitchen receives diets and allergies, and no PESEL, addresses, phones or health data', () => {
      const changes = pulled.kuchnia;
      for (const k of NEVER_PARTIAL) expect(keysOf(changes).has(k), k).toBe(false);
      const people = changes.filter((c) => c.entity === 'participants');
      expect(people.length).toBeGreaterThan(0);
      // The centre's own address (units) is not personal data; people's addresses and phones are.
      for (const k of ['address', 'phone', 'transport', 'contacts']) expect(keysOf(people).has(k), k).toBe(false);
      expect(people.every((c) => c.partial === true && 'diet' in c.data && 'allergies' in c.data)).toBe(true);
      const entities = new Set(changes.map((c) => c.entity));
      for (const e of ['mealOrders', 'dayMarks', 'absenceNotices'] as const) expect(entities.has(e), e).toBe(true);
      for (const e of ['routes', 'routeStops', 'staff', 'rooms', 'transportEvents'] as const) expect(entities.has(e), e).toBe(false);
    });

    it('SCOPE-PAGES: filtered pages are full while hasMore is true and walk the whole log in order', async () => {
      const pages: PulledChange[][] = [];
      let cursor = 0;
      for (;;) {
        const page = await pull(app, s.kierowca, cursor, 7);
        pages.push(page.changes);
        if (page.hasMore) expect(page.changes).toHaveLength(7);
        expect(page.cursor).toBeGreaterThanOrEqual(cursor);
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      expect(pages.flat()).toEqual(pulled.kierowca);
      expect(cursor).toBe(await store.sync.maxSeq(s.admin.user.organizationId));
      expect(await pull(app, s.kierowca, cursor, 7)).toEqual({ changes: [], cursor, hasMore: false, serverTimeMs: expect.any(Number) });
    });

    it('SCOPE-CURSOR: a cursor ahead of the server (a restored database) is refused with 410 cursorExpired', async () => {
      const max = await store.sync.maxSeq(s.admin.user.organizationId);
      const res = await pullStatus(s.admin, max + 1);
      expect(res.status).toBe(410);
      expect(res.body.error).toBe('cursorExpired');
      expect((await pullStatus(s.admin, max)).status).toBe(200);
    });

    it('SCOPE-NEW-DEVICE: a device that never pulled in full may not continue from a cursor', async () => {
      const cursor = await cursorOf(s.terapeuta);
      const fresh = await login('terapeuta', 'nowy tablet');
      expect((await pullStatus(fresh, cursor)).status).toBe(410);
      expect((await pullStatus(fresh, 0)).status).toBe(200);
      expect((await pullStatus(fresh, cursor)).status).toBe(200);
    });

    it('SCOPE-MOVE: a participant moved to another unit is revoked on the first unit’s devices, and comes back when moved back', async () => {
      const units = new Set(s.terapeuta.user.unitIds);
      const person = live(pulled.terapeuta).find((c) => c.entity === 'participants')!;
      const kids = live(pulled.admin).find((c) => c.entity === 'units' && !s.kuchnia.user.unitIds.includes(c.recordId))!.recordId;
      const cursors = { terapeuta: await cursorOf(s.terapeuta), kierowca: await cursorOf(s.kierowca), kuchnia: await cursorOf(s.kuchnia), koordynator: await cursorOf(s.koordynator) };
      const moved = await push(app, s.admin, [mutation('participants', person.recordId, { unitId: kids }, stamp(60_000, 'dev-admin'))]);
      expect(moved.body.rejected).toEqual([]);
      const revocation = { entity: 'participants', recordId: person.recordId, deleted: true, revoked: true, data: { id: person.recordId } };
      for (const name of ['terapeuta', 'kierowca', 'kuchnia'] as const) {
        expect(await pullAll(app, s[name], cursors[name]), name).toEqual([expect.objectContaining(revocation)]);
      }
      const coordinator = await pullAll(app, s.koordynator, cursors.koordynator);
      expect(coordinator).toEqual([expect.objectContaining({ recordId: person.recordId, deleted: false, data: expect.objectContaining({ unitId: kids, pesel: person.data.pesel }) })]);

      // A record that was never in the therapist's units changes: nothing reaches the therapist.
      const after = await cursorOf(s.terapeuta);
      const stranger = live(pulled.admin).find((c) => c.entity === 'participants' && c.data.unitId === kids)!;
      expect((await push(app, s.admin, [mutation('participants', stranger.recordId, { notes: 'Nowa notatka' }, stamp(61_000, 'dev-admin'))])).body.rejected).toEqual([]);
      expect(await pullAll(app, s.terapeuta, after)).toEqual([]);

      const back = await push(app, s.admin, [mutation('participants', person.recordId, { unitId: [...units][0] }, stamp(62_000, 'dev-admin'))]);
      expect(back.body.rejected).toEqual([]);
      const returned = await pullAll(app, s.terapeuta, after);
      expect(returned).toEqual([expect.objectContaining({ recordId: person.recordId, deleted: false, data: expect.objectContaining({ firstName: person.data.firstName, pesel: person.data.pesel }) })]);
      expect(returned[0]!.revoked).toBeUndefined();
    });

    it('SCOPE-WRITE: the kitchen may not push; a driver writes only marks at the stops; a therapist only their units; refusals are audited and logged without personal data', async () => {
      const refused = await call<ApiError>(app, 'POST', '/api/v1/sync/push', { token: s.kuchnia.deviceToken, body: { protocolVersion: PROTOCOL_VERSION, deviceId: s.kuchnia.deviceId, mutations: [] } });
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe('forbidden');

      const own = live(pulled.kierowca).find((c) => c.entity === 'participants')!;
      const routeId = live(pulled.kierowca).find((c) => c.entity === 'routes')!.recordId;
      const event = { routeId, unitId: String(own.data.unitId), participantId: own.recordId, day: '2026-03-02', kind: 'notHome', time: '07:12' };
      const ok = await push(app, s.kierowca, [mutation('transportEvents', `te:${routeId}:${own.recordId}:2026-03-02`, event, stamp(100_000, 'dev-d'))]);
      expect(ok.body.accepted).toHaveLength(1);
      const secret = 'TAJNA-NOTATKA-KIEROWCY';
      const notAllowed = await push(app, s.kierowca, [mutation('participants', own.recordId, { notes: secret }, stamp(110_000, 'dev-d'))]);
      expect(notAllowed.body.rejected).toEqual([expect.objectContaining({ reason: 'forbidden' })]);

      const units = s.terapeuta.user.unitIds;
      const foreign = live(pulled.admin).find((c) => c.entity === 'participants' && !units.includes(String(c.data.unitId)))!;
      const res = await push(app, s.terapeuta, [mutation('participants', foreign.recordId, { notes: secret, lastName: 'Podrobiony' }, stamp(120_000, 'dev-t'))]);
      expect(res.body.rejected).toEqual([expect.objectContaining({ reason: 'forbidden' })]);

      const audit = await store.audit.list(s.admin.user.organizationId, 20);
      expect(audit.map((a) => a.action)).toContain('pushRefused');
      expect(audit.filter((a) => a.action === 'writeRefused').map((a) => a.recordId)).toEqual(expect.arrayContaining([own.recordId, foreign.recordId]));
      expect(JSON.stringify(audit)).not.toContain(secret);
      const refusals = logger.lines.filter((l) => l.includes('"writeRefused"'));
      expect(refusals.length).toBeGreaterThanOrEqual(2);
      const log = logger.lines.join('\n');
      for (const value of [secret, 'Podrobiony', String(foreign.data.lastName), String(own.data.lastName), own.recordId, foreign.recordId]) expect(log).not.toContain(value);

      const stored = await store.sync.getRecord(s.admin.user.organizationId, 'participants', foreign.recordId);
      expect(stored!.data.notes).not.toBe(secret);
      // The coordinator of the unit sees the driver's mark.
      expect((await pullAll(app, s.koordynator)).some((c) => c.entity === 'transportEvents' && c.data.kind === 'notHome')).toBe(true);
    });

    it('SCOPE-ERASE: only an administrator may erase a participant; a coordinator may not', async () => {
      const target = live(pulled.koordynator).find((c) => c.entity === 'participants')!;
      const refused = await push(app, s.koordynator, [mutation('participants', target.recordId, {}, stamp(300_000, 'dev-c'), true)]);
      expect(refused.body.rejected).toEqual([expect.objectContaining({ reason: 'forbidden' })]);
      const allowed = await push(app, s.admin, [mutation('participants', target.recordId, {}, stamp(400_000, 'dev-a'), true)]);
      expect(allowed.body.accepted).toHaveLength(1);
    });

    it('SCOPE-EPOCH: when an administrator changes a user’s units, the user’s devices resync in full and hold only the new units', async () => {
      const therapist = s.terapeuta;
      const cursor = await cursorOf(therapist);
      const patch = (body: Record<string, unknown>) => call(app, 'PATCH', `/api/v1/admin/accounts/${therapist.user.id}`, { token: s.admin.deviceToken, body });
      // Changes that keep the scope leave the cursor valid.
      expect((await patch({ displayName: 'Terapeutka' })).status).toBe(204);
      expect((await patch({ unitIds: therapist.user.unitIds })).status).toBe(204);
      expect((await pullStatus(therapist, cursor)).status).toBe(200);

      const senior = s.kuchnia.user.unitIds.find((u) => !therapist.user.unitIds.includes(u))!;
      expect((await patch({ unitIds: [senior] })).status).toBe(204);
      const expired = await pullStatus(therapist, cursor);
      expect(expired.status).toBe(410);
      expect(expired.body.error).toBe('cursorExpired');

      const full = await pullAll(app, therapist, 0, 500);
      const unitRecords = full.filter((c) => typeof c.data.unitId === 'string');
      expect(unitRecords.length).toBeGreaterThan(0);
      expect(unitRecords.filter((c) => c.data.unitId !== senior)).toEqual([]);
      expect(full.filter((c) => c.entity === 'units').map((c) => c.recordId)).toEqual([senior]);
      expect((await pullStatus(therapist, await cursorOf(therapist))).status).toBe(200);
      expect((await pullStatus(therapist, cursor)).status).toBe(200);
    });
  });
}
