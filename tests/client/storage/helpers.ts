// A fresh device database per test (fake-indexeddb) and a write context with a hand-moved clock.
import { AppDB } from '../../../src/client/storage/db';
import type { WriteContext } from '../../../src/client/storage/write';

let counter = 0;

export function freshDb(): AppDB {
  counter += 1;
  return new AppDB(`test-${Date.now()}-${counter}-${Math.random().toString(36).slice(2)}`);
}

export function clock(startMs = Date.UTC(2026, 10, 23, 8, 0)): { nowMs: () => number; advance: (ms: number) => void } {
  let t = startMs;
  return { nowMs: () => t, advance: (ms) => { t += ms; } };
}

export function context(nowMs: () => number, deviceId = 'dev-a'): WriteContext {
  return { deviceId, userId: 'user-1', organizationId: 'org-1', nowMs };
}

/** The fields of a new room of unit-1 (the smallest synced entity). */
export function roomPatch(name = 'Pracownia stolarska') {
  return { unitId: 'unit-1', name, isStudio: true, capacity: 8 };
}
