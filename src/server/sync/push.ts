/**
 * Applying a batch of mutations: idempotent by mutation id (a retried batch is harmless), merged
 * per field, checked against the role's write policy and the caller's units, validated, and
 * stored with its history row and an audit entry. Each mutation runs in its own savepoint, so the
 * valid ones of a batch land and an invalid one never lands half-applied. A rejected mutation is
 * answered with the record as the server holds it after the batch (cut down to what the caller may
 * see, as pull does), so the device can put its copy back. Setup writes through here too.
 */
import { DEFAULT_CLOCK_TOLERANCE_MS, draftMerge, finishMerge, isErasedRecord, mayWrite, stampAhead, type EntityName } from '../../domain';
import type { Issue, Mutation, PushResponse, RecordVersion } from '../../protocol';
import { errorCode, type Logger } from '../logger';
import { unstorableText } from '../store/storable-text';
import type { StoreTx } from '../store/store';
import { mayWriteFields, mayWriteRecord, type Caller } from './access';
import { eraseRecord } from './erase';
import { scopeFor, shapeChange, type PullScope } from './scope';

/**
 * A mutation of a push that broke the mutation schema (`invalidRecord`) or is over
 * MAX_MUTATION_BYTES (`payloadTooLarge`) but carries a usable id: it is rejected alone, issue
 * paths relative to the mutation. `entity` and `recordId` are kept when they are valid on their
 * own, so the answer can still carry the server's record.
 */
export interface MalformedMutation {
  malformed: Issue[];
  mutationId: string;
  reason: 'invalidRecord' | 'payloadTooLarge';
  entity: EntityName | null;
  recordId: string | null;
}

/** Who is writing: the organization comes from the sign-in, never from the client. */
export interface Writer extends Caller { organizationId: string; userId: string; deviceId: string }

type Outcome = { accepted: true } | { accepted: false; reason: 'forbidden' | 'invalidRecord' | 'internal' | 'clockAhead'; issues: Issue[] };

async function applyOne(tx: StoreTx, writer: Writer, m: Mutation, nowMs: number, clockToleranceMs: number): Promise<Outcome> {
  const org = writer.organizationId;
  if (await tx.hasMutation(org, m.mutationId)) return { accepted: true };
  // A stamp from the future would beat every later correction until that time (issue 13).
  if (stampAhead(m.hlc, nowMs, clockToleranceMs)) return { accepted: false, reason: 'clockAhead', issues: [{ path: 'hlc', code: 'clockAhead' }] };
  // Text PostgreSQL cannot store (NUL, a lone surrogate) is the mutation's fault, not the server's.
  const badText = unstorableText(m.patch);
  if (badText !== null) return { accepted: false, reason: 'invalidRecord', issues: [{ path: badText, code: 'invalidCharacter' }] };
  const existing = await tx.getRecord(org, m.entity, m.recordId);
  // An erased person stays erased: a device that had not heard of it yet gets the tombstone back.
  if (existing && isErasedRecord(m.entity, existing.data)) return { accepted: false, reason: 'forbidden', issues: [{ path: '', code: 'erased' }] };
  const draft = draftMerge(existing, m, writer);
  if ('ok' in draft) return { accepted: false, reason: draft.reason, issues: draft.issues };
  // The role's write policy holds even for a change that loses on every field (else it would be
  // kept in the history as superseded); the units are checked on what the change would store.
  const allowed = (draft.changed ? mayWriteRecord(writer, m.entity, existing?.data ?? null, draft.candidate) : mayWrite(writer.roles, m.entity))
    && mayWriteFields(writer, m.entity, m, existing);
  if (!allowed) return { accepted: false, reason: 'forbidden', issues: [] };
  const merged = finishMerge(m, draft, existing);
  if (!merged.ok) return { accepted: false, reason: merged.reason, issues: merged.issues };

  let seq = merged.changed ? await tx.saveRecord(org, merged.record) : (existing?.seq ?? null);
  if (m.entity === 'participants' && merged.changed && merged.record.deleted) {
    // Deleting a participant is the administrator's erasure (access.ts): it keeps no value at all.
    const erased = await eraseRecord(tx, org, m.entity, m.recordId, { hlc: m.hlc, changedBy: writer.userId, nowMs });
    seq = erased?.seq ?? seq;
    await tx.appendMutation(org, {
      mutationId: m.mutationId, seq, entity: m.entity, recordId: m.recordId, userId: writer.userId, deviceId: writer.deviceId,
      hlc: m.hlc, patch: {}, oldValues: {}, appliedFields: ['deleted'], receivedAtMs: nowMs,
    });
    // Who erased and when, never what.
    await tx.audit(org, { atMs: nowMs, userId: writer.userId, deviceId: writer.deviceId, action: 'erasure', entity: m.entity, recordId: m.recordId, details: { mutationId: m.mutationId } });
    return { accepted: true };
  }
  await tx.appendMutation(org, {
    mutationId: m.mutationId, seq, entity: m.entity, recordId: m.recordId, userId: writer.userId, deviceId: writer.deviceId,
    hlc: m.hlc, patch: merged.patch, oldValues: merged.oldValues, appliedFields: merged.appliedFields, defaultFields: merged.defaultFields, receivedAtMs: nowMs,
  });
  await tx.audit(org, {
    atMs: nowMs, userId: writer.userId, deviceId: writer.deviceId, action: 'recordChange', entity: m.entity, recordId: m.recordId,
    details: { mutationId: m.mutationId, fields: merged.appliedFields },
  });
  return { accepted: true };
}

/** The stored record as the caller may see it (null: none, or not visible to the caller). */
async function currentVersion(tx: StoreTx, organizationId: string, scope: PullScope, entity: EntityName, recordId: string): Promise<RecordVersion | null> {
  const stored = await tx.getRecord(organizationId, entity, recordId);
  if (!stored) return null;
  const shaped = shapeChange(scope, { seq: stored.seq, entity, recordId, data: stored.data, deleted: stored.deleted });
  if (!shaped) return null;
  return shaped.partial ? { data: shaped.data, deleted: shaped.deleted, partial: true } : { data: shaped.data, deleted: shaped.deleted };
}

/**
 * Applies `mutations` in order inside `tx` (which must hold the organization's write lock).
 * Malformed ones (see MalformedMutation) are rejected in their place in the answer, and so is one
 * stamped more than `clockToleranceMs` ahead of `nowMs` (`clockAhead`). The answer carries `nowMs`
 * as the server's time.
 */
export async function applyMutations(
  tx: StoreTx, writer: Writer, mutations: readonly (Mutation | MalformedMutation)[], nowMs: number, logger?: Logger, clockToleranceMs = DEFAULT_CLOCK_TOLERANCE_MS,
): Promise<PushResponse> {
  const response: PushResponse = { accepted: [], rejected: [], serverTimeMs: nowMs };
  /** Per rejection, the record it named (to answer with the server's version after the batch). */
  const named: ({ entity: EntityName; recordId: string } | null)[] = [];
  for (const m of mutations) {
    if ('malformed' in m) {
      response.rejected.push({ mutationId: m.mutationId, reason: m.reason, issues: m.malformed });
      named.push(m.entity !== null && m.recordId !== null ? { entity: m.entity, recordId: m.recordId } : null);
      continue;
    }
    let outcome: Outcome;
    try {
      outcome = await tx.savepoint((sp) => applyOne(sp, writer, m, nowMs, clockToleranceMs));
    } catch (error) {
      logger?.error('mutationFailed', { code: errorCode(error) });
      outcome = { accepted: false, reason: 'internal', issues: [] };
    }
    if (outcome.accepted) {
      response.accepted.push(m.mutationId);
      continue;
    }
    response.rejected.push({ mutationId: m.mutationId, reason: outcome.reason, issues: outcome.issues });
    named.push({ entity: m.entity, recordId: m.recordId });
    if (outcome.reason === 'forbidden' || outcome.reason === 'clockAhead') {
      // A write outside the caller's scope, or stamped in the future, is kept in the audit log (ids only, no values).
      logger?.warn(outcome.reason === 'forbidden' ? 'writeRefused' : 'clockAhead', { entity: m.entity });
      await tx.audit(writer.organizationId, {
        atMs: nowMs, userId: writer.userId, deviceId: writer.deviceId, action: 'writeRefused', entity: m.entity, recordId: m.recordId,
        details: outcome.reason === 'forbidden' ? { mutationId: m.mutationId } : { mutationId: m.mutationId, reason: 'clockAhead' },
      });
    }
  }
  // The records the rejections named, as they stand after the whole batch, read once each.
  const scope = scopeFor(writer);
  const versions = new Map<string, Promise<RecordVersion | null>>();
  for (const [i, rejection] of response.rejected.entries()) {
    const record = named[i];
    if (!record) continue;
    const key = `${record.entity}\u0000${record.recordId}`;
    if (!versions.has(key)) versions.set(key, currentVersion(tx, writer.organizationId, scope, record.entity, record.recordId));
    rejection.current = await versions.get(key)!;
  }
  return response;
}

