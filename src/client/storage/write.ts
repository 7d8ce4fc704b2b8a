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
import { SYNC_META_FIELDS, tickHlc, validateRecord, type EntityMap, type EntityName, type FieldIssue } from '../../domain';
import type { AppDB, OutboxEntry } from './db';
import { toStorageError } from './errors';
import { getMeta, setMeta } from './meta';

/** Who writes, and the clock (a parameter, so tests control time). */
export interface WriteContext { deviceId: string; userId: string; organizationId: string; nowMs: () => number }

type EditableFields<T> = T extends unknown ? Partial<Omit<T, 'hlc' | 'changedBy' | 'deleted' | 'organizationId'>> : never;

type ChangeOf<E extends EntityName> =
  | { entity: E; id: string; patch: EditableFields<EntityMap[E]>; ifAbsent?: readonly (keyof EditableFields<EntityMap[E]> & string)[] }
  | { entity: E; id: string; delete: true; onlyDefaults?: Record<string, unknown> };

/**
 * Set some fields of a record (creating it when it does not exist yet), or delete it. `ifAbsent`
 * names fields of the patch that are only defaults for creating the record (a studio log's
 * `status: 'planned'` on a device without the session record): they fill a field nobody has set
 * and never overwrite one, neither here (a field the stored row has is left alone) nor on the
 * server (which applies them only where it has never set the field, whatever the stamps, even on a
 * deleted record: bringing back a record this device saw deleted takes real values). A delete with
 * `onlyDefaults` (the values this device set as defaults and still sees) is one the server
 * applies only while the record holds nothing but defaults: the undo of a bulk fill-in that must
 * not erase another device's mark.
 */
export type Change = { [E in EntityName]: ChangeOf<E> }[EntityName];

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

const META = new Set<string>(SYNC_META_FIELDS);

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The fields of `next` that differ from `prev` (all non-meta fields when `prev` is missing). */
function diffFields(prev: Record<string, unknown> | undefined, next: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(next)) {
    if (META.has(field)) continue;
    if (!prev || !sameValue(prev[field], value)) out[field] = value;
  }
  return out;
}

/** The patch without the create-only fields the stored row already has (they are not to be overwritten). */
export function withoutKnown(patch: Record<string, unknown>, createOnly: ReadonlySet<string>, existing: Record<string, unknown> | undefined): Record<string, unknown> {
  if (createOnly.size === 0 || !existing) return patch;
  return Object.fromEntries(Object.entries(patch).filter(([f]) => !createOnly.has(f) || !Object.prototype.hasOwnProperty.call(existing, f)));
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
 * Merges one change into its stored row (`existing`, undefined when there is none): the fields it
 * sets over the stored ones, stamped with the HLC after `lastHlc`, validated with the shared
 * schema. Pure: the one merge both write paths use. Throws RecordValidationError.
 */
export function mergeChange(ctx: WriteContext, change: Change, existing: Record<string, unknown> | undefined, lastHlc: string | null): Merged {
  const deleting = 'delete' in change;
  if (deleting && (!existing || existing.deleted === true)) return { kind: 'skip' };
  const base: Record<string, unknown> = existing ?? { id: change.id, organizationId: ctx.organizationId };
  const createOnly = new Set<string>(deleting ? [] : (change.ifAbsent ?? []));
  const fields = deleting ? {} : withoutKnown(change.patch as Record<string, unknown>, createOnly, existing);
  const patch = diffFields(existing, { ...base, ...fields });
  const undeleting = !deleting && existing?.deleted === true;
  if (!deleting && existing && Object.keys(patch).length === 0 && !undeleting) {
    return { kind: 'unchanged', row: existing as unknown as EntityMap[EntityName] };
  }
  const hlc = tickHlc(lastHlc, ctx.nowMs(), ctx.deviceId);
  const record = { ...base, ...fields, id: change.id, organizationId: ctx.organizationId, hlc, changedBy: ctx.userId, deleted: deleting };
  const valid = validateRecord(change.entity, record);
  if (!valid.ok) throw new RecordValidationError(change.entity, valid.issues);
  const entry: OutboxEntry = { mutationId: uuidv7(), entity: change.entity, recordId: change.id, hlc, patch, deleted: deleting, createdAtMs: ctx.nowMs() };
  const ifAbsent = Object.keys(patch).filter((f) => createOnly.has(f));
  if (ifAbsent.length > 0) entry.ifAbsent = ifAbsent;
  if (deleting && change.onlyDefaults) entry.onlyDefaults = change.onlyDefaults;
  return { kind: 'write', record: valid.value, entry, hlc };
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
