/**
 * Applying a batch of mutations: idempotent by mutation id (a retried batch is harmless), merged
 * per field, checked against the caller's units, validated, and stored with its history row and
 * an audit entry. Each mutation runs in its own savepoint, so the valid ones of a batch land and
 * an invalid one never lands half-applied. Setup and the demo loader write through here too.
 */
import type { Mutation, PushResponse } from '../../protocol';
import { unstorableText } from '../http/errors';
import { errorCode, type Logger } from '../logger';
import type { StoreTx } from '../store/store';
import { mayWriteRecord, type Caller } from './access';
import { draftMerge, finishMerge } from './merge';

/** Who is writing: the organization comes from the sign-in, never from the client. */
export interface Writer extends Caller { organizationId: string; userId: string; deviceId: string }

type Outcome = { accepted: true } | { accepted: false; reason: 'forbidden' | 'invalidRecord' | 'internal'; issues: { path: string; code: string }[] };

async function applyOne(tx: StoreTx, writer: Writer, m: Mutation, nowMs: number): Promise<Outcome> {
  const org = writer.organizationId;
  if (await tx.hasMutation(org, m.mutationId)) return { accepted: true };
  // Text PostgreSQL cannot store (NUL, a lone surrogate) is the mutation's fault, not the server's.
  const badText = unstorableText(m.patch);
  if (badText !== null) return { accepted: false, reason: 'invalidRecord', issues: [{ path: badText, code: 'invalidCharacter' }] };
  const existing = await tx.getRecord(org, m.entity, m.recordId);
  const draft = draftMerge(existing, m, writer);
  if ('ok' in draft) return { accepted: false, reason: draft.reason, issues: draft.issues };
  if (draft.changed && !mayWriteRecord(writer, m.entity, existing?.data ?? null, draft.candidate)) {
    return { accepted: false, reason: 'forbidden', issues: [] };
  }
  const merged = finishMerge(m, draft, existing);
  if (!merged.ok) return { accepted: false, reason: merged.reason, issues: merged.issues };

  const seq = merged.changed ? await tx.saveRecord(org, merged.record) : (existing?.seq ?? null);
  await tx.appendMutation(org, {
    mutationId: m.mutationId, seq, entity: m.entity, recordId: m.recordId, userId: writer.userId, deviceId: writer.deviceId,
    hlc: m.hlc, patch: merged.patch, oldValues: merged.oldValues, appliedFields: merged.appliedFields, receivedAtMs: nowMs,
  });
  await tx.audit(org, {
    atMs: nowMs, userId: writer.userId, deviceId: writer.deviceId, action: 'recordChange', entity: m.entity, recordId: m.recordId,
    details: { mutationId: m.mutationId, fields: merged.appliedFields },
  });
  return { accepted: true };
}

/** Applies `mutations` in order inside `tx` (which must hold the organization's write lock). */
export async function applyMutations(tx: StoreTx, writer: Writer, mutations: readonly Mutation[], nowMs: number, logger?: Logger): Promise<PushResponse> {
  const response: PushResponse = { accepted: [], rejected: [] };
  for (const m of mutations) {
    let outcome: Outcome;
    try {
      outcome = await tx.savepoint((sp) => applyOne(sp, writer, m, nowMs));
    } catch (error) {
      logger?.error('mutationFailed', { code: errorCode(error) });
      outcome = { accepted: false, reason: 'internal', issues: [] };
    }
    if (outcome.accepted) {
      response.accepted.push(m.mutationId);
      continue;
    }
    response.rejected.push({ mutationId: m.mutationId, reason: outcome.reason, issues: outcome.issues });
    if (outcome.reason === 'forbidden') {
      // A write outside the caller's scope is kept in the audit log (ids only, no values).
      logger?.warn('writeRefused', { entity: m.entity });
      await tx.audit(writer.organizationId, {
        atMs: nowMs, userId: writer.userId, deviceId: writer.deviceId, action: 'writeRefused', entity: m.entity, recordId: m.recordId,
        details: { mutationId: m.mutationId },
      });
    }
  }
  return response;
}

