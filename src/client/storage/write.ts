/**
 * The single write path of the device. Every change of a synced record goes through
 * {@link writeChanges}: in one IndexedDB transaction the record is merged with its stored
 * version, stamped with the device's next HLC, validated against the shared schema, stored, and
 * its outbox entry added. Either all changes of a call land with their outbox entries, or none
 * (an invalid record or a full disk aborts the whole transaction). The UI confirms a tick only
 * after this promise resolves. A single tap tries fast-write.ts first, which uses the same merge
 * ({@link mergeChange}) with what it holds in memory and falls back here when memory is stale.
 */
import { uuidv7 } from 'uuidv7';
import { mergeLocal, nextLocalStamp, type Change, type EntityMap, type EntityName, type FieldIssue } from '../../domain';
import type { AppDB, OutboxEntry } from './db';
import { toStorageError } from './errors';
import { getMeta, setMeta } from './meta';

export type { Change } from '../../domain';

/** Who writes, and the clock (a parameter, so tests control time). */
export interface WriteContext { deviceId: string; userId: string; organizationId: string; nowMs: () => number }

/** A change whose resulting record breaks the schema: which record and which fields. */
export class RecordValidationError extends Error {
  readonly entity: EntityName;
  readonly issues: FieldIssue[];
  constructor(entity: EntityName, issues: FieldIssue[]) {
    super(`invalid ${entity}`);
    this.name = 'RecordValidationError';
    this.entity = entity;
    this.issues = issues;
  }
}

/**
 * Applies `changes` in one transaction; resolves with the stored records (deleted ones with
 * `deleted: true`). Throws RecordValidationError for an invalid record, StorageError otherwise.
 */
export async function writeChanges(db: AppDB, ctx: WriteContext, changes: readonly Change[]): Promise<EntityMap[EntityName][]> {
  const entities = [...new Set(changes.map((c) => c.entity))];
  return (await writeComputed(db, ctx, entities, () => Promise.resolve({ changes, result: null }))).stored;
}

/** What a computed write decided: the changes to store, and a value for the caller. */
export interface Computed<T> { changes: readonly Change[]; result: T }

/** What one change does to its stored row. */
export type Merged =
  /** A delete of a row that is missing or already deleted: nothing to do. */
  | { kind: 'skip' }
  /** A patch that changes nothing: the stored row stays. */
  | { kind: 'unchanged'; row: EntityMap[EntityName] }
  /** The record to store, its outbox entry, and the HLC it was stamped with. */
  | { kind: 'write'; record: EntityMap[EntityName]; entry: OutboxEntry; hlc: string };

/**
 * Merges one change into its stored row (`existing`, undefined when there is none) by the
 * device's merge of the domain (mergeLocal), stamped with the HLC after `lastHlc`, and makes its
 * outbox entry. Pure but for the mutation id: what both write paths store. Throws
 * RecordValidationError.
 */
export function mergeChange(ctx: WriteContext, change: Change, existing: Record<string, unknown> | undefined, lastHlc: string | null): Merged {
  const merged = mergeLocal(ctx, change, existing, () => nextLocalStamp(lastHlc, ctx.nowMs(), ctx.deviceId));
  if (merged.kind === 'invalid') throw new RecordValidationError(change.entity, merged.issues);
  if (merged.kind !== 'write') return merged;
  const entry: OutboxEntry = { mutationId: uuidv7(), entity: change.entity, recordId: change.id, ...merged.pending, createdAtMs: ctx.nowMs() };
  return { kind: 'write', record: merged.record, entry, hlc: merged.hlc };
}

/**
 * Like writeChanges, but the changes are computed inside the same transaction from what is stored
 * (the stored mark, the notice of the day, the previous rows for undo): nothing can change between
 * the read and the write. `entities` lists every table `compute` reads or the changes write.
 * (A single tap takes the fast path in fast-write.ts first; this is the general path.)
 */
export async function writeComputed<T>(
  db: AppDB, ctx: WriteContext, entities: readonly EntityName[], compute: () => Promise<Computed<T>>,
): Promise<{ stored: EntityMap[EntityName][]; result: T }> {
  const tables = entities.map((e) => db.table(e));
  try {
    return await db.transaction('rw', [...tables, db.outbox, db.meta], async () => {
      // IndexedDB requests are round trips (out of process in Chromium): independent reads go
      // together, and the writes are queued together.
      const [{ changes, result }, lastHlc] = await Promise.all([compute(), getMeta(db, 'hlc')]);
      let hlc = lastHlc ?? null;
      const existingRows = await Promise.all(changes.map((c) => db.table<Record<string, unknown>, string>(c.entity).get(c.id)));
      const stored: EntityMap[EntityName][] = [];
      const entries: OutboxEntry[] = [];
      const writes: Promise<unknown>[] = [];
      for (const [i, change] of changes.entries()) {
        const merged = mergeChange(ctx, change, existingRows[i], hlc);
        if (merged.kind === 'skip') continue;
        if (merged.kind === 'unchanged') {
          stored.push(merged.row);
          continue;
        }
        hlc = merged.hlc;
        writes.push(db.table<Record<string, unknown>, string>(change.entity).put(merged.record as unknown as Record<string, unknown>));
        stored.push(merged.record);
        entries.push(merged.entry);
      }
      if (entries.length > 0) {
        writes.push(db.outbox.bulkAdd(entries));
        if (hlc) writes.push(setMeta(db, 'hlc', hlc));
      }
      await Promise.all(writes);
      return { stored, result };
    });
  } catch (error) {
    if (error instanceof RecordValidationError) throw error;
    throw toStorageError(error);
  }
}
