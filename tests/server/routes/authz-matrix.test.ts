/**
 * AUTHZ-MATRIX (issue 4): every HTTP endpoint of the app × every caller (the five roles, no token,
 * a revoked device token, an expired access token) × the record's place (the caller's own unit, another unit of the same
 * organization, another organization), each cell with the one answer allowed: status and reason
 * code; for pull, which records and which fields come back; for push, which writes are accepted
 * and which are refused with `forbidden`. The table is checked against the routes the Hono app
 * really has, so an endpoint added without a row fails this test.
 *
 * The fixture: organization A is the demo centre (units WTZ = "own", Senior+ = "other"); each
 * role has an account of its own in the WTZ only; organization B has an administrator and one
 * room. Runs on PGlite in memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { DEMO_PASSWORD, type EntityName } from '../../../src/domain';
import { PROTOCOL_VERSION, type AccountsResponse, type ApiError, type HistoryResponse, type PulledChange, type PushResponse, type SessionInfo } from '../../../src/protocol';
import { openMemoryStore } from '../store/memory-store';
import type { Store } from '../../../src/server/store/store';
import { addUser } from '../store/contract-first-run';
import { call, fakeClock, hlc, mutation, pullAll, push, roomPatch, testApp, type TestApp } from '../helpers';

const ROLES = ['administrator', 'coordinator', 'therapist', 'driver', 'kitchen'] as const;
type Role = (typeof ROLES)[number];
/** `expired`: a therapist's access token past its lifetime (sent as it is, never renewed). */
const CALLERS = [...ROLES, 'none', 'revoked', 'expired'] as const;
type Caller = (typeof CALLERS)[number];
type Place = 'own' | 'otherUnit' | 'otherOrg';
const PLACES: readonly Place[] = ['own', 'otherUnit', 'otherOrg'];

/** What one request answered. */
interface Answer { status: number; body: unknown }
/** What a cell expects: the status, the reason code of a refusal, and a check of a success's body. */
interface Expect { status: number; error?: string; check?: (body: never, ctx: Fixture) => void }

const ok = (status = 200, check?: Expect['check']): Expect => ({ status, ...(check ? { check } : {}) });
const refused = (error: string, status: number): Expect => ({ status, error });
const UNAUTHORIZED = refused('unauthorized', 401);
const FORBIDDEN = refused('forbidden', 403);
const NOT_FOUND = refused('notFound', 404);
const EXPIRED = refused('tokenExpired', 401);
/** A revoked device is told so (it wipes its data, issue 14.5), not merely asked to sign in again. */
const REVOKED = refused('deviceRevoked', 401);

/** Fields each partial role receives, per entity (docs/protocol.md, "What each role receives"); null: whole; absent: nothing. */
const META = ['id', 'organizationId', 'hlc', 'changedBy', 'deleted'];
const PERSON = [...META, 'unitId', 'firstName', 'lastName', 'status', 'attendanceWeekdays', 'admissionDate', 'dischargeDate'];
const NOTICE = [...META, 'participantId', 'unitId', 'fromDay', 'toDay'];
const MARK = [...META, 'participantId', 'unitId', 'day', 'status'];
const PLAN = [...META, 'unitId', 'title', 'category', 'roomId', 'staffIds', 'capacity', 'startTime', 'endTime', 'kind', 'weekdays', 'validFrom', 'validTo', 'day', 'place', 'needsBus'];
const RECEIVES: Record<'driver' | 'kitchen', Partial<Record<EntityName, readonly string[] | null>>> = {
  driver: {
    organizations: null, units: null, staff: [...META, 'firstName', 'lastName', 'role', 'unitIds', 'phone', 'active'],
    participants: [...PERSON, 'phone', 'address', 'transport', 'contacts'], absenceNotices: NOTICE, dayMarks: MARK, activities: PLAN,
    routes: null, routeStops: null, transportEvents: null,
  },
  kitchen: { organizations: null, units: null, participants: [...PERSON, 'diet', 'allergies'], absenceNotices: NOTICE, dayMarks: MARK, activities: PLAN, mealOrders: null },
};

interface Fixture {
  app: TestApp;
  store: Store;
  orgA: string;
  own: string;
  otherUnit: string;
  orgB: string;
  s: Record<Role | 'revoked', SessionInfo>;
  adminB: SessionInfo;
  /** A unit of the other organization. */
  unitB: string;
  /** Everything of organization A, read from the store without any filter. */
  all: PulledChange[];
  /** A participant of each place, for the history endpoint. */
  person: Record<Place, string>;
  /** An account and a device of each place for the administrator's endpoints. */
  account: Record<Exclude<Place, 'otherUnit'>, string>;
  /** An access token whose lifetime is over. */
  expiredToken: string;
}

const ctx = {} as Fixture;
const clock = fakeClock();
let n = 0;

function tokenOf(caller: Caller): string | undefined {
  if (caller === 'none') return undefined;
  if (caller === 'expired') return ctx.expiredToken;
  return ctx.s[caller].deviceToken;
}

/** Endpoints that ignore credentials: the token is sent as it is, and changes nothing. */
const PUBLIC = ['/api/v1/health', '/api/v1/setup'];

/** A request as `caller`: device tokens are exchanged for access tokens where needed (helpers.call); the expired token goes as it is. */
async function req(caller: Caller, method: string, path: string, body?: unknown): Promise<Answer> {
  const token = tokenOf(caller);
  const isPublic = PUBLIC.some((p) => path.startsWith(p));
  const res = await call(ctx.app, method, path, { ...(token ? { token } : {}), ...(body !== undefined ? { body } : {}), raw: caller === 'expired' || isPublic });
  return { status: res.status, body: res.body };
}

/** The answer to a caller without a valid credential on a call that needs an access token. */
const withoutAccess = (caller: Caller): Expect => (caller === 'expired' ? EXPIRED : caller === 'revoked' ? REVOKED : UNAUTHORIZED);

/** The unit a record belongs to (the rule of sync/access.ts, restated here from the protocol document). */
function inOwnUnit(c: PulledChange): boolean {
  if (c.entity === 'organizations') return true;
  if (c.entity === 'units') return c.recordId === ctx.own;
  if (c.entity === 'staff') return (c.data.unitIds as string[]).includes(ctx.own);
  return c.data.unitId === ctx.own;
}

/** Checks a full pull of `role`: exactly the records and fields the protocol document lists. */
function checkPull(role: Role, changes: PulledChange[]): void {
  expect(changes.some((c) => c.data.organizationId !== undefined && c.data.organizationId !== ctx.orgA)).toBe(false);
  if (role === 'administrator') {
    expect(changes).toEqual(ctx.all);
    return;
  }
  if (role === 'coordinator' || role === 'therapist') {
    expect(changes).toEqual(ctx.all.filter(inOwnUnit));
    return;
  }
  const receives = RECEIVES[role];
  const expected = ctx.all.filter((c) => inOwnUnit(c) && receives[c.entity] !== undefined);
  expect(changes.map((c) => `${c.entity}:${c.recordId}`)).toEqual(expected.map((c) => `${c.entity}:${c.recordId}`));
  for (const [i, c] of changes.entries()) {
    const fields = receives[c.entity];
    const full = expected[i]!.data;
    const wanted = fields === null || fields === undefined ? Object.keys(full) : Object.keys(full).filter((k) => fields.includes(k));
    expect(Object.keys(c.data).sort(), `${role} ${c.entity}`).toEqual(wanted.sort());
    for (const k of wanted) if (k !== 'contacts') expect(c.data[k]).toEqual(full[k]);
    if (c.entity === 'participants' && Array.isArray(c.data.contacts)) {
      for (const contact of c.data.contacts as Record<string, unknown>[]) expect(Object.keys(contact).sort()).toEqual(['name', 'phone', 'relation']);
    }
  }
}

/** Push: a room, a driver's mark at a stop and a day mark (attendance) in the given place; which were accepted. */
async function pushIn(caller: Caller, place: Place): Promise<Answer> {
  const unit = place === 'own' ? ctx.own : place === 'otherUnit' ? ctx.otherUnit : 'unit-of-b';
  const org = place === 'otherOrg' ? { organizationId: ctx.orgB } : {};
  n += 1;
  const room = mutation('rooms', uuidv7(), { ...roomPatch(unit), ...org }, hlc(clock.now() + n));
  const day = '2026-03-03';
  const routeId = uuidv7();
  const participantId = uuidv7();
  const mark = mutation('transportEvents', `te:${routeId}:${participantId}:${day}`, { routeId, participantId, unitId: unit, day, kind: 'pickedUp', time: '07:40', ...org }, hlc(clock.now() + n));
  const tick = mutation('dayMarks', `dm:${participantId}:${day}`, { participantId, unitId: unit, day, status: 'present', absenceReason: null, arrivalTime: null, leaveTime: null, note: '', ...org }, hlc(clock.now() + n));
  const token = tokenOf(caller);
  const deviceId = caller === 'none' || caller === 'expired' ? uuidv7() : ctx.s[caller].deviceId;
  const res = await call<PushResponse | ApiError>(ctx.app, 'POST', '/api/v1/sync/push', {
    ...(token ? { token } : {}), body: { protocolVersion: PROTOCOL_VERSION, deviceId, mutations: [room, mark, tick] }, raw: caller === 'expired',
  });
  if (res.status !== 200) return { status: res.status, body: res.body };
  const body = res.body as PushResponse;
  const verdict = (id: string) => (body.accepted.includes(id) ? 'accepted' : body.rejected.find((r) => r.mutationId === id)?.reason ?? 'missing');
  return { status: 200, body: { room: verdict(room.mutationId), mark: verdict(mark.mutationId), tick: verdict(tick.mutationId) } };
}

const writes = (room: string, mark: string, tick: string): Expect => ok(200, (body: { room: string; mark: string; tick: string }) => expect(body).toEqual({ room, mark, tick }));
const NONE_WRITTEN = writes('forbidden', 'forbidden', 'forbidden');

/** One row per endpoint: how to call it for a caller and a place, and the answer of every cell. */
interface Row {
  /** Whether the answer depends on the place of the record (else one call per caller). */
  places: boolean;
  run: (caller: Caller, place: Place) => Promise<Answer>;
  expect: (caller: Caller, place: Place) => Expect;
}

const roleIs = (caller: Caller, ...roles: Caller[]) => roles.includes(caller);
const signedIn = (caller: Caller): caller is Role => (ROLES as readonly string[]).includes(caller);

const MATRIX: Record<string, Row> = {
  'GET /api/v1/health': { places: false, run: (c) => req(c, 'GET', '/api/v1/health'), expect: () => ok() },
  'GET /api/v1/setup/status': {
    places: false, run: (c) => req(c, 'GET', '/api/v1/setup/status'),
    expect: () => ok(200, (body: { initialized: boolean }) => expect(body.initialized).toBe(true)),
  },
  'POST /api/v1/setup': {
    places: false,
    run: (c) => req(c, 'POST', '/api/v1/setup', { organizationName: 'Przejęcie', city: 'X', unitName: 'Y', unitKind: 'wtz', adminName: 'Ktoś Obcy', login: `obcy${(n += 1)}`, password: 'haslo-obcego-1' }),
    expect: () => refused('alreadyInitialized', 409),
  },
  'POST /api/v1/setup/demo': { places: false, run: (c) => req(c, 'POST', '/api/v1/setup/demo', {}), expect: () => refused('alreadyInitialized', 409) },
  'POST /api/v1/auth/login': {
    places: false, // A login of its own per caller: the sign-in slow-down (login-throttle.ts) is tested on its own.
    run: (c) => req(c, 'POST', '/api/v1/auth/login', { login: `nikt-taki-${c}`, password: 'zle-haslo-123', deviceName: 'x' }),
    expect: () => UNAUTHORIZED,
  },
  'GET /api/v1/auth/session': {
    places: false, run: (c) => req(c, 'GET', '/api/v1/auth/session'),
    expect: (c) => (signedIn(c) ? ok(200, (body: SessionInfo) => expect(body.user.id).toBe(ctx.s[c as Role].user.id)) : c === 'revoked' ? REVOKED : UNAUTHORIZED),
  },
  'POST /api/v1/auth/token': {
    // Only the device token buys an access token; an access token (even an expired one) does not.
    places: false, run: (c) => req(c, 'POST', '/api/v1/auth/token'),
    expect: (c) => (signedIn(c) ? ok(200, (body: { accessToken: string; expiresInSeconds: number }) => expect(body.expiresInSeconds).toBe(900)) : c === 'revoked' ? REVOKED : UNAUTHORIZED),
  },
  'POST /api/v1/auth/logout': {
    // Signs out a device of its own (signing out the fixture's device would end the other rows).
    places: false,
    run: async (c) => {
      if (!signedIn(c)) return req(c, 'POST', '/api/v1/auth/logout');
      const extra = await call<SessionInfo>(ctx.app, 'POST', '/api/v1/auth/login', { body: { login: ctx.s[c].user.login, password: DEMO_PASSWORD, deviceName: 'logout' } });
      const out = await call(ctx.app, 'POST', '/api/v1/auth/logout', { token: extra.body.deviceToken });
      const after = await call(ctx.app, 'GET', '/api/v1/auth/session', { token: extra.body.deviceToken });
      return { status: out.status, body: { after: after.status } };
    },
    expect: (c) => (signedIn(c) ? ok(204, (body: { after: number }) => expect(body.after).toBe(401)) : c === 'revoked' ? REVOKED : UNAUTHORIZED),
  },
  'POST /api/v1/sync/push': {
    places: true, run: pushIn,
    expect: (c, place) => {
      if (!signedIn(c)) return withoutAccess(c);
      if (c === 'kitchen') return FORBIDDEN;
      if (place === 'otherOrg') return NONE_WRITTEN;
      if (c === 'administrator') return writes('accepted', 'accepted', 'accepted');
      if (place === 'otherUnit') return NONE_WRITTEN;
      // The role × entity policy (domain/rules/permissions.ts): rooms are the coordinator's, the
      // stops the driver's (and the coordinator's), attendance the therapist's and the coordinator's.
      if (c === 'driver') return writes('forbidden', 'accepted', 'forbidden');
      return c === 'therapist' ? writes('forbidden', 'forbidden', 'accepted') : writes('accepted', 'accepted', 'accepted');
    },
  },
  'GET /api/v1/sync/pull': {
    places: false,
    run: async (c) => {
      // What the organization holds now, straight from the store (earlier rows wrote records).
      ctx.all = (await ctx.store.sync.pull(ctx.orgA, 0, 1_000_000)).changes;
      const token = tokenOf(c);
      const first = await call<ApiError>(ctx.app, 'GET', `/api/v1/sync/pull?since=0&protocolVersion=${PROTOCOL_VERSION}`, { ...(token ? { token } : {}), raw: c === 'expired' });
      if (first.status !== 200) return { status: first.status, body: first.body };
      return { status: 200, body: await pullAll(ctx.app, ctx.s[c as Role], 0, 500) };
    },
    expect: (c) => (signedIn(c) ? ok(200, (body: PulledChange[]) => checkPull(c as Role, body)) : withoutAccess(c)),
  },
  'GET /api/v1/history': {
    places: true,
    run: (c, place) => req(c, 'GET', `/api/v1/history?entity=participants&recordId=${ctx.person[place]}`),
    expect: (c, place) => {
      if (!signedIn(c)) return withoutAccess(c);
      // Another organization's record does not exist for the caller.
      if (place === 'otherOrg') return NOT_FOUND;
      // Drivers and the kitchen see people only partially: no history for them.
      if (roleIs(c, 'driver', 'kitchen')) return FORBIDDEN;
      if (place === 'otherUnit' && c !== 'administrator') return FORBIDDEN;
      return ok(200, (body: HistoryResponse) => expect(body.entries.length).toBeGreaterThan(0));
    },
  },
  'GET /api/v1/admin/accounts': {
    places: false, run: (c) => req(c, 'GET', '/api/v1/admin/accounts'),
    expect: (c) => {
      if (!signedIn(c)) return withoutAccess(c);
      if (c !== 'administrator') return FORBIDDEN;
      return ok(200, (body: AccountsResponse) => {
        expect(body.accounts.map((a) => a.id)).toContain(ctx.account.own);
        expect(body.accounts.map((a) => a.id)).not.toContain(ctx.account.otherOrg);
        expect(body.devices.map((d) => d.id)).not.toContain(ctx.adminB.deviceId);
      });
    },
  },
  'POST /api/v1/admin/accounts': {
    places: false,
    run: (c) => req(c, 'POST', '/api/v1/admin/accounts', { login: `nowe.konto.${(n += 1)}`, displayName: 'Nowe Konto', password: 'haslo-nowego-1', roles: ['therapist'], unitIds: [ctx.own] }),
    expect: (c) => (!signedIn(c) ? withoutAccess(c) : c === 'administrator' ? ok(201) : FORBIDDEN),
  },
  'PATCH /api/v1/admin/accounts/:id': {
    places: true,
    run: (c, place) => req(c, 'PATCH', `/api/v1/admin/accounts/${place === 'otherOrg' ? ctx.account.otherOrg : ctx.account.own}`, { displayName: `Zmiana ${(n += 1)}` }),
    expect: (c, place) => (!signedIn(c) ? withoutAccess(c) : c !== 'administrator' ? FORBIDDEN : place === 'otherOrg' ? NOT_FOUND : ok(204)),
  },
  'POST /api/v1/account/password': {
    // Everyone signed in may change their own password; a wrong current password changes nothing.
    places: false,
    run: (c) => req(c, 'POST', '/api/v1/account/password', { currentPassword: 'nie-to-haslo', newPassword: 'Nowe-haslo-zielony-dol-7' }),
    expect: (c) => (signedIn(c) ? refused('invalidRequest', 400) : withoutAccess(c)),
  },
  'POST /api/v1/account/totp/start': {
    // The second factor is the administrators': anyone else is refused before the password is checked.
    places: false,
    run: (c) => req(c, 'POST', '/api/v1/account/totp/start', { currentPassword: 'nie-to-haslo' }),
    expect: (c) => (!signedIn(c) ? withoutAccess(c) : c === 'administrator' ? refused('invalidRequest', 400) : FORBIDDEN),
  },
  'POST /api/v1/account/totp/confirm': {
    places: false,
    run: (c) => req(c, 'POST', '/api/v1/account/totp/confirm', { code: '123456' }),
    expect: (c) => (!signedIn(c) ? withoutAccess(c) : c === 'administrator' ? refused('conflict', 409) : FORBIDDEN),
  },
  'POST /api/v1/account/totp/disable': {
    places: false,
    run: (c) => req(c, 'POST', '/api/v1/account/totp/disable', { currentPassword: 'nie-to-haslo', code: '123456' }),
    expect: (c) => (!signedIn(c) ? withoutAccess(c) : c === 'administrator' ? refused('invalidRequest', 400) : FORBIDDEN),
  },
  'POST /api/v1/exports': {
    // Recording an export of a unit's report: the roles that read the unit whole, in their units.
    places: true,
    run: (c, place) => req(c, 'POST', '/api/v1/exports', {
      exportId: uuidv7(), unitId: place === 'own' ? ctx.own : place === 'otherUnit' ? ctx.otherUnit : ctx.unitB,
      report: 'monthlySheet', format: 'csv', from: '2026-03-01', to: '2026-03-31', rows: 12, atMs: clock.now(),
    }),
    expect: (c, place) => {
      if (!signedIn(c)) return withoutAccess(c);
      if (roleIs(c, 'driver', 'kitchen')) return FORBIDDEN;
      if (c === 'administrator') return place === 'otherOrg' ? NOT_FOUND : ok(201);
      return place === 'own' ? ok(201) : FORBIDDEN;
    },
  },
  'GET /api/v1/admin/exports': {
    places: false, run: (c) => req(c, 'GET', '/api/v1/admin/exports'),
    expect: (c) => {
      if (!signedIn(c)) return withoutAccess(c);
      if (c !== 'administrator') return FORBIDDEN;
      return ok(200, (body: { exports: { unitId: string }[] }) => expect(body.exports.every((e) => e.unitId !== ctx.unitB)).toBe(true));
    },
  },
  'GET /api/v1/admin/participants/:id/access': {
    // Right of access (GDPR art. 15): administrators of the person's organization only.
    places: true,
    run: (c, place) => req(c, 'GET', `/api/v1/admin/participants/${ctx.person[place]}/access?format=json`),
    expect: (c, place) => {
      if (!signedIn(c)) return withoutAccess(c);
      if (c !== 'administrator') return FORBIDDEN;
      if (place === 'otherOrg') return NOT_FOUND;
      return ok(200, (body: { person: { id: string } }) => expect(body.person.id).toBe(ctx.person[place]));
    },
  },
  'POST /api/v1/admin/devices/:id/revoke': {
    places: true,
    run: async (c, place) => {
      // Others are refused before the device matters: only the administrator's cells sign a device in to revoke.
      let device = place === 'otherOrg' ? ctx.adminB.deviceId : ctx.s.therapist.deviceId;
      if (place !== 'otherOrg' && c === 'administrator') {
        const extra = await call<SessionInfo>(ctx.app, 'POST', '/api/v1/auth/login', { body: { login: 'm.terapeuta', password: DEMO_PASSWORD, deviceName: 'do odwołania' } });
        device = extra.body.deviceId;
      }
      return req(c, 'POST', `/api/v1/admin/devices/${device}/revoke`);
    },
    expect: (c, place) => (!signedIn(c) ? withoutAccess(c) : c !== 'administrator' ? FORBIDDEN : place === 'otherOrg' ? NOT_FOUND : ok(204)),
  },
};

beforeAll(async () => {
  ctx.store = await openMemoryStore();
  await ctx.store.migrate();
  ({ app: ctx.app } = testApp(ctx.store, { clock: clock.now }));
  const demo = await call<SessionInfo>(ctx.app, 'POST', '/api/v1/setup/demo', { body: {} });
  expect(demo.status).toBe(200);
  ctx.orgA = demo.body.user.organizationId;
  const all = await pullAll(ctx.app, demo.body, 0, 2000);
  const units = all.filter((c) => c.entity === 'units');
  ctx.own = units.find((u) => u.data.kind === 'wtz')!.recordId;
  ctx.otherUnit = units.find((u) => u.data.kind === 'activeSeniorHome')!.recordId;

  const s = {} as Fixture['s'];
  for (const role of [...ROLES, 'revoked'] as const) {
    const login = `m.${role}`;
    await addUser(ctx.store, ctx.orgA, { id: uuidv7(), login, password: DEMO_PASSWORD, roles: [role === 'revoked' ? 'therapist' : role], unitIds: role === 'administrator' ? [] : [ctx.own] });
    s[role] = (await call<SessionInfo>(ctx.app, 'POST', '/api/v1/auth/login', { body: { login, password: DEMO_PASSWORD, deviceName: login } })).body;
  }
  await addUser(ctx.store, ctx.orgA, { id: uuidv7(), login: 'm.terapeuta', password: DEMO_PASSWORD, roles: ['therapist'], unitIds: [ctx.own] });
  expect((await call(ctx.app, 'POST', `/api/v1/admin/devices/${s.revoked.deviceId}/revoke`, { token: demo.body.deviceToken })).status).toBe(204);
  ctx.s = s;
  ctx.expiredToken = (await call<{ accessToken: string }>(ctx.app, 'POST', '/api/v1/auth/token', { token: s.therapist.deviceToken })).body.accessToken;
  clock.advance(15 * 60_000);

  ctx.orgB = uuidv7();
  await ctx.store.write(ctx.orgB, (tx) => tx.createOrganization({ id: ctx.orgB, name: 'Inny MOPS', createdAtMs: clock.now() }));
  ctx.unitB = uuidv7();
  const adminBId = uuidv7();
  await addUser(ctx.store, ctx.orgB, { id: adminBId, login: 'b.admin', password: DEMO_PASSWORD, roles: ['administrator'], unitIds: [] });
  ctx.adminB = (await call<SessionInfo>(ctx.app, 'POST', '/api/v1/auth/login', { body: { login: 'b.admin', password: DEMO_PASSWORD, deviceName: 'b' } })).body;
  const people = all.filter((c) => c.entity === 'participants' && !c.deleted);
  const personOwn = people.find((c) => c.data.unitId === ctx.own)!;
  const personB = uuidv7();
  const pushedB = await push(ctx.app, ctx.adminB, [mutation('participants', personB, { ...personOwn.data, id: personB, organizationId: ctx.orgB, unitId: 'unit-of-b' }, hlc(clock.now()))]);
  expect(pushedB.body.accepted).toHaveLength(1);
  ctx.person = { own: personOwn.recordId, otherUnit: people.find((c) => c.data.unitId === ctx.otherUnit)!.recordId, otherOrg: personB };
  ctx.account = { own: s.therapist.user.id, otherOrg: adminBId };
});

afterAll(async () => {
  await ctx.store?.close();
});

/** "METHOD /path" of every endpoint the app routes (middleware and the API's catch-all left out). */
function appEndpoints(app: TestApp): string[] {
  const keys = app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path.replace(/\/$/, '') || '/'}`);
  return [...new Set(keys)].sort();
}

describe('AUTHZ-MATRIX: every endpoint × every caller × own unit / other unit / other organization', () => {
  it('AUTHZ-ROUTES: every endpoint of the app has a row in the matrix, and every row an endpoint', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(appEndpoints(ctx.app));
  });

  for (const [endpoint, row] of Object.entries(MATRIX)) {
    it(`AUTHZ ${endpoint}`, async () => {
      const mismatches: string[] = [];
      for (const caller of CALLERS) {
        for (const place of row.places ? PLACES : (['own'] as const)) {
          const want = row.expect(caller, place);
          const got = await row.run(caller, place);
          const cell = `${caller}${row.places ? ` / ${place}` : ''}`;
          const error = (got.body as Partial<ApiError> | null)?.error;
          if (got.status !== want.status || (want.error !== undefined && error !== want.error)) {
            mismatches.push(`${cell}: expected ${want.status} ${want.error ?? ''}, got ${got.status} ${error ?? ''}`);
            continue;
          }
          try {
            want.check?.(got.body as never, ctx);
          } catch (e) {
            mismatches.push(`${cell}: ${(e as Error).message.split('\n')[0]}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('AUTHZ-AUDIT: every refused write is logged (entity only) and audited (ids only)', async () => {
    const before = (await ctx.store.audit.list(ctx.orgA, 1000)).length;
    const res = await pushIn('therapist', 'otherUnit');
    expect(res.body).toEqual({ room: 'forbidden', mark: 'forbidden', tick: 'forbidden' });
    const audit = await ctx.store.audit.list(ctx.orgA, 1000);
    const refusals = audit.slice(0, audit.length - before).filter((a) => a.action === 'writeRefused');
    expect(refusals.map((a) => a.entity).sort()).toEqual(['dayMarks', 'rooms', 'transportEvents']);
    const kitchen = await pushIn('kitchen', 'own');
    expect(kitchen.status).toBe(403);
    expect((await ctx.store.audit.list(ctx.orgA, 1))[0]!.action).toBe('pushRefused');
    const admin = await req('therapist', 'POST', '/api/v1/admin/accounts', { login: 'proba.konta', displayName: 'Próba Konta', password: 'haslo-proby-12', roles: ['administrator'], unitIds: [] });
    expect(admin.status).toBe(403);
    const last = (await ctx.store.audit.list(ctx.orgA, 1))[0]!;
    expect(last).toMatchObject({ action: 'adminRefused', userId: ctx.s.therapist.user.id });
    expect(JSON.stringify(last)).not.toContain('proba.konta');
  });
});
