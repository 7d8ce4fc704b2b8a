/**
 * The device's side of the merge. A device's row holds no per-field stamps: a change made here is
 * stamped after everything the device has seen, so it is the newest of what the row holds, and a
 * field the row holds counts as set (a create-only default never replaces it, as on the server,
 * see stamps.ts). The same rules put unsent changes back on top of what the server sends (the
 * pull overlay), and say what an undo writes back.
 */
import { SYNC_META_FIELDS } from '../entities/meta';
import { validateRecord, type EntityMap, type EntityName, type FieldIssue } from '../entities/registry';
import type { Hlc } from '../hlc';
import { hasField, holdsValues, sameValue } from './stamps';

const META = new Set<string>(SYNC_META_FIELDS);

type Row = Record<string, unknown>;

type EditableFields<T> = T extends unknown ? Partial<Omit<T, 'hlc' | 'changedBy' | 'deleted' | 'organizationId'>> : never;

type ChangeOf<E extends EntityName> =
  | { entity: E; id: string; patch: EditableFields<EntityMap[E]>; ifAbsent?: readonly (keyof EditableFields<EntityMap[E]> & string)[] }
  | { entity: E; id: string; delete: true; onlyDefaults?: Record<string, unknown> };

/**
 * Set some fields of a record (creating it when it does not exist yet), or delete it. `ifAbsent`
 * names fields of the patch that are only defaults for creating the record (a studio log's
 * `status: 'planned'` on a device without the session record): they fill a field nobody has set
 * and never overwrite one, neither on the device (a field the stored row has is left alone) nor on
 * the server (which applies them only where it has never set the field, whatever the stamps, even
 * on a deleted record: bringing back a record this device saw deleted takes real values). A
 * delete with `onlyDefaults` (the values this device set as defaults and still sees) is one the
 * server applies only while the record holds nothing but defaults: the undo of a bulk fill-in
 * that must not erase another device's mark.
 */
export type Change = { [E in EntityName]: ChangeOf<E> }[EntityName];

/** A change made on this device and not acknowledged yet, as the outbox keeps it. */
export interface PendingChange {
  hlc: Hlc;
  patch: Record<string, unknown>;
  deleted: boolean;
  /** Fields of `patch` that are only defaults for creating the record. */
  ifAbsent?: readonly string[] | undefined;
  /** On a delete of defaults: the values it undoes. */
  onlyDefaults?: Record<string, unknown> | undefined;
}

/** Who writes on this device. */
export interface LocalWriter { deviceId: string; userId: string; organizationId: string }

/** What one change does to its stored row. */
export type LocalMerge =
  /** A delete of a row that is missing or already deleted: nothing to do. */
  | { kind: 'skip' }
  /** A patch that changes nothing: the stored row stays. */
  | { kind: 'unchanged'; row: EntityMap[EntityName] }
  /** The merged record breaks its schema: which fields. */
  | { kind: 'invalid'; issues: FieldIssue[] }
  /** The record to store, stamped `hlc`, and the change to send (a pending change). */
  | { kind: 'write'; record: EntityMap[EntityName]; hlc: Hlc; pending: PendingChange & { ifAbsent?: string[] } };

/** The patch without the create-only fields the stored row already has (a default never replaces a set field). */
export function withoutKnown(patch: Row, createOnly: ReadonlySet<string>, existing: Row | undefined): Row {
  if (createOnly.size === 0 || !existing) return patch;
  return Object.fromEntries(Object.entries(patch).filter(([f]) => !createOnly.has(f) || !hasField(existing, f)));
}

/** The fields of `next` that differ from `prev` (all non-meta fields when `prev` is missing). */
function diffFields(prev: Row | undefined, next: Row): Row {
  const out: Row = {};
  for (const [field, value] of Object.entries(next)) {
    if (META.has(field)) continue;
    if (!prev || !sameValue(prev[field], value)) out[field] = value;
  }
  return out;
}

/**
 * Merges one change made on this device into its stored row (`existing`, undefined when there is
 * none): the fields it sets over the stored ones (create-only ones only where the row lacks them),
 * stamped with `nextStamp()` (called only when there is something to write), validated with the
 * shared schema. The one merge of both write paths (the general one and a tap's).
 */
export function mergeLocal(writer: LocalWriter, change: Change, existing: Row | undefined, nextStamp: () => Hlc): LocalMerge {
  const deleting = 'delete' in change;
  if (deleting && (!existing || existing.deleted === true)) return { kind: 'skip' };
  const base: Row = existing ?? { id: change.id, organizationId: writer.organizationId };
  const createOnly = new Set<string>(deleting ? [] : (change.ifAbsent ?? []));
  const fields = deleting ? {} : withoutKnown(change.patch as Row, createOnly, existing);
  const patch = diffFields(existing, { ...base, ...fields });
  const undeleting = !deleting && existing?.deleted === true;
  if (!deleting && existing && Object.keys(patch).length === 0 && !undeleting) {
    return { kind: 'unchanged', row: existing as unknown as EntityMap[EntityName] };
  }
  const hlc = nextStamp();
  const record = { ...base, ...fields, id: change.id, organizationId: writer.organizationId, hlc, changedBy: writer.userId, deleted: deleting };
  const valid = validateRecord(change.entity, record);
  if (!valid.ok) return { kind: 'invalid', issues: valid.issues };
  const pending: PendingChange & { ifAbsent?: string[] } = { hlc, patch, deleted: deleting };
  const ifAbsent = Object.keys(patch).filter((f) => createOnly.has(f));
  if (ifAbsent.length > 0) pending.ifAbsent = ifAbsent;
  if (deleting && change.onlyDefaults) pending.onlyDefaults = change.onlyDefaults;
  return { kind: 'write', record: valid.value, hlc, pending };
}

/**
 * Overlays the pending local changes (in write order) on the server's version of a record. A
 * create-only field of a change goes on top only where neither the server's record nor an earlier
 * change has the field, as the server will merge it: a studio log still waiting to be sent must
 * not hide a cancellation the server already holds behind its `status: 'planned'`. A delete of
 * defaults (`onlyDefaults`) goes on top only where the record still holds the values it undoes:
 * another device's mark the server already has stays in sight.
 */
export function overlayPending(server: Row, pending: readonly PendingChange[]): Row {
  let row = { ...server };
  for (const entry of pending) {
    if (entry.deleted && entry.onlyDefaults !== undefined && !holdsValues(row, entry.onlyDefaults)) continue;
    const patch = withoutKnown(entry.patch, new Set(entry.ifAbsent ?? []), row);
    row = { ...row, ...patch, hlc: entry.hlc, deleted: entry.deleted };
  }
  return row;
}

/**
 * The changes that put `rows` (as read before `changes`) back: the undo of a change. Only the
 * fields a change set go back: a field it did not touch may have been changed by someone else
 * since (a note typed on another tablet) and stays as it is. A row that did not exist (or was
 * deleted) is deleted again.
 */
export function restoreChanges(entity: EntityName, ids: readonly string[], rows: readonly (Row | undefined)[], changes: readonly Change[] = []): Change[] {
  return ids.map((id, i) => {
    const row = rows[i];
    if (!row || row.deleted === true) return { entity, id, delete: true } as Change;
    const change = changes.find((c) => c.id === id);
    const set = change && 'patch' in change ? (change.patch as Row) : null;
    const touched = (k: string) => !set || (k in set && !sameValue(set[k], row[k]));
    const patch = Object.fromEntries(Object.entries(row).filter(([k]) => !META.has(k) && touched(k)));
    return { entity, id, patch } as Change;
  });
}
