/**
 * The sync contract of the store: the merged records, their append-only history and the change
 * log that devices pull. Writes happen only inside `Store.write` (the organization's write lock,
 * see store.ts) through `SyncTx`; the reads here see committed changes only.
 */
import type { EntityName, ErasureEntry, StampedRecord } from '../../domain';
import type { PulledChange, PullResponse } from '../../protocol';

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

/** A raw change parsed: revocations become `{ id }` tombstones marked revoked. */
export function parseRawChange(c: RawChange): PulledChange {
  if (c.json === null) return { seq: c.seq, entity: c.entity, recordId: c.recordId, data: { id: c.recordId }, deleted: true, revoked: true };
  return { seq: c.seq, entity: c.entity, recordId: c.recordId, data: JSON.parse(c.json) as Record<string, unknown>, deleted: c.deleted };
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

/** The sync writes, available inside `Store.write` and `Store.initialize`. */
export interface SyncTx {
  getRecord(organizationId: string, entity: EntityName, id: string): Promise<StoredRecord | null>;
  hasMutation(organizationId: string, mutationId: string): Promise<boolean>;
  /** Inserts or replaces the record's state with a new sequence number; returns that number. */
  saveRecord(organizationId: string, record: RecordWrite): Promise<number>;
  appendMutation(organizationId: string, row: MutationRow): Promise<void>;
  /**
   * The records (tombstones included) whose stamp is later than `wallMs` (epoch ms), in sequence
   * order: what the clock repair re-stamps (issue 13; a record's stamp is its latest field's).
   */
  recordsStampedAfter(organizationId: string, wallMs: number): Promise<{ entity: EntityName; id: string }[]>;
  /** Inserts many new records and their history rows in a few statements; returns how many. */
  importRecords(organizationId: string, records: ImportRecord[], by: { userId: string; deviceId: string; receivedAtMs: number }): Promise<number>;
  /** The records of `entity` whose `participantId` is `personId` (the records about one person). */
  recordsAbout(organizationId: string, entity: EntityName, personId: string): Promise<StoredRecord[]>;
  /**
   * Takes values out of every history row of a record: of `fields` only, or of every field (null),
   * keeping who, when, from which device and which fields changed.
   */
  scrubHistory(organizationId: string, entity: EntityName, recordId: string, fields: readonly string[] | null): Promise<void>;
  /** The number the next erasure of the organization gets (1 for the first). */
  nextErasureNo(organizationId: string): Promise<number>;
  /** Enters an erasure in the ledger (an entry for the same record is left as it is). */
  addErasure(organizationId: string, entry: ErasureEntry): Promise<void>;
}

/** The sync reads. */
export interface SyncStore {
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
  /** The current stored record (null when there is none). */
  getRecord(organizationId: string, entity: EntityName, id: string): Promise<{ data: Record<string, unknown>; deleted: boolean } | null>;
  /** The history rows of one record, oldest first. */
  history(organizationId: string, entity: EntityName, recordId: string): Promise<MutationRow[]>;
  /** The erasure ledger of the organization, in the order of its numbers. */
  erasures(organizationId: string): Promise<ErasureEntry[]>;
  /** The records of `entity` whose `participantId` is `personId` (the records about one person). */
  recordsAbout(organizationId: string, entity: EntityName, personId: string): Promise<StoredRecord[]>;
}
