/**
 * The persistence contract of the server. Routes and sync rules talk only to this interface;
 * one SQL implementation runs it on embedded PGlite or on PostgreSQL. Everything is scoped by
 * organization id (the tenant), and every write of synced data happens inside `write`, which
 * serialises the writers of one organization so that pull cursors never skip a change.
 */
import type { EntityName, StampedRecord } from '../../domain';
import type { PullResponse } from '../../protocol';
import type { SqlClient } from './sql-client';

export type DatabaseKind = 'pglite' | 'postgres';

export interface UserRow {
  organizationId: string;
  id: string;
  login: string;
  displayName: string;
  passwordHash: string;
  roles: string[];
  unitIds: string[];
  failedLogins: number;
  lockedUntilMs: number | null;
  disabled: boolean;
  createdAtMs: number;
  /** Grows each time the account's roles or units change (devices then resync in full). */
  scopeEpoch: number;
}

export type NewUser = Omit<UserRow, 'failedLogins' | 'lockedUntilMs' | 'disabled' | 'scopeEpoch'>;

export interface NewDevice { organizationId: string; id: string; userId: string; name: string; tokenHash: string; createdAtMs: number }

/** A device as the administrator sees it (never its token). */
export interface DeviceRow { id: string; userId: string; name: string; createdAtMs: number; lastSeenAtMs: number | null; revokedAtMs: number | null }

/** A signed-in device and its user, found by the hash of its bearer token. */
export interface SessionRow {
  deviceId: string;
  deviceName: string;
  lastSeenAtMs: number | null;
  /** The user's scope epoch at the device's last full pull (-1: none yet). */
  deviceScopeEpoch: number;
  user: UserRow;
}

/**
 * Which records a pull returns: the SQL half of the privacy filter (sync/scope.ts builds it).
 * A record belongs to units as `recordUnits` in sync/access.ts says: organizations to none
 * (organization-wide), a unit to itself, a staff member to their `unitIds`, the rest to `unitId`.
 */
export interface PullFilter {
  /** The entities the caller receives at all. */
  entities: readonly EntityName[];
  /** The caller's units; null: every record of those entities (administrators). */
  units: readonly string[] | null;
  /**
   * Also return changed records outside `units` that were ever in one of them (some change of the
   * record, accepted or superseded, named one of the units), as revocations `{ id }` with
   * deleted and revoked true: a participant moved to another unit disappears from the devices of
   * the first. Records never in the caller's units are not sent at all, not even their ids.
   */
  revocations: boolean;
}

/** A pulled change as stored: the record's JSON text (null for a revocation), not parsed. */
export interface RawChange {
  seq: number; entity: EntityName; recordId: string; json: string | null; deleted: boolean;
  /** The record's `unitId` field (null when it has none), for the route's second scope check. */
  unitId: string | null;
}

/** A page of raw changes, with the cursor to continue from. */
export interface RawPullPage { changes: RawChange[]; cursor: number; hasMore: boolean }

/** The merged current state of one synced record, with its sequence number. */
export interface StoredRecord extends StampedRecord {
  seq: number;
}

export type RecordWrite = Omit<StoredRecord, 'seq'>;

/** One row of the append-only history. */
export interface MutationRow {
  mutationId: string;
  /** The record's sequence after this change (unchanged when the change lost on every field). */
  seq: number | null;
  entity: EntityName;
  recordId: string;
  userId: string;
  deviceId: string;
  hlc: string;
  patch: Record<string, unknown>;
  /** The values the applied fields had before. */
  oldValues: Record<string, unknown>;
  appliedFields: string[];
  /** The applied fields that were create-only defaults (`ifAbsent`), not values the user set; absent: none. */
  defaultFields?: string[];
  receivedAtMs: number;
}

/** A record loaded in bulk (the demo centre): every field stamped with the record's HLC. */
export interface ImportRecord { entity: EntityName; id: string; data: Record<string, unknown>; hlc: string; deleted: boolean }

export interface AuditEntry {
  atMs: number;
  userId: string | null;
  deviceId: string | null;
  /** What happened: 'setup', 'login', 'loginFailed', 'demoLoad', 'recordChange', 'logout'. */
  action: string;
  entity?: string | null;
  recordId?: string | null;
  /** Codes, counts and field names only: never values. */
  details?: Record<string, unknown>;
}

export interface AuditRow extends Required<AuditEntry> { id: number }

/** The operations available inside one transaction. */
export interface StoreTx {
  createOrganization(org: { id: string; name: string; createdAtMs: number }): Promise<void>;
  createUser(user: NewUser): Promise<void>;
  createDevice(device: NewDevice): Promise<void>;
  getRecord(organizationId: string, entity: EntityName, id: string): Promise<StoredRecord | null>;
  hasMutation(organizationId: string, mutationId: string): Promise<boolean>;
  /** Inserts or replaces the record's state with a new sequence number; returns that number. */
  saveRecord(organizationId: string, record: RecordWrite): Promise<number>;
  appendMutation(organizationId: string, row: MutationRow): Promise<void>;
  /** Inserts many new records and their history rows in a few statements; returns how many. */
  importRecords(organizationId: string, records: ImportRecord[], by: { userId: string; deviceId: string; receivedAtMs: number }): Promise<number>;
  audit(organizationId: string, entry: AuditEntry): Promise<void>;
  /** Runs `fn` so that its writes are all kept or, when it throws, all undone. */
  savepoint<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
}

export interface Store {
  readonly kind: DatabaseKind;
  /** Applies pending migrations; returns the names of all applied ones. */
  migrate(): Promise<string[]>;
  appliedMigrations(): Promise<string[]>;
  close(): Promise<void>;

  /** True once any organization exists. */
  isInitialized(): Promise<boolean>;
  /** Runs `fn` in one transaction only while no organization exists (serialised); null when one does. */
  initialize<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T | null>;
  /** Like `initialize`, over the raw SQL client: the restore of a backup writes whole tables. */
  initializeRaw<T>(fn: (sql: SqlClient) => Promise<T>): Promise<T | null>;
  /** Runs `fn` in one read-only transaction that sees one consistent snapshot (the backup). */
  snapshot<T>(fn: (sql: SqlClient) => Promise<T>): Promise<T>;
  /** Runs `fn` in one transaction holding the organization's write lock. */
  write<T>(organizationId: string, fn: (tx: StoreTx) => Promise<T>): Promise<T>;

  findUserByLogin(login: string): Promise<UserRow | null>;
  /** Counts a failed login; at `maxAttempts` locks the account until now + lockMs and resets the count. */
  registerLoginFailure(organizationId: string, userId: string, opts: { nowMs: number; maxAttempts: number; lockMs: number }): Promise<{ locked: boolean }>;
  clearLoginFailures(organizationId: string, userId: string): Promise<void>;
  /** The live (not revoked, user not disabled) device with this token hash. */
  findSession(tokenHash: string): Promise<(SessionRow & { organizationId: string }) | null>;
  /** The live (not revoked, user not disabled) device `deviceId` of the organization (for access tokens). */
  findSessionByDevice(organizationId: string, deviceId: string): Promise<(SessionRow & { organizationId: string }) | null>;
  touchDevice(organizationId: string, deviceId: string, nowMs: number): Promise<void>;
  revokeDevice(organizationId: string, deviceId: string, nowMs: number): Promise<void>;
  /** Records that the device has pulled in full under the user's scope epoch `epoch`. */
  setDeviceScopeEpoch(organizationId: string, deviceId: string, epoch: number): Promise<void>;
  /** The organization's accounts, by login. */
  listUsers(organizationId: string): Promise<UserRow[]>;
  /** Changes an account: roles, units, display name, disabled, or a new password hash. A change of roles or units raises its scope epoch. */
  updateUser(organizationId: string, userId: string, patch: Partial<Pick<UserRow, 'roles' | 'unitIds' | 'displayName' | 'disabled' | 'passwordHash'>>): Promise<boolean>;
  /** The organization's devices, newest first. */
  listDevices(organizationId: string): Promise<DeviceRow[]>;

  /**
   * Records changed after `since` that `filter` lets through (all when absent), in sequence
   * order, at most `limit` of them. The cursor moves past the rows the filter leaves out: when
   * fewer than `limit` match, it is the organization's last sequence and hasMore is false.
   */
  pull(organizationId: string, since: number, limit: number, filter?: PullFilter): Promise<PullResponse>;
  /** `pull` with each record's JSON text as stored (the sync route's fast path). */
  pullRaw(organizationId: string, since: number, limit: number, filter?: PullFilter): Promise<RawPullPage>;
  /** The highest change sequence of the organization (0 when it has none). */
  maxSeq(organizationId: string): Promise<number>;
  /** The smallest valid non-zero pull cursor (set by a restore; 0 when the data was never restored). */
  cursorFloor(organizationId: string): Promise<number>;
  /** Display names of the organization's users and names of its devices, by id (for the history screen). */
  directory(organizationId: string): Promise<{ users: Map<string, string>; devices: Map<string, string> }>;
  /** The current stored record (null when there is none). */
  getRecord(organizationId: string, entity: EntityName, id: string): Promise<{ data: Record<string, unknown>; deleted: boolean } | null>;
  /** The history rows of one record, oldest first. */
  history(organizationId: string, entity: EntityName, recordId: string): Promise<MutationRow[]>;
  /** The newest audit entries first, optionally only one action (and one record id). */
  auditLog(organizationId: string, limit?: number, filter?: { action: string; recordId?: string }): Promise<AuditRow[]>;
}
