// The real state layer under the screens, for component tests: a fresh fake-indexeddb database per
// test, a signed-in session on it with the roles and units a test asks for, records stored as if
// pulled from the server (no outbox entries), a scripted transport that answers sign-in, sync and
// the online calls and records each call, and a clock fixed on Monday 23.11.2026, 08:42 in Warsaw.
// Tests read what a screen saved back from the device database (`records`, `outbox`), never from a
// stand-in module.
import { cleanup } from '@testing-library/preact';
import type { AnyRecord, EntityMap, EntityName } from '../../../src/domain';
import type {
  AccountPatch, AccountsResponse, ExportLogResponse, ExportRecord, HistoryResponse, LoginRequest, NewAccount, PulledChange, SessionInfo, SetupRequest, SetupStatus,
} from '../../../src/protocol';
import { configureRuntime } from '../../../src/client/state';
import { resetLock } from '../../../src/client/state/lock';
import { runtime } from '../../../src/client/state/runtime';
import { openDeviceDb, restoreSession } from '../../../src/client/state/session';
import { stopSyncEngine } from '../../../src/client/state/sync-status';
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
  /** A call of this name fails with this error (once set, until cleared). */
  readonly failing = new Map<string, TransportError>();

  private record(method: string, ...args: unknown[]): void {
    this.calls.push({ method, args });
    const error = this.failing.get(method);
    if (error) throw error;
  }

  /** The arguments of every call of `method`, in order. */
  callsOf(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  private session(): SessionInfo {
    return { deviceId: 'dev-1', deviceToken: 'token-aaaaaaaaaaaaaaaaaaaaaaaa', user: this.user };
  }

  override setupStatus(): Promise<SetupStatus> {
    return this.answer(() => this.record('setupStatus'), () => this.setupAnswer);
  }
  override setup(request: SetupRequest): Promise<SessionInfo> {
    return this.answer(() => this.record('setup', request), () => this.session());
  }
  override loadDemo(deviceName: string): Promise<SessionInfo> {
    return this.answer(() => this.record('loadDemo', deviceName), () => this.session());
  }
  override login(request: LoginRequest): Promise<SessionInfo> {
    return this.answer(() => this.record('login', request), () => {
      if (request.password !== PASSWORD) throw new TransportError('unauthorized', 401);
      return this.session();
    });
  }
  override logout(token: string): Promise<void> {
    return this.answer(() => this.record('logout', token), () => undefined);
  }
  override accounts(token: string): Promise<AccountsResponse> {
    return this.answer(() => this.record('accounts', token), () => this.accountsAnswer);
  }
  override createAccount(token: string, account: NewAccount): Promise<{ id: string }> {
    return this.answer(() => this.record('createAccount', token, account), () => ({ id: 'acc-1' }));
  }
  override updateAccount(token: string, id: string, patch: AccountPatch): Promise<void> {
    return this.answer(() => this.record('updateAccount', token, id, patch), () => undefined);
  }
  override revokeDevice(token: string, id: string): Promise<void> {
    return this.answer(() => this.record('revokeDevice', token, id), () => undefined);
  }
  override history(token: string, entity: string, recordId: string): Promise<HistoryResponse> {
    return this.answer(() => this.record('history', token, entity, recordId), () => this.historyAnswer);
  }
  override exportLog(token: string): Promise<ExportLogResponse> {
    return this.answer(() => this.record('exportLog', token), () => this.exportLogAnswer);
  }
  override recordExport(token: string, record: ExportRecord): Promise<{ recorded: boolean }> {
    try {
      this.record('recordExport', token, record);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return super.recordExport(token, record);
  }

  private answer<T>(note: () => void, value: () => T): Promise<T> {
    try {
      note();
      if (this.down) throw new TransportError('network', 0);
      return Promise.resolve(value());
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }
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
  transport?: AppTransport;
}

export interface AppFixture {
  db: AppDB;
  transport: AppTransport;
  session: StoredSession | null;
  /** Stores more records as if pulled from the server (live queries re-render the screens). */
  seed(records: Seed): Promise<void>;
  /** The stored rows of a table, in id order. */
  records<E extends EntityName>(entity: E): Promise<EntityMap[E][]>;
  /** One stored row, undefined when absent. */
  record<E extends EntityName>(entity: E, id: string): Promise<EntityMap[E] | undefined>;
  /** The changes waiting to be sent, in write order. */
  outbox(): Promise<OutboxEntry[]>;
}

let current: AppDB | null = null;

/** Stops the previous test's engine and closes its database; call in afterEach. */
export function stopFixture(): void {
  cleanup();
  stopSyncEngine();
  current?.close();
  current = null;
}

/**
 * A fresh device: its own database, the transport and the clock in the runtime, the session (when
 * signed in) and the seed records stored, the session restored as at start (lock, sync engine
 * without timers). Render the screens after it resolves.
 */
export async function startFixture(options: FixtureOptions = {}): Promise<AppFixture> {
  stopFixture();
  const transport = options.transport ?? new AppTransport();
  const nowMs = options.nowMs ?? MONDAY_0842;
  const dbName = `ui-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  configureRuntime({ transport, dbName, nowMs: () => nowMs, timeZone: 'Europe/Warsaw', autoSync: false });
  globalThis.localStorage?.clear();
  resetLock();
  runtime.stored = null;
  runtime.storageProblem.value = null;
  runtime.sync.value = { online: true, syncing: false, pending: 0, lastSyncAt: null, lastError: null };
  runtime.session.value = { data: undefined, isLoading: true, error: null };
  runtime.setup.value = { data: undefined, isLoading: true, error: null };

  const db = await openDeviceDb();
  current = db;
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
  return {
    db, transport, session, seed,
    records: async <E extends EntityName>(entity: E) => (await db.entity(entity).orderBy('id').toArray()) as EntityMap[E][],
    record: async <E extends EntityName>(entity: E, id: string) => (await db.table(entity).get(id)) as EntityMap[E] | undefined,
    outbox: () => db.outbox.orderBy('seq').toArray(),
  };
}
