/**
 * Shared helpers of the server tests: the server fixture (store + app + accounts with roles), a
 * device of the real client syncing with it, JSON requests with or without a device token, and
 * mutations stamped with chosen HLCs.
 */
import { uuidv7 } from 'uuidv7';
import { AppDB } from '../../src/client/storage/db';
import type { StoredSession } from '../../src/client/storage/meta';
import type { WriteContext } from '../../src/client/storage/write';
import { SyncEngine, type SyncEngineOptions } from '../../src/client/sync/engine';
import { HttpTransport } from '../../src/client/sync/transport';
import { formatHlc, type EntityName, type Role } from '../../src/domain';
import { PROTOCOL_VERSION, type AccessTokenResponse, type Mutation, type PullResponse, type PushResponse, type SessionInfo, type SetupRequest } from '../../src/protocol';
import { createApp, type AppDeps } from '../../src/server/app';
import { createSession } from '../../src/server/auth';
import { loadConfig } from '../../src/server/config';
import { createMemoryLogger } from '../../src/server/logger';
import type { Store } from '../../src/server/store/store';
import { openMemoryStore } from './store/memory-store';

export type TestApp = ReturnType<typeof createApp>;

/** A fake clock the tests move forward by hand. */
export function fakeClock(startMs = Date.UTC(2026, 2, 2, 9, 0, 0)): { now: () => number; advance: (ms: number) => void } {
  let t = startMs;
  return { now: () => t, advance: (ms) => { t += ms; } };
}

/** The setup code of the test apps (a server prints a random one at start; see setup-code.ts). */
export const TEST_SETUP_CODE = 'TEST-CODE-2345';

/** An app over `store` with the default configuration, no static files, an in-memory logger and TEST_SETUP_CODE. */
export function testApp(store: Store, extra: Partial<AppDeps> = {}): { app: TestApp; logger: ReturnType<typeof createMemoryLogger> } {
  const logger = createMemoryLogger();
  const app = createApp({ store, config: loadConfig({}), logger, staticDir: null, setupCode: TEST_SETUP_CODE, ...extra });
  return { app, logger };
}

/** Access tokens the helpers got for device tokens, per app (the app's key signs them). */
const accessCache = new WeakMap<TestApp, Map<string, string>>();

/** Calls that carry the device token itself; every other signed-in call carries an access token. */
const DEVICE_TOKEN_PATHS = ['/api/v1/auth/'];

async function send(app: TestApp, method: string, path: string, token: string | undefined, opts: { body?: unknown; headers?: Record<string, string> }): Promise<Response> {
  const headers: Record<string, string> = { ...opts.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  return app.request(path, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
}

/**
 * Sends a JSON request and returns status and parsed body. `token` is a device token: for sync,
 * history and admin calls the helper exchanges it for an access token first (POST /auth/token,
 * again when the cached one is refused), as the client's transport does; a refused exchange is
 * returned as the answer. `raw: true` sends `token` as it is.
 */
export async function call<T = unknown>(app: TestApp, method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: boolean } = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const read = async (res: Response) => {
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
  };
  const token = opts.token;
  if (!token || opts.raw || DEVICE_TOKEN_PATHS.some((p) => path.startsWith(p))) return read(await send(app, method, path, token, opts));
  let cache = accessCache.get(app);
  if (!cache) accessCache.set(app, (cache = new Map()));
  for (let attempt = 0; ; attempt += 1) {
    let access = cache.get(token);
    if (!access) {
      const exchanged = await send(app, 'POST', '/api/v1/auth/token', token, {});
      if (exchanged.status !== 200) return read(exchanged);
      access = ((await exchanged.json()) as AccessTokenResponse).accessToken;
      cache.set(token, access);
    }
    const res = await send(app, method, path, access, opts);
    if (res.status !== 401 || attempt > 0) return read(res);
    cache.delete(token);
  }
}

export const SETUP: SetupRequest = {
  setupCode: TEST_SETUP_CODE,
  organizationName: 'MOPS Testowo',
  city: 'Testowo',
  unitName: 'WTZ Słoneczko',
  unitKind: 'wtz',
  adminName: 'Anna Nowak',
  login: 'anna.admin',
  password: 'bardzo-tajne-haslo',
};

/** The body of a demo load (POST /api/v1/setup/demo) on a test app. */
export const DEMO = { setupCode: TEST_SETUP_CODE };

/** Runs the first-run setup through the API and returns the admin's session. */
export async function setUp(app: TestApp, req: SetupRequest = SETUP): Promise<SessionInfo> {
  const res = await call<SessionInfo>(app, 'POST', '/api/v1/setup', { body: req });
  if (res.status !== 200) throw new Error(`setup failed with ${res.status}`);
  return res.body;
}

/** An HLC stamp at wall time `ms` from `device`. */
export function hlc(ms: number, device = 'dev-a', counter = 0): string {
  return formatHlc({ wall: ms, counter, device });
}

/** A mutation of `entity`/`recordId` setting `patch` at stamp `stamp`. */
export function mutation(entity: EntityName, recordId: string, patch: Record<string, unknown>, stamp: string, deleted = false): Mutation {
  return { mutationId: uuidv7(), entity, recordId, hlc: stamp, patch, deleted };
}

/** A complete new room of `unitId` (the smallest synced entity with a unit). */
export function roomPatch(unitId: string, name = 'Pracownia stolarska'): Record<string, unknown> {
  return { unitId, name, isStudio: true, capacity: 8 };
}

export async function push(app: TestApp, session: SessionInfo, mutations: Mutation[]): Promise<{ status: number; body: PushResponse }> {
  return call<PushResponse>(app, 'POST', '/api/v1/sync/push', {
    token: session.deviceToken,
    body: { protocolVersion: PROTOCOL_VERSION, deviceId: session.deviceId, mutations },
  });
}

export async function pull(app: TestApp, session: SessionInfo, since = 0, limit?: number): Promise<PullResponse> {
  const q = `since=${since}${limit ? `&limit=${limit}` : ''}&protocolVersion=${PROTOCOL_VERSION}`;
  const res = await call<PullResponse>(app, 'GET', `/api/v1/sync/pull?${q}`, { token: session.deviceToken });
  if (res.status !== 200) throw new Error(`pull failed with ${res.status}`);
  return res.body;
}

/** Every change after `since`, following the cursor through all pages. */
export async function pullAll(app: TestApp, session: SessionInfo, since = 0, limit = 2000): Promise<PullResponse['changes']> {
  const all: PullResponse['changes'] = [];
  let cursor = since;
  for (;;) {
    const page = await pull(app, session, cursor, limit);
    all.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return all;
  }
}

/**
 * An account of `role` with a signed-in device, written straight into the store: the sign-in
 * itself is tested elsewhere, and skipping its password hashing (scrypt) keeps the suites fast.
 * `login` tells apart several accounts of one role; `nowMs` is when it signed in (default: now).
 */
export async function accountWithDevice(store: Store, admin: SessionInfo, role: string, unitIds: readonly string[], login = `${role}.test`, nowMs = Date.now()): Promise<SessionInfo> {
  const org = admin.user.organizationId;
  const user = { organizationId: org, id: `${role}-${Math.random().toString(36).slice(2, 10)}`, login, displayName: `Konto ${role}`, roles: [role], unitIds: [...unitIds] };
  return store.write(org, async (tx) => {
    // Signed in now: a sign-in older than DEVICE_IDLE_DAYS would be refused as expired (issue 14.6).
    await tx.createUser({ ...user, passwordHash: 'scrypt$2$1$1$AAAA$AAAA', createdAtMs: nowMs });
    return createSession(tx, user, 'Tablet', nowMs);
  });
}

/** What most server suites start from: a migrated store, the app over it, the first-run administrator and its unit. */
export interface ServerFixture {
  store: Store;
  app: TestApp;
  logger: ReturnType<typeof createMemoryLogger>;
  admin: SessionInfo;
  unitId: string;
  organizationId: string;
  /** A new account of `role` (in the first unit unless told otherwise) with a signed-in device. */
  account(role: Role, opts?: { unitIds?: readonly string[]; login?: string }): Promise<SessionInfo>;
  close(): Promise<void>;
}

/** The server fixture on in-memory PGlite (or on `opts.store`, migrated here). */
export async function serverFixture(opts: { store?: Store; deps?: Partial<AppDeps>; setup?: SetupRequest } = {}): Promise<ServerFixture> {
  const store = opts.store ?? await openMemoryStore();
  await store.migrate();
  const { app, logger } = testApp(store, opts.deps);
  const admin = await setUp(app, opts.setup);
  const unitId = admin.user.unitIds[0]!;
  return {
    store, app, logger, admin, unitId, organizationId: admin.user.organizationId,
    account: (role, o = {}) => accountWithDevice(store, admin, role, o.unitIds ?? [unitId], o.login),
    close: () => store.close(),
  };
}

/** The device-side record of a sign-in, as the client keeps it. */
export function storedSignIn(s: SessionInfo): StoredSession {
  return { deviceId: s.deviceId, deviceToken: s.deviceToken, userId: s.user.id, displayName: s.user.displayName, login: s.user.login, roles: s.user.roles, unitIds: s.user.unitIds, organizationId: s.user.organizationId };
}

/** A tablet of the real client (its own IndexedDB, sync engine and clock) talking HTTP to `app` in process. */
export interface TestDevice {
  db: AppDB;
  engine: SyncEngine;
  ctx: WriteContext;
  advance(ms: number): void;
  close(): void;
}

export function testDevice(app: TestApp, signIn: SessionInfo, opts: { name: string; startMs: number; tickMs?: number; engine?: Partial<SyncEngineOptions> }): TestDevice {
  let t = opts.startMs;
  const nowMs = opts.tickMs ? () => (t += opts.tickMs!) : () => t;
  const db = new AppDB(`${opts.name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`);
  const transport = new HttpTransport('http://obecni.test', (input, init) => Promise.resolve(app.request(input, init)));
  const engine = new SyncEngine({ db, transport, session: storedSignIn(signIn), nowMs, random: () => 0.5, withLock: (task) => task(), ...opts.engine });
  return {
    db, engine, ctx: { deviceId: signIn.deviceId, userId: signIn.user.id, organizationId: signIn.user.organizationId, nowMs },
    advance: (ms) => { t += ms; },
    close: () => { engine.stop(); db.close(); },
  };
}
