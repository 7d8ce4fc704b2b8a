/**
 * The merge of one change into a stored record whose every field carries the stamp that last set
 * it (the server's records): per field, last writer wins by HLC; `deleted` merges the same way.
 * Create-only fields (`ifAbsent`) are defaults of a device that did not have the record: they
 * apply only to a field nobody has set, so a later-stamped default such as a studio log's
 * `status: 'planned'` cannot undo a cancellation that came first, and an applied default is
 * stamped with the lowest stamp, so it also loses to a real value stamped earlier that arrives
 * after it. A delete of defaults (`onlyDefaults`) applies only to a record holding nothing but
 * defaults, and is itself stamped like a default. A deleted record keeps its fields' values and
 * stamps: a default never replaces a value set before a deletion (a rule that did would depend on
 * whether the deletion or the default arrived first). The per-field decisions are those of
 * stamps.ts; the meta fields are the merge's to set: the organization is the writer's, never the
 * change's. The merged record must pass the entity's schema, or nothing of the change lands.
 */
import { SYNC_META_FIELDS } from '../entities/meta';
import { validateRecord, type EntityName, type FieldIssue } from '../entities/registry';
import type { Hlc } from '../hlc';
import { defaultStamp, hasField, holdsOnlyDefaults, laterStamp, stampOfField, takesField } from './stamps';

const META = new Set<string>(SYNC_META_FIELDS);

/** A record as merged: its data (meta fields included) and the stamp that last set each field. */
export interface StampedRecord {
  entity: EntityName;
  id: string;
  /** The whole record, meta fields included. */
  data: Record<string, unknown>;
  /** The HLC stamp that last set each field (and `deleted`). */
  fieldHlc: Record<string, Hlc>;
  /** The highest stamp of any field. */
  hlc: Hlc;
  deleted: boolean;
}

/** One change of one record, as a device sent it (the protocol's mutation has this shape). */
export interface IncomingChange {
  entity: EntityName;
  recordId: string;
  hlc: Hlc;
  patch: Record<string, unknown>;
  deleted: boolean;
  /** Fields of `patch` that are only defaults for creating the record. */
  ifAbsent?: readonly string[] | undefined;
  /** On a delete: delete only a record holding nothing but defaults. */
  onlyDefaults?: boolean | undefined;
}

/** Who writes: the organization and user the merged record is stamped with. */
export interface MergeActor { organizationId: string; userId: string }

/** A change the merge refuses before any field: another organization's, or another record's id. */
export interface MergeRefusal { ok: false; reason: 'forbidden' | 'invalidRecord'; issues: FieldIssue[] }

/** What a merge applied, for the history and the audit. */
interface MergeBookkeeping {
  appliedFields: string[];
  /** The applied fields that were create-only defaults (`ifAbsent`), not values the user set. */
  defaultFields: string[];
  oldValues: Record<string, unknown>;
  /** The patch without meta fields, as kept in the history. */
  patch: Record<string, unknown>;
}

export type MergeResult =
  | ({
    ok: true;
    /** False when the change lost on every field: nothing to store but its history row. */
    changed: boolean;
    record: StampedRecord;
  } & MergeBookkeeping)
  | MergeRefusal;

/** The merged record before validation (for access checks) and the bookkeeping of what applied. */
export interface MergeDraft extends MergeBookkeeping {
  candidate: Record<string, unknown>;
  fieldHlc: Record<string, Hlc>;
  hlc: Hlc;
  changed: boolean;
}

/**
 * Applies the fields of `m` that win over the stored ones (see stamps.ts); refuses a foreign
 * organization or id. `existing` is null for a record never stored.
 */
export function draftMerge(existing: Omit<StampedRecord, 'entity' | 'id'> | null, m: IncomingChange, actor: MergeActor): MergeDraft | MergeRefusal {
  if ('organizationId' in m.patch && m.patch.organizationId !== actor.organizationId) {
    return { ok: false, reason: 'forbidden', issues: [{ path: 'organizationId', code: 'otherOrganization' }] };
  }
  if ('id' in m.patch && m.patch.id !== m.recordId) {
    return { ok: false, reason: 'invalidRecord', issues: [{ path: 'id', code: 'idMismatch' }] };
  }
  if (m.deleted && m.onlyDefaults === true) return draftDefaultsDelete(existing, m, actor);
  const before = existing?.data ?? {};
  const fieldHlc: Record<string, Hlc> = { ...(existing?.fieldHlc ?? {}) };
  const values: Record<string, unknown> = {};
  const oldValues: Record<string, unknown> = {};
  const patch: Record<string, unknown> = {};
  const appliedFields: string[] = [];
  const defaultFields: string[] = [];
  let changed = existing === null;
  const createOnly = new Set(m.ifAbsent ?? []);

  for (const [field, value] of Object.entries(m.patch)) {
    if (META.has(field)) continue;
    patch[field] = value;
    const isDefault = createOnly.has(field);
    if (!takesField(fieldHlc[field], m.hlc, isDefault)) continue;
    values[field] = value;
    oldValues[field] = hasField(before, field) ? before[field] : null;
    fieldHlc[field] = stampOfField(m.hlc, isDefault);
    appliedFields.push(field);
    if (isDefault) defaultFields.push(field);
    changed = true;
  }

  let deleted = existing?.deleted ?? false;
  if (takesField(fieldHlc.deleted, m.hlc, false)) {
    fieldHlc.deleted = m.hlc;
    changed = true;
    if (existing === null || deleted !== m.deleted) {
      oldValues.deleted = existing === null ? null : deleted;
      appliedFields.push('deleted');
    }
    deleted = m.deleted;
  }

  const hlc = existing ? laterStamp(existing.hlc, m.hlc) : m.hlc;
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

/**
 * A delete with `onlyDefaults`: it applies only to a live record whose every field carries a
 * default stamp (nobody wrote a real value), and its deletion is stamped like a default, so a real
 * write arriving after it (stamped earlier or later) brings the record back with its value.
 */
function draftDefaultsDelete(existing: Omit<StampedRecord, 'entity' | 'id'> | null, m: IncomingChange, actor: MergeActor): MergeDraft {
  const fieldHlc: Record<string, Hlc> = { ...(existing?.fieldHlc ?? {}) };
  const before = existing?.data ?? {};
  if (existing === null || existing.deleted || !holdsOnlyDefaults(existing.fieldHlc)) {
    return { candidate: { ...before }, fieldHlc, hlc: existing?.hlc ?? m.hlc, changed: false, appliedFields: [], defaultFields: [], oldValues: {}, patch: {} };
  }
  fieldHlc.deleted = defaultStamp(m.hlc);
  const hlc = laterStamp(existing.hlc, m.hlc);
  const candidate = { ...before, id: m.recordId, organizationId: actor.organizationId, hlc, changedBy: actor.userId, deleted: true };
  // The deletion is stamped like a default, and the history says so.
  return { candidate, fieldHlc, hlc, changed: true, appliedFields: ['deleted'], defaultFields: ['deleted'], oldValues: { deleted: false }, patch: {} };
}

/** Validates a draft: the stored data is the schema's output, and stamps are kept only for fields it knows. */
export function finishMerge(m: IncomingChange, draft: MergeDraft, existing: StampedRecord | null): MergeResult {
  if (!draft.changed && existing) {
    return { ok: true, changed: false, record: { ...existing }, appliedFields: [], defaultFields: [], oldValues: {}, patch: draft.patch };
  }
  if (!draft.changed) {
    // A delete of defaults naming a record nobody has: nothing to store.
    return { ok: true, changed: false, record: { entity: m.entity, id: m.recordId, data: {}, fieldHlc: {}, hlc: m.hlc, deleted: true }, appliedFields: [], defaultFields: [], oldValues: {}, patch: draft.patch };
  }
  const validated = validateRecord(m.entity, draft.candidate);
  if (!validated.ok) return { ok: false, reason: 'invalidRecord', issues: validated.issues };
  const data = validated.value as unknown as Record<string, unknown>;
  const fieldHlc: Record<string, Hlc> = {};
  for (const [field, stamp] of Object.entries(draft.fieldHlc)) {
    if (field === 'deleted' || (hasField(data, field) && !META.has(field))) fieldHlc[field] = stamp;
  }
  const appliedFields = draft.appliedFields.filter((f) => f === 'deleted' || hasField(data, f));
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

/**
 * True when a create-only default of `field` would fill a field of a stored record (one that has
 * no stamp yet). The write policy lets a limited writer send other fields only as defaults that
 * set nothing a stored record has: of a new record, or skipped because the field is set.
 */
export function defaultFillsStored(existing: Pick<StampedRecord, 'fieldHlc'> | null, field: string): boolean {
  return existing !== null && !hasField(existing.fieldHlc, field);
}
