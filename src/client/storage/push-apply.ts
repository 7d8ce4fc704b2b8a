/**
 * Storing the server's answer to a push. Acknowledged entries leave the outbox; entries refused
 * for good move to the `rejected` table (so the user is told). A refused change must not linger
 * on this device either: its row held the refused values, which nobody else has. So when the
 * answer carries the server's version of the record (`current`), the row is put back to it, with
 * this device's other unsent changes of that record on top (as a pull would); when the server has
 * no such record (or the caller may not see it) and nothing else of it is pending, the row goes.
 * A change of a person erased meanwhile is not kept as refused: the answer's tombstone makes the
 * device forget the person (erasure.ts). All of it commits in one transaction: the outbox, the rejected list and the rows never disagree.
 */
import { DEFAULT_CLOCK_TOLERANCE_MS, isErasedRecord, newestStamp, nextLocalStamp, overlayPending, receiveWithin, type EntityName } from '../../domain';
import type { PushResponse, RecordVersion } from '../../protocol';
import type { AppDB, OutboxEntry } from './db';
import { forgetErased } from './erasure';
import { toStorageError } from './errors';
import { getMeta, setMeta } from './meta';

/**
 * Applies the answer to a push of `batch`, in one transaction; resolves with how many entries of
 * the batch it settled (accepted or rejected). Entries the answer does not name stay in the outbox.
 */
export async function applyPushResponse(db: AppDB, batch: readonly OutboxEntry[], response: PushResponse, deviceId: string, nowMs: number): Promise<number> {
  const accepted = new Set(response.accepted);
  const rejected = new Map(response.rejected.map((r) => [r.mutationId, r]));
  try {
    return await db.transaction('rw', [...db.syncedTables(), db.outbox, db.rejected, db.meta], async () => {
      let settled = 0;
      const restore = new Map<string, { entity: EntityName; recordId: string; current: RecordVersion | null }>();
      for (const entry of batch) {
        const refusal = rejected.get(entry.mutationId);
        if (!accepted.has(entry.mutationId) && refusal === undefined) continue;
        if (refusal !== undefined && refusal.current && isErasedRecord(entry.entity, refusal.current.data)) {
          restore.set(`${entry.entity}\u0000${entry.recordId}`, { entity: entry.entity, recordId: entry.recordId, current: refusal.current });
        } else if (refusal !== undefined) {
          const kept = { ...entry, reason: refusal.reason, rejectedAtMs: nowMs };
          delete kept.seq;
          await db.rejected.add(kept);
          if (refusal.current !== undefined) restore.set(`${entry.entity}\u0000${entry.recordId}`, { entity: entry.entity, recordId: entry.recordId, current: refusal.current });
        }
        if (entry.seq !== undefined) await db.outbox.delete(entry.seq);
        settled += 1;
      }
      const stamps: unknown[] = [];
      for (const { entity, recordId, current } of restore.values()) {
        const pending = await db.outbox.where('[entity+recordId]').equals([entity, recordId]).sortBy('seq');
        const table = db.table<Record<string, unknown>, string>(entity);
        if (current && isErasedRecord(entity, current.data)) {
          await forgetErased(db, entity, { ...current.data, id: recordId });
          stamps.push(current.data.hlc);
        } else if (current) {
          await table.put(overlayPending({ ...current.data, id: recordId, deleted: current.deleted }, pending));
          stamps.push(current.data.hlc);
        } else if (pending.length === 0) {
          await table.delete(recordId);
        }
      }
      if (restore.size > 0) {
        // The HLC moves forward with every write of a synced record (the tap's fast path checks it).
        const hlc = (await getMeta(db, 'hlc')) ?? null;
        const newest = newestStamp(stamps);
        await setMeta(db, 'hlc', newest !== null ? receiveWithin(hlc, newest, nowMs, deviceId, DEFAULT_CLOCK_TOLERANCE_MS) : nextLocalStamp(hlc, nowMs, deviceId));
      }
      return settled;
    });
  } catch (error) {
    throw toStorageError(error);
  }
}
