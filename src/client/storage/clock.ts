/**
 * The device's offset to the server's clock (issue 13), kept in `meta.clockOffsetMs`, and the
 * stamps it corrects. The offset is learned from the server's time in every sync answer; the
 * device's "now" for stamps and for "today" is its own clock plus the offset. When the offset is
 * first learned (after sign-in, or on a device updated from an app without it), every unsent
 * change was stamped with the uncorrected clock, so each is moved by the offset; when it later
 * changes (the tablet's clock was moved while offline), the unsent changes stamped ahead of the
 * corrected time are moved back by the change. A change the server refused as `clockAhead` is
 * stamped again at the corrected time. Stamps keep their write order; the rule is the domain's
 * (domain/sync/clock.ts). The device's HLC is moved back too when it was ahead, or every later
 * change would carry the future time.
 */
import { CLOCK_WARNING_MS, newestStamp, receiveWithin, restampInOrder, stampAhead, tickHlc } from '../../domain';
import type { AppDB, OutboxEntry } from './db';
import { toStorageError } from './errors';
import { getMeta, setMeta } from './meta';

/** A new offset closer than this to the kept one is noise of the round trip: nothing changes. */
export const OFFSET_NOISE_MS = 1_000;

/** Rewrites the stamps of `entries` (in write order) and moves the HLC back from the future. */
async function restamp(db: AppDB, entries: readonly OutboxEntry[], next: readonly string[], nowMs: number, deviceId: string, resetHlc: boolean): Promise<void> {
  const moved: string[] = [];
  for (const [i, entry] of entries.entries()) {
    if (next[i] === entry.hlc || entry.seq === undefined) continue;
    await db.outbox.update(entry.seq, { hlc: next[i]! });
    moved.push(next[i]!);
  }
  const hlc = (await getMeta(db, 'hlc')) ?? null;
  if (resetHlc || (hlc !== null && stampAhead(hlc, nowMs, CLOCK_WARNING_MS))) {
    await setMeta(db, 'hlc', receiveWithin(null, newestStamp(next), nowMs, deviceId, CLOCK_WARNING_MS));
  } else if (moved.length > 0) {
    await setMeta(db, 'hlc', tickHlc(hlc, nowMs, deviceId));
  }
}

/**
 * Keeps `offsetMs` (the server's clock minus this device's) measured at the device's `deviceNowMs`,
 * and corrects the unsent stamps as described above, in one transaction. Resolves with the offset
 * now kept (the old one when the new one is within the noise).
 */
export async function adoptClockOffset(db: AppDB, offsetMs: number, deviceNowMs: number, deviceId: string): Promise<number> {
  try {
    return await db.transaction('rw', [db.outbox, db.meta], async () => {
      const old = await getMeta(db, 'clockOffsetMs');
      if (old !== undefined && Math.abs(offsetMs - old) < OFFSET_NOISE_MS) return old;
      await setMeta(db, 'clockOffsetMs', offsetMs);
      const nowMs = deviceNowMs + offsetMs;
      const entries = await db.outbox.orderBy('seq').toArray();
      const first = old === undefined;
      const ahead = (stamp: string) => first || stampAhead(stamp, nowMs, CLOCK_WARNING_MS);
      const next = restampInOrder(entries.map((e) => e.hlc), first ? offsetMs : offsetMs - old, nowMs, ahead);
      await restamp(db, entries, next, nowMs, deviceId, first);
      return offsetMs;
    });
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Stamps the entries the server refused as `clockAhead` again at the corrected time `nowMs`. */
export async function restampRefused(db: AppDB, mutationIds: ReadonlySet<string>, nowMs: number, deviceId: string): Promise<void> {
  try {
    await db.transaction('rw', [db.outbox, db.meta], async () => {
      const entries = await db.outbox.orderBy('seq').toArray();
      const next = restampInOrder(entries.map((e) => e.hlc), 0, nowMs, (_, i) => mutationIds.has(entries[i]!.mutationId));
      await restamp(db, entries, next, nowMs, deviceId, false);
    });
  } catch (error) {
    throw toStorageError(error);
  }
}
