/**
 * Applying what the server sent. A pulled record replaces the local one, except for the fields
 * this device changed and has not had acknowledged yet: those stay as the user left them (they
 * are on their way to the server, which merges them by HLC and sends the result back). Server
 * tombstones remove the row unless a local change is pending; an erased person's tombstone
 * replaces the row and takes this device's unsent and refused changes of the person with it
 * (erasure.ts). The whole page and the new cursor
 * commit in one transaction, so a crash mid-page pulls the page again instead of skipping it.
 * The overlay of unsent changes is the domain's (overlayPending, the merge rules' one home).
 */
import { DEFAULT_CLOCK_TOLERANCE_MS, isErasedRecord, newestStamp, nextLocalStamp, overlayPending, parseHlc, receiveWithin, tickHlc, type EntityName } from '../../domain';
import type { PulledChange } from '../../protocol';
import type { AppDB, OutboxEntry } from './db';
import { forgetErased } from './erasure';
import { toStorageError } from './errors';
import { getMeta, setMeta } from './meta';

/**
 * Stores a page of pulled changes and advances the cursor, in one transaction. Bulk writes per
 * table (an initial sync is tens of thousands of records); the outbox is read once per page.
 */
export async function applyPulledChanges(
  db: AppDB, changes: readonly PulledChange[], cursor: number, deviceId: string, nowMs: number,
): Promise<void> {
  try {
    await db.transaction('rw', [...db.syncedTables(), db.outbox, db.rejected, db.meta], async () => {
      const pending = new Map<string, OutboxEntry[]>();
      for (const entry of await db.outbox.orderBy('seq').toArray()) {
        const key = `${entry.entity}\u0000${entry.recordId}`;
        const list = pending.get(key);
        if (list) list.push(entry);
        else pending.set(key, [entry]);
      }
      // The last change of a record in the page wins (pages are in sequence order).
      const last = new Map<string, PulledChange>();
      for (const change of changes) last.set(`${change.entity}\u0000${change.recordId}`, change);
      const newest = newestStamp(changes.map((c) => c.data.hlc));
      const puts = new Map<EntityName, Record<string, unknown>[]>();
      const deletes = new Map<EntityName, string[]>();
      const add = <T>(map: Map<EntityName, T[]>, entity: EntityName, item: T) => {
        const list = map.get(entity);
        if (list) list.push(item);
        else map.set(entity, [item]);
      };
      for (const [key, change] of last) {
        const entity = change.entity as EntityName;
        const mine = pending.get(key);
        if (isErasedRecord(entity, change.data)) {
          await forgetErased(db, entity, { ...change.data, id: change.recordId });
        } else if (mine) {
          add(puts, entity, overlayPending({ ...change.data, id: change.recordId, deleted: change.deleted }, mine));
        } else if (change.deleted) {
          add(deletes, entity, change.recordId);
        } else {
          add(puts, entity, { ...change.data, id: change.recordId });
        }
      }
      for (const [entity, ids] of deletes) await db.table(entity).bulkDelete(ids);
      for (const [entity, rows] of puts) await db.table(entity).bulkPut(rows);
      const hlc = (await getMeta(db, 'hlc')) ?? null;
      // The HLC moves forward with every write of a synced record (the tap's fast path checks it),
      // but never to a stamp ahead of the corrected time by more than the tolerance (issue 13).
      if (newest !== null) await setMeta(db, 'hlc', receiveWithin(hlc, newest, nowMs, deviceId, DEFAULT_CLOCK_TOLERANCE_MS));
      else if (last.size > 0) await setMeta(db, 'hlc', nextLocalStamp(hlc, nowMs, deviceId));
      await setMeta(db, 'cursor', cursor);
    });
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Forgets every pulled record and the cursor (a full resync), keeping the outbox and the session. */
export async function resetForFullResync(db: AppDB): Promise<void> {
  try {
    await db.transaction('rw', [...db.syncedTables(), db.outbox, db.rejected, db.meta], async () => {
      const pending = await db.outbox.toArray();
      const keep = new Map<string, Record<string, unknown>>();
      for (const entry of pending) {
        const key = `${entry.entity}\u0000${entry.recordId}`;
        if (keep.has(key)) continue;
        const row = await db.table<Record<string, unknown>, string>(entry.entity).get(entry.recordId);
        if (row) keep.set(key, row);
      }
      for (const table of db.syncedTables()) await table.clear();
      for (const [key, row] of keep) await db.table(key.split('\u0000')[0] as string).put(row);
      await setMeta(db, 'cursor', 0);
      // The HLC moves forward with every write of a synced record (the tap's fast path checks it).
      const hlc = await getMeta(db, 'hlc');
      if (hlc) await setMeta(db, 'hlc', tickHlc(hlc, 0, parseHlc(hlc).device));
    });
  } catch (error) {
    throw toStorageError(error);
  }
}
