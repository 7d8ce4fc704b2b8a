// The real state layer under the screens, for component tests: a fresh fake-indexeddb database per
// test, a signed-in session on it with the roles and units a test asks for, records stored as if
// pulled from the server (no outbox entries), a scripted transport that answers sign-in, sync and
// the online calls and records each call, and a clock fixed on Monday 23.11.2026, 08:42 in Warsaw.
// Tests read what a screen saved back from the device database (`records`, `outbox`), never from a
// stand-in module.
import { cleanup } from '@testing-library/preact';
import type { AnyRecord, EntityMap, EntityName } from '../../../src/domain';
import type {
  AccountPatch, AccountsResponse, ExportLogResponse, ExportRecord, HistoryResponse, LoginRequest, NewAccount, PullResponse, PulledChange, PushRequest, PushResponse,
  SessionInfo, SetupRequest, SetupStatus,
} from '../../../src/protocol';
import { configureRuntime } from '../../../src/client/state';
import { rememberPassword, resetLock } from '../../../src/client/state/lock';
import { runtime } from '../../../src/client/state/runtime';
import { openDeviceDb, restoreSession } from '../../../src/client/state/session';
import { registerServiceWorker, type ServiceWorkerHandle } from '../../../src/client/state/sw-bridge';
import { stopSyncEngine, watchConnectivity } from '../../../src/client/state/sync-status';
import { clearWipeNotice } from '../../../src/client/state/wipe';
import type { AppDB, OutboxEntry } from '../../../src/client/storage/db';
import { setMeta, type StoredSession } from '../../../src/client/storage/meta';
import { applyPulledChanges } from '../../../src/client/storage/pull-apply';
import { TransportError } from '../../../src/client/sync/transport';
import { ScriptedTransport } from '../sync/scripted-transport';

/** Monday 23.11.2026, 08:42 in Warsaw (07:42 UTC). */
export const MONDAY_0842 = Date.UTC(2026, 10, 23, 7, 42);
export const PASSWORD = 'dobre-haslo-123';

/** One call the screens made through the transport (sync pushes and pulls are in `pushes`). */
export interface TransportCall { method: string; args: unknown[] }

/** The scripted server of the UI tests: sign-in, setup, accounts, history and the export log. */
export class AppTransport extends ScriptedTransport {
  readonly calls: TransportCall[] = [];
  setupAnswer: SetupStatus = { initialized: true, demoAvailable: true };
  /** Who signs in (login, setup, demo). */
  user: SessionInfo['user'] = { id: 'user-1', displayName: 'Ewa Lis', login: 'ewa.lis', roles: ['coordinator'], unitIds: ['unit-1'], organizationId: 'org-1' };
  accountsAnswer: AccountsResponse = { accounts: [], devices: [] };
  historyAnswer: HistoryResponse = { entries: [] };
  exportLogAnswer: ExportLogResponse = { exports: [] };
  /** A call of this name fails with this error (until deleted). */
  readonly failing = new Map<string, TransportError>();
  /** Changes of these kinds get no answer to a push (the server is cut off before them): they keep waiting. */
  readonly holdBack = new Set<EntityName>();

  override push(token: string, request: PushRequest): Promise<PushResponse> {
    return super.push(token, { ...request, mutations: request.mutations.filter((m) => !this.holdBack.has(m.entity)) });
  }

  /** The arguments of every call of `method`, in order. */
  callsOf(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  private session(): SessionInfo {
    return { deviceId: 'dev-1', deviceToken: 'token-aaaaaaaaaaaaaaaaaaaaaaaa', user: this.user };
  }

  override setupStatus(): Promise<SetupStatus> {
    return this.answer('setupStatus', [], () => this.setupAnswer);
  }
  override setup(request: SetupRequest): Promise<SessionInfo> {
    return this.answer('setup', [request], () => this.session());
  }
  override loadDemo(deviceName: string): Promise<SessionInfo> {
    return this.answer('loadDemo', [deviceName], () => this.session());
  }
  override login(request: LoginRequest): Promise<SessionInfo> {
    return this.answer('login', [request], () => {
      if (request.password !== PASSWORD) throw new TransportError('unauthorized', 401);
      return this.session();
    });
  }
  override logout(token: string): Promise<void> {
    return this.answer('logout', [token], () => undefined);
  }
  override accounts(token: string): Promise<AccountsResponse> {
    return this.answer('accounts', [token], () => this.accountsAnswer);
  }
  override createAccount(token: string, account: NewAccount): Promise<{ id: string }> {
    return this.answer('createAccount', [token, account], () => ({ id: 'acc-1' }));
  }
  override updateAccount(token: string, id: string, patch: AccountPatch): Promise<void> {
    return this.answer('updateAccount', [token, id, patch], () => undefined);
  }
  override revokeDevice(token: string, id: string): Promise<void> {
    return this.answer('revokeDevice', [token, id], () => undefined);
  }
  override history(token: string, entity: string, recordId: string): Promise<HistoryResponse> {
    return this.answer('history', [token, entity, recordId], () => this.historyAnswer);
  }
  override exportLog(token: string): Promise<ExportLogResponse> {
    return this.answer('exportLog', [token], () => this.exportLogAnswer);
  }
  override recordExport(token: string, record: ExportRecord): Promise<{ recorded: boolean }> {
    return this.answer('recordExport', [token, record], () => super.recordExport(token, record));
  }

  override pull(token: string, since: number, limit: number): Promise<PullResponse> {
    return this.answer('pull', [token, since, limit], () => super.pull(token, since, limit));
  }

  private gate: Promise<void> | null = null;

  /** Holds every answer (not pushes) until the returned function is called: a call seen while it runs. */
  hold(): () => void {
    let release = () => {};
    this.gate = new Promise<void>((resolve) => {
      release = () => {
        this.gate = null;
        resolve();
      };
    });
    return release;
  }

  /** Records the call, waits while held, then fails as scripted or answers. */
  private async answer<T>(method: string, args: unknown[], value: () => T | Promise<T>): Promise<T> {
    this.calls.push({ method, args });
    if (this.gate) await this.gate;
    const error = this.failing.get(method);
    if (error) throw error;
    if (this.down) throw new TransportError('network', 0);
    return value();
  }

}

/** The browser's storage manager as Settings reads it: not persisted until asked, 5 MB of 200 MB. */
export class FakeStorageManager {
  persistedNow = false;
  persistCalls = 0;
  usage = 5 * 1024 * 1024;
  quota = 200 * 1024 * 1024;
  persisted(): Promise<boolean> {
    return Promise.resolve(this.persistedNow);
  }
  persist(): Promise<boolean> {
    this.persistCalls += 1;
    this.persistedNow = true;
    return Promise.resolve(true);
  }
  estimate(): Promise<StorageEstimate> {
    return Promise.resolve({ usage: this.usage, quota: this.quota });
  }
}

/** A service worker whose new version the test announces (workbox-window's part the bridge uses). */
export class FakeServiceWorker implements ServiceWorkerHandle {
  private readonly listeners = new Map<string, (() => void)[]>();
  skipWaitingCalls = 0;
  addEventListener(type: 'waiting' | 'controlling', listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  register(): Promise<unknown> {
    return Promise.resolve(undefined);
  }
  messageSkipWaiting(): void {
    this.skipWaitingCalls += 1;
  }
  /** A new version is installed and waiting. */
  announceUpdate(): void {
    for (const listener of this.listeners.get('waiting') ?? []) listener();
  }
}

let watching = false;

/** The browser goes offline or back online (navigator.onLine and its event). */
export function setOnline(online: boolean): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

/** Records to store on the device before the screen renders, by table. */
export type Seed = { [E in EntityName]?: readonly EntityMap[E][] };

export interface FixtureOptions {
  /** Signed in (default) or a device nobody signed in on yet. */
  signedIn?: boolean;
  roles?: string[];
  unitIds?: string[];
  displayName?: string;
  records?: Seed;
  nowMs?: number;
  /** The unit chosen on the device (default: the first of the user's units). */
  currentUnitId?: string;
  /** The password kept (hashed) on the device at sign-in: it opens the lock after too many wrong PINs. */
  password?: string;
  /** What the server says of its setup (asked at start by a device without a session). */
  setup?: SetupStatus;
  transport?: AppTransport;
}

export interface AppFixture {
  db: AppDB;
  transport: AppTransport;
  storage: FakeStorageManager;
  serviceWorker: FakeServiceWorker;
  session: StoredSession | null;
  /** Stores more records as if pulled from the server (live queries re-render the screens). */
  seed(records: Seed): Promise<void>;
  /** The stored rows of a table, in id order (these three read the device's current database). */
  records<E extends EntityName>(entity: E): Promise<EntityMap[E][]>;
  /** One stored row, undefined when absent. */
  record<E extends EntityName>(entity: E, id: string): Promise<EntityMap[E] | undefined>;
  /** The changes waiting to be sent, in write order. */
  outbox(): Promise<OutboxEntry[]>;
}

/** Stops the previous test's engine and closes its database; call in afterEach. */
export function stopFixture(): void {
  cleanup();
  stopSyncEngine();
  runtime.db.value?.close();
  runtime.db.value = null;
}

/**
 * A fresh device: its own database, the transport and the clock in the runtime, the session (when
 * signed in) and the seed records stored, the session restored as at start (lock, sync engine
 * without timers). Render the screens after it resolves.
 */
export async function startFixture(options: FixtureOptions = {}): Promise<AppFixture> {
  stopFixture();
  const transport = options.transport ?? new AppTransport();
  if (options.setup) transport.setupAnswer = options.setup;
  const nowMs = options.nowMs ?? MONDAY_0842;
  const dbName = `ui-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  configureRuntime({ transport, dbName, nowMs: () => nowMs, timeZone: 'Europe/Warsaw', autoSync: false });
  globalThis.localStorage?.clear();
  const storage = new FakeStorageManager();
  Object.defineProperty(navigator, 'storage', { configurable: true, value: storage });
  const serviceWorker = new FakeServiceWorker();
  registerServiceWorker(() => serviceWorker);
  if (!watching) {
    watchConnectivity();
    watching = true;
  }
  setOnline(true);
  resetLock();
  runtime.stored = null;
  runtime.storageProblem.value = null;
  runtime.clockOffsetMs.value = null;
  clearWipeNotice();
  runtime.sync.value = { online: true, syncing: false, pending: 0, lastSyncAt: null, lastError: null };
  runtime.session.value = { data: undefined, isLoading: true, error: null };
  runtime.setup.value = { data: undefined, isLoading: true, error: null };

  const db = await openDeviceDb();
  let session: StoredSession | null = null;
  if (options.signedIn !== false) {
    transport.user = {
      ...transport.user,
      roles: options.roles ?? transport.user.roles,
      unitIds: options.unitIds ?? transport.user.unitIds,
      displayName: options.displayName ?? transport.user.displayName,
    };
    const u = transport.user;
    session = { deviceId: 'dev-1', deviceToken: 'token-aaaaaaaaaaaaaaaaaaaaaaaa', userId: u.id, displayName: u.displayName, login: u.login, roles: u.roles, unitIds: u.unitIds, organizationId: u.organizationId };
    await setMeta(db, 'session', session);
  }
  if (options.currentUnitId) await setMeta(db, 'currentUnitId', options.currentUnitId);

  const seed = async (records: Seed) => {
    const changes: PulledChange[] = [];
    for (const [entity, rows] of Object.entries(records) as [EntityName, readonly AnyRecord[]][]) {
      for (const data of rows) {
        changes.push({ seq: transport.changes.length + 1, entity, recordId: data.id, deleted: data.deleted, data: data as unknown as PulledChange['data'] });
        transport.changes.push(changes.at(-1)!);
      }
    }
    if (changes.length > 0) await applyPulledChanges(db, changes, transport.changes.length, 'dev-1', nowMs);
  };
  if (options.records) await seed(options.records);

  runtime.db.value = db;
  await restoreSession(db);
  if (options.password !== undefined) await rememberPassword(options.password);
  // The device's database now (sign-out deletes the first one and opens an empty one).
  const device = () => runtime.db.value ?? db;
  return {
    db, transport, storage, serviceWorker, session, seed,
    records: async <E extends EntityName>(entity: E) => (await device().entity(entity).orderBy('id').toArray()) as EntityMap[E][],
    record: async <E extends EntityName>(entity: E, id: string) => (await device().table(entity).get(id)) as EntityMap[E] | undefined,
    outbox: () => device().outbox.orderBy('seq').toArray(),
  };
}
