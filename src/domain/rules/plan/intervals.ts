/**
 * Time intervals of one day as half-open minute ranges [start, end): a class 9:00–10:00 and the
 * next one 10:00–11:00 share a boundary, not a minute, so they do not overlap.
 */
import { minutesOf } from '../../time-of-day';
import type { Time } from '../../primitives';

/** Something that happens from `startTime` to `endTime` on one day. */
export interface Timed { startTime: Time; endTime: Time }

/** True when the two intervals share at least one minute. */
export function overlaps(a: Timed, b: Timed): boolean {
  return a.startTime < b.endTime && b.startTime < a.endTime;
}

/**
 * Every pair of items whose intervals overlap, each pair once, earlier start first. A sweep over
 * the items sorted by start: only intervals still running at a start can overlap it.
 */
export function overlappingPairs<T extends Timed>(items: readonly T[]): [T, T][] {
  const sorted = [...items].sort((a, b) => a.startTime.localeCompare(b.startTime) || a.endTime.localeCompare(b.endTime));
  const pairs: [T, T][] = [];
  let running: T[] = [];
  for (const item of sorted) {
    running = running.filter((r) => r.endTime > item.startTime);
    for (const r of running) pairs.push([r, item]);
    running.push(item);
  }
  return pairs;
}

/** Minutes covered by the union of the intervals (time spent in two overlapping classes counts once). */
export function unionMinutes(items: readonly Timed[]): number {
  const sorted = [...items].sort((a, b) => a.startTime.localeCompare(b.startTime));
  let total = 0;
  let start = -1;
  let end = -1;
  for (const item of sorted) {
    const s = minutesOf(item.startTime);
    const e = Math.max(s, minutesOf(item.endTime));
    if (s > end) {
      total += end - start;
      start = s;
      end = e;
    } else if (e > end) {
      end = e;
    }
  }
  return total + (end - start);
}
