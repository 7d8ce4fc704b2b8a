/**
 * The server's merge of one mutation into the stored record: per field, last writer wins by
 * HLC stamp (a field without a stamp takes any value); `deleted` merges the same way. The meta
 * fields are the server's to set: the organization comes from the caller's sign-in, never from
 * the client. The merged record must pass the entity's schema, or nothing of the mutation lands.
 * Create-only fields (`ifAbsent`) are defaults of a device that did not have the record: they
 * apply only to a field the server has never set (no stamp), so a later-stamped default such as a
 * studio log's `status: 'planned'` cannot undo a cancellation that reached the server first. An
 * applied default is stamped with the lowest stamp (time 0) rather than the mutation's, so it
 * also loses to a real value stamped earlier that arrives after it (the same race the other way).
 * A delete with `onlyDefaults` applies only to a record holding nothing but defaults, and is
 * itself stamped like a default. A deleted record keeps its fields' values and stamps: a default
 * never replaces a value set before a deletion (a rule that did would depend on whether the
 * deletion or the default reached the server first).
 */
import { formatHlc, parseHlc, SYNC_META_FIELDS, validateRecord } from '../../domain';
import type { Mutation } from '../../protocol';
import type { Issue } from '../http/errors';
import type { RecordWrite, StoredRecord } from '../store/store';

const META = new Set<string>(SYNC_META_FIELDS);

export interface MergeActor { organizationId: string; userId: string }

export type MergeResult =
  | {
    ok: true;
    /** False when the mutation lost on every field: nothing to store but its history row. */
    changed: boolean;
    record: RecordWrite;
    appliedFields: string[];
    /** The applied fields that were create-only defaults (`ifAbsent`), not values the user set. */
    defaultFields: string[];
    oldValues: Record<string, unknown>;
    /** The patch without meta fields, as kept in the history. */
    patch: Record<string, unknown>;
  }
  | { ok: false; reason: 'forbidden' | 'invalidRecord'; issues: Issue[] };

/** The merged record before validation (for access checks) and the bookkeeping of what applied. */
export interface MergeDraft {
  candidate: Record<string, unknown>;
  fieldHlc: Record<string, string>;
  hlc: string;
  changed: boolean;
  appliedFields: string[];
  /** The applied fields that were create-only defaults. */
  defaultFields: string[];
  oldValues: Record<string, unknown>;
  patch: Record<string, unknown>;
}

/**
 * Applies the fields of `m` that are newer than the stored ones (create-only fields only where the
 * field has no stamp yet); refuses a foreign organization or id.
 */
export function draftMerge(existing: StoredRecord | null, m: Mutation, actor: MergeActor): MergeDraft | { ok: false; reason: 'forbidden' | 'invalidRecord'; issues: Issue[] } {
  if ('organizationId' in m.patch && m.patch.organizationId !== actor.organizationId) {
    return { ok: false, reason: 'forbidden', issues: [{ path: 'organizationId', code: 'otherOrganization' }] };
  }
  if ('id' in m.patch && m.patch.id !== m.recordId) {
    return { ok: false, reason: 'invalidRecord', issues: [{ path: 'id', code: 'idMismatch' }] };
  }
  if (m.deleted && m.onlyDefaults === true) return draftDefaultsDelete(existing, m, actor);
  const before = existing?.data ?? {};
  const fieldHlc: Record<string, string> = { ...(existing?.fieldHlc ?? {}) };
  const values: Record<string, unknown> = {};
  const oldValues: Record<string, unknown> = {};
  const patch: Record<string, unknown> = {};
  const appliedFields: string[] = [];
  const defaultFields: string[] = [];
  let changed = existing === null;
  const createOnly = new Set(m.ifAbsent ?? []);
  const defaultStamp = createOnly.size > 0 ? lowestStamp(m.hlc) : m.hlc;

  for (const [field, value] of Object.entries(m.patch)) {
    if (META.has(field)) continue;
    patch[field] = value;
    const stamp = fieldHlc[field];
    if (stamp !== undefined && (createOnly.has(field) || m.hlc <= stamp)) continue;
    values[field] = value;
    oldValues[field] = Object.prototype.hasOwnProperty.call(before, field) ? before[field] : null;
    fieldHlc[field] = createOnly.has(field) ? defaultStamp : m.hlc;
    appliedFields.push(field);
    if (createOnly.has(field)) defaultFields.push(field);
    changed = true;
  }

  let deleted = existing?.deleted ?? false;
  const deletedStamp = fieldHlc.deleted;
  if (deletedStamp === undefined || m.hlc > deletedStamp) {
    fieldHlc.deleted = m.hlc;
    changed = true;
    if (existing === null || deleted !== m.deleted) {
      oldValues.deleted = existing === null ? null : deleted;
      appliedFields.push('deleted');
    }
    deleted = m.deleted;
  }

  const hlc = existing && existing.hlc > m.hlc ? existing.hlc : m.hlc;
  const touched = appliedFields.length > 0;
  const candidate: Record<string, unknown> = {
    ...before,
    ...values,
    id: m.recordId,
    organizationId: actor.organizationId,
    hlc,
    changedBy: touched ? actor.userId : (before.changedBy ?? actor.userId),
    deleted,
  };
  return { candidate, fieldHlc, hlc, changed, appliedFields, defaultFields, oldValues, patch };
}

/** The lowest stamp of the device that made `hlc`: what a default is stamped with. */
function lowestStamp(hlc: string): string {
  return formatHlc({ wall: 0, counter: 0, device: parseHlc(hlc).device });
}

/**
 * A delete with `onlyDefaults`: it applies only to a live record whose every field carries a
 * default stamp (nobody wrote a real value), and its deletion is stamped like a default, so a real
 * write arriving after it (stamped earlier or later) brings the record back with its value.
 */
function draftDefaultsDelete(existing: StoredRecord | null, m: Mutation, actor: MergeActor): MergeDraft {
  const fieldHlc: Record<string, string> = { ...(existing?.fieldHlc ?? {}) };
  const before = existing?.data ?? {};
  const onlyDefaults = existing !== null && !existing.deleted
    && Object.entries(existing.fieldHlc).every(([field, stamp]) => field === 'deleted' || parseHlc(stamp).wall === 0);
  if (!onlyDefaults) return { candidate: { ...before }, fieldHlc, hlc: existing?.hlc ?? m.hlc, changed: false, appliedFields: [], defaultFields: [], oldValues: {}, patch: {} };
  fieldHlc.deleted = lowestStamp(m.hlc);
  const hlc = existing.hlc > m.hlc ? existing.hlc : m.hlc;
  const candidate = { ...before, id: m.recordId, organizationId: actor.organizationId, hlc, changedBy: actor.userId, deleted: true };
  // The deletion is stamped like a default, and the history says so.
  return { candidate, fieldHlc, hlc, changed: true, appliedFields: ['deleted'], defaultFields: ['deleted'], oldValues: { deleted: false }, patch: {} };
}

/** Validates a draft: the stored data is the schema's output, and stamps are kept only for fields it knows. */
export function finishMerge(m: Mutation, draft: MergeDraft, existing: StoredRecord | null): MergeResult {
  if (!draft.changed && existing) {
    return { ok: true, changed: false, record: { ...existing }, appliedFields: [], defaultFields: [], oldValues: {}, patch: draft.patch };
  }
  if (!draft.changed) {
    // A delete of defaults naming a record the server does not have: nothing to store.
    return { ok: true, changed: false, record: { entity: m.entity, id: m.recordId, data: {}, fieldHlc: {}, hlc: m.hlc, deleted: true }, appliedFields: [], defaultFields: [], oldValues: {}, patch: draft.patch };
  }
  const validated = validateRecord(m.entity, draft.candidate);
  if (!validated.ok) return { ok: false, reason: 'invalidRecord', issues: validated.issues };
  const data = validated.value as unknown as Record<string, unknown>;
  const fieldHlc: Record<string, string> = {};
  for (const [field, stamp] of Object.entries(draft.fieldHlc)) {
    if (field === 'deleted' || (Object.prototype.hasOwnProperty.call(data, field) && !META.has(field))) fieldHlc[field] = stamp;
  }
  const appliedFields = draft.appliedFields.filter((f) => f === 'deleted' || Object.prototype.hasOwnProperty.call(data, f));
  const oldValues: Record<string, unknown> = {};
  for (const f of appliedFields) oldValues[f] = draft.oldValues[f];
  return {
    ok: true,
    changed: true,
    record: { entity: m.entity, id: m.recordId, data, fieldHlc, hlc: draft.hlc, deleted: Boolean(data.deleted) },
    appliedFields,
    defaultFields: draft.defaultFields.filter((f) => appliedFields.includes(f)),
    oldValues,
    patch: draft.patch,
  };
}
