/**
 * The device's database: one Dexie class, one instance per signed-in device. Synced tables hold
 * the entity rows by their client-made string ids (never `++id`); the local-only tables hold the
 * outbox of changes waiting for the server and a small key-value store (session, cursor, clock).
 * Indexes are only those a query uses. A schema change is a new `version(n + 1)` with an upgrade;
 * version 1 below is never edited once shipped.
 *
 * Invariant: every transaction that writes a synced table also moves `meta.hlc` forward (the
 * write path, pull-apply and the full-resync reset all do). The fast path of a tap
 * (fast-write.ts) relies on it: an unchanged `meta.hlc` means nothing it read from memory moved.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { EntityMap, EntityName } from '../../domain';

/** The IndexedDB database name. */
export const DB_NAME = 'obecni';

/** One change waiting to be pushed: the fields it set, stamped with the device's clock. */
export interface OutboxEntry {
  /** Local order of the writes (auto-increment: this table never leaves the device). */
  seq?: number;
  mutationId: string;
  entity: EntityName;
  recordId: string;
  hlc: string;
  patch: Record<string, unknown>;
  deleted: boolean;
  createdAtMs: number;
  /**
   * Fields of `patch` that are only defaults for creating the record (the mutation's `ifAbsent`):
   * the server applies them only where it has never set the field. Absent in entries written
   * before create-only fields, and when there are none.
   */
  ifAbsent?: string[];
  /**
   * On a delete that undoes defaults (the mutation's `onlyDefaults`): the values this device set
   * and still saw. The server deletes only a record holding nothing but defaults; a pull overlays
   * the delete only on a server version still holding these values. Absent on other entries.
   */
  onlyDefaults?: Record<string, unknown>;
}

/** A change the server refused for good (invalid or forbidden): kept so the user can be told. */
export interface RejectedEntry extends OutboxEntry {
  reason: string;
  rejectedAtMs: number;
}

/** A key-value row of device state (local-only). */
export interface MetaRow { key: string; value: unknown }

type SyncedTables = { [E in EntityName]: EntityTable<EntityMap[E], 'id'> };

/**
 * Index definitions of the synced tables (the current version). Every index costs a write per
 * stored row, and the marks are most of what an initial sync stores (about 220,000 rows for a
 * large WTZ's year), so the marks keep only the index the screens read by: unit and day.
 */
export const SYNCED_SCHEMA: Record<EntityName, string> = {
  organizations: 'id',
  units: 'id',
  rooms: 'id, unitId',
  staff: 'id, *unitIds',
  participants: 'id, unitId',
  activities: 'id, unitId',
  sessions: 'id, [unitId+day]',
  dayMarks: 'id, [unitId+day]',
  sessionMarks: 'id, [unitId+day]',
  absenceNotices: 'id, unitId, participantId',
  routes: 'id, unitId',
  routeStops: 'id, routeId, unitId',
  mealOrders: 'id, [unitId+day]',
  transportEvents: 'id, [unitId+day]',
};

/** The app's database. Use {@link openAppDb}, which maps open failures to storage errors. */
export class AppDB extends Dexie {
  /** Local-only: changes not yet acknowledged by the server, in write order. */
  outbox!: Table<OutboxEntry, number>;
  /** Local-only: changes the server refused, for the sync status and support. */
  rejected!: Table<RejectedEntry, number>;
  /** Local-only: session, sync cursor, HLC, chosen unit. */
  meta!: Table<MetaRow, string>;

  constructor(name: string = DB_NAME) {
    super(name);
    const { transportEvents: _addedInV2, ...current } = SYNCED_SCHEMA;
    this.version(1).stores({
      ...current,
      dayMarks: 'id, [unitId+day], participantId',
      sessionMarks: 'id, sessionId, [unitId+day]',
      outbox: '++seq, [entity+recordId]',
      rejected: '++seq',
      meta: 'key',
    });
    // Version 2: the driver's marks at the stops. A new table only: nothing to migrate.
    this.version(2).stores({ transportEvents: SYNCED_SCHEMA.transportEvents });
    // Version 3: the marks' indexes nothing reads (by person, by session) are dropped: a fifth
    // less IndexedDB work per stored mark. Dropping an index keeps every row.
    this.version(3).stores({ dayMarks: SYNCED_SCHEMA.dayMarks, sessionMarks: SYNCED_SCHEMA.sessionMarks });
  }

  /** The table of a synced entity. */
  entity<E extends EntityName>(name: E): SyncedTables[E] {
    return this.table(name) as unknown as SyncedTables[E];
  }

  /** The synced tables, for transactions that span all of them. */
  syncedTables(): Table[] {
    return (Object.keys(SYNCED_SCHEMA) as EntityName[]).map((n) => this.table(n));
  }
}
