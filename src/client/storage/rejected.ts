/**
 * The changes the server refused for good (the local `rejected` table, filled by push-apply.ts
 * when the server refuses a mutation and by the sync engine when it sets an entry aside unsent:
 * unreadable, or too large to send). The sync card lists them so the user knows a change did not
 * reach the server: the kind of record, the reason and when, never the values.
 */
import type { EntityName } from '../../domain';
import type { AppDB } from './db';

/** One refused change as the screens may show it. */
export interface RejectedChange {
  /** The local order of the refusal (a stable key for a list). */
  seq: number;
  entity: EntityName;
  /** The server's reason code (`payloadTooLarge`, `invalidRecord`, `forbidden`...). */
  reason: string;
  rejectedAtMs: number;
}

export interface RejectedChanges {
  /** How many changes were refused in all. */
  total: number;
  /** The newest refusals first, at most the limit asked for. */
  newest: RejectedChange[];
}

/** The refused changes of this device: the count and the newest `limit` of them. */
export async function listRejectedChanges(db: AppDB, limit: number): Promise<RejectedChanges> {
  const [total, rows] = await Promise.all([db.rejected.count(), db.rejected.orderBy(':id').reverse().limit(limit).toArray()]);
  return { total, newest: rows.map((r) => ({ seq: r.seq ?? 0, entity: r.entity, reason: r.reason, rejectedAtMs: r.rejectedAtMs })) };
}
