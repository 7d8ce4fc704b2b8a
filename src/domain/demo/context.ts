/**
 * What every part of the demo generator shares: the seeded random source, "today" and "now"
 * (parameters, never the clock), the tenant and the admin who is the author of every record.
 */
import { formatHlc } from '../hlc';
import type { Day } from '../primitives';
import type { SyncMeta } from '../entities/meta';
import { mulberry32, seededUuidV7, type Rand } from './random';

export interface DemoContext {
  rand: Rand;
  today: Day;
  nowMs: number;
  /** The first day of the invented attendance history. */
  historyStart: Day;
  organizationId: string;
  adminId: string;
  /** The HLC stamp of every generated record. */
  hlc: string;
  /** A fresh UUIDv7-format id from the seeded source. */
  newId(): string;
  /** The sync fields of a new record with id `id`. */
  meta(id: string): SyncMeta;
}

/** A context for one generation run. */
export function createContext(seed: number, today: Day, nowMs: number, historyStart: Day): DemoContext {
  const rand = mulberry32(seed);
  const newId = () => seededUuidV7(rand, nowMs);
  const organizationId = newId();
  const adminId = newId();
  const hlc = formatHlc({ wall: nowMs, counter: 0, device: 'demo' });
  return {
    rand, today, nowMs, historyStart, organizationId, adminId, hlc, newId,
    meta: (id) => ({ id, organizationId, hlc, changedBy: adminId, deleted: false }),
  };
}
