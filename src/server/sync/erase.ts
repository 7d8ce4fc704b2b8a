/**
 * Erasure of a person (GDPR art. 17), the server's one implementation: the record becomes a
 * tombstone without a personal field (domain/entities/erasure.ts), every row of its history loses
 * its values, the records about the person that stay (their attendance counts in the reports of
 * past months) lose their free text (stops of bus runs are deleted), and the erasure enters the
 * ledger with its number and date. The push applies it when an administrator's change deletes a
 * participant; a restore applies the ledger of a newer server again (backup/restore.ts).
 */
import {
  ERASURE_OF_RELATED, erasedTombstone, isErasedRecord, laterStamp, type EntityName, type ErasableEntity, type ErasureEntry,
} from '../../domain';
import type { ErasureTx } from '../store/store';

export interface ErasureOptions {
  /** The erasure's stamp (the administrator's change; absent: the record's own, a restore). */
  hlc?: string;
  /** Who erased (the tombstone's `changedBy`); null: unknown (a restore), the record's last writer stays. */
  changedBy: string | null;
  nowMs: number;
  /** The ledger number to use (a restore keeps the newer server's); the next one when absent. */
  no?: number;
  /** When it was erased, when it is not now (a restore keeps the ledger's date). */
  erasedAt?: string;
}

/** What an erasure did: its ledger entry, the tombstone's sequence, how many records about the person changed. */
export interface ErasureResult { entry: ErasureEntry; seq: number; related: number }

/**
 * Erases the record (inside a write transaction). Null when there is no such record or it was
 * erased already (then nothing changes).
 */
export async function eraseRecord(tx: ErasureTx, organizationId: string, entity: ErasableEntity, recordId: string, opts: ErasureOptions): Promise<ErasureResult | null> {
  const existing = await tx.getRecord(organizationId, entity, recordId);
  if (!existing || isErasedRecord(entity, existing.data)) return null;
  const no = opts.no ?? await tx.nextErasureNo(organizationId);
  const hlc = opts.hlc === undefined ? existing.hlc : laterStamp(existing.hlc, opts.hlc);
  const changedBy = opts.changedBy ?? String(existing.data.changedBy);
  const tombstone = erasedTombstone({ ...existing.data, id: recordId, organizationId }, no, hlc, changedBy);
  const seq = await tx.saveRecord(organizationId, { entity, id: recordId, data: { ...tombstone }, fieldHlc: { deleted: hlc }, hlc, deleted: true });
  await tx.scrubHistory(organizationId, entity, recordId, null);
  let related = 0;
  for (const [name, rule] of Object.entries(ERASURE_OF_RELATED)) {
    const relatedEntity = name as EntityName;
    for (const record of await tx.recordsAbout(organizationId, relatedEntity, recordId)) {
      const cleared = rule.clear.filter((f) => typeof record.data[f] === 'string' && record.data[f] !== '');
      const deleting = rule.delete && !record.deleted;
      // A note may have been emptied before, and still be in the history.
      await tx.scrubHistory(organizationId, relatedEntity, record.id, rule.clear);
      if (cleared.length === 0 && !deleting) continue;
      const stamp = laterStamp(record.hlc, hlc);
      const data: Record<string, unknown> = { ...record.data, hlc: stamp, changedBy };
      const fieldHlc = { ...record.fieldHlc };
      for (const f of cleared) {
        data[f] = '';
        fieldHlc[f] = stamp;
      }
      if (deleting) {
        data.deleted = true;
        fieldHlc.deleted = stamp;
      }
      await tx.saveRecord(organizationId, { entity: relatedEntity, id: record.id, data, fieldHlc, hlc: stamp, deleted: Boolean(data.deleted) });
      related += 1;
    }
  }
  const entry: ErasureEntry = { entity, recordId, no, erasedAt: opts.erasedAt ?? new Date(opts.nowMs).toISOString() };
  await tx.addErasure(organizationId, entry);
  return { entry, seq, related };
}
