/**
 * The repair of records stamped in the future (issue 13), written before the server refused such
 * stamps: a field stamped more than the tolerance ahead of the server's clock would beat every
 * correction until that time. Each such field stamp is re-issued at the server's now (the value
 * stays; any later correction now wins), the record gets a new sequence so every device pulls it,
 * the history rows stay as they were, and each repaired record is audited (entity, id and field
 * names only). Runs under the organization's write lock, so it is one transaction with no change
 * landing half-way; running it again finds nothing to do.
 */
import { formatHlc, newestStamp, stampAhead, type EntityName } from '../../domain';
import type { Store } from '../store/store';

/** The device id of the stamps the repair issues. */
export const REPAIR_DEVICE = 'server-clock-repair';

export interface ClockRepairResult {
  /** The repaired records of each entity. */
  records: Partial<Record<EntityName, number>>;
  /** How many field stamps were re-issued in all. */
  fields: number;
}

/** Re-stamps the future-stamped records of `organizationId` at `nowMs` (see above). */
export async function repairFutureStamps(store: Store, organizationId: string, opts: { nowMs: number; toleranceMs: number }): Promise<ClockRepairResult> {
  const { nowMs, toleranceMs } = opts;
  const stamp = formatHlc({ wall: nowMs, counter: 0, device: REPAIR_DEVICE });
  return store.write(organizationId, async (tx) => {
    const result: ClockRepairResult = { records: {}, fields: 0 };
    for (const { entity, id } of await tx.recordsStampedAfter(organizationId, nowMs + toleranceMs)) {
      const record = await tx.getRecord(organizationId, entity, id);
      if (!record) continue;
      const fields = Object.keys(record.fieldHlc).filter((f) => stampAhead(record.fieldHlc[f]!, nowMs, toleranceMs)).sort();
      const fieldHlc = { ...record.fieldHlc, ...Object.fromEntries(fields.map((f) => [f, stamp])) };
      const hlc = newestStamp(Object.values(fieldHlc)) ?? stamp;
      await tx.saveRecord(organizationId, { entity, id, data: { ...record.data, hlc }, fieldHlc, hlc, deleted: record.deleted });
      await tx.audit(organizationId, { atMs: nowMs, userId: null, deviceId: null, action: 'clockRepair', entity, recordId: id, details: { fields } });
      result.records[entity] = (result.records[entity] ?? 0) + 1;
      result.fields += fields.length;
    }
    return result;
  });
}
