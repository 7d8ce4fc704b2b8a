/**
 * Editing a bus run: moving a stop in the order, giving the stops sort keys that change as few
 * records as possible (each stop is its own synced record, so a move that rewrites one position
 * syncs as one field of one record and merges with a colleague's edit of another stop), and
 * checking the vehicle's capacity against the passengers' mobility aids. Pure: no clock, no storage.
 */
import type { MobilityAid, Participant } from '../entities/participant';
import type { Route } from '../entities/route';

/** A new array with the item at `from` moved to `to` (both clamped to the list); the input is untouched. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length) return out;
  const target = Math.max(0, Math.min(out.length - 1, to));
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item as T);
  return out;
}

/** Indexes of a longest strictly increasing subsequence of `values` (the stops that may keep their keys). */
function longestIncreasing(values: readonly number[]): number[] {
  const tails: number[] = [];
  const prev: number[] = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) out.push(i);
  return out.reverse();
}

/**
 * Sort keys for stops in their new order. `current` holds each stop's stored key (null for a new
 * stop). The largest set of stops already in increasing order keeps its keys; the others get keys
 * spread evenly between their kept neighbours (one step of 1 before the first or after the last).
 * Returns every stop's key, in order; compare with `current` to write only the changed ones.
 */
export function planPositions(current: readonly (number | null)[]): number[] {
  const known = current.map((p, i) => ({ p, i })).filter((x): x is { p: number; i: number } => x.p !== null && Number.isFinite(x.p));
  const keep = new Set(longestIncreasing(known.map((x) => x.p)).map((k) => known[k]!.i));
  const out = current.map((p, i) => (keep.has(i) ? (p as number) : NaN));
  let i = 0;
  while (i < out.length) {
    if (!Number.isNaN(out[i]!)) { i += 1; continue; }
    let j = i;
    while (j < out.length && Number.isNaN(out[j]!)) j += 1;
    const before = i > 0 ? out[i - 1]! : null;
    const after = j < out.length ? out[j]! : null;
    const gap = j - i;
    for (let k = 0; k < gap; k += 1) {
      if (before !== null && after !== null) out[i + k] = before + ((after - before) * (k + 1)) / (gap + 1);
      else if (before !== null) out[i + k] = before + k + 1;
      else if (after !== null) out[i + k] = after - (gap - k);
      else out[i + k] = k + 1;
    }
    i = j;
  }
  // Keys squeezed below what a double can tell apart: number them afresh (rare; rewrites every stop).
  for (let k = 1; k < out.length; k += 1) if (!(out[k]! > out[k - 1]!)) return out.map((_, n) => n + 1);
  return out;
}

/** What a run needs of its vehicle and whether it fits. */
export interface RouteCapacity {
  /** Passengers on ordinary seats (everyone not in a wheelchair). */
  seatsNeeded: number;
  /** Passengers travelling in their wheelchair. */
  wheelchairsNeeded: number;
  seats: number;
  wheelchairPlaces: number;
  overSeats: boolean;
  overWheelchairs: boolean;
  /** Participants listed at more than one stop (each counted once above). */
  duplicates: string[];
  /** Stops (by index) planned earlier than the stop before them. */
  timesOutOfOrder: number[];
}

/** A stop as the check reads it. */
export interface CapacityStop { participantId: string; plannedTime: string }

/** Wheelchair users take a wheelchair place; everyone else a seat. */
export function needsWheelchairPlace(aid: MobilityAid): boolean {
  return aid === 'wheelchair';
}

/**
 * Checks a run's stops against its vehicle. People no longer active (discharged, deleted) are not
 * counted: they will not travel. An unknown participant counts as a seat (better a false warning
 * than a missing one).
 */
export function routeCapacity(
  vehicle: Pick<Route, 'seats' | 'wheelchairPlaces'>, stops: readonly CapacityStop[], participants: readonly Participant[],
): RouteCapacity {
  const byId = new Map(participants.map((p) => [p.id, p]));
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  let seatsNeeded = 0;
  let wheelchairsNeeded = 0;
  for (const s of stops) {
    if (seen.has(s.participantId)) { duplicates.add(s.participantId); continue; }
    seen.add(s.participantId);
    const p = byId.get(s.participantId);
    if (p && (p.deleted || p.status === 'discharged')) continue;
    if (p && needsWheelchairPlace(p.transport.mobilityAid)) wheelchairsNeeded += 1;
    else seatsNeeded += 1;
  }
  const timesOutOfOrder: number[] = [];
  for (let i = 1; i < stops.length; i += 1) if (stops[i]!.plannedTime < stops[i - 1]!.plannedTime) timesOutOfOrder.push(i);
  return {
    seatsNeeded, wheelchairsNeeded, seats: vehicle.seats, wheelchairPlaces: vehicle.wheelchairPlaces,
    overSeats: seatsNeeded > vehicle.seats, overWheelchairs: wheelchairsNeeded > vehicle.wheelchairPlaces,
    duplicates: [...duplicates], timesOutOfOrder,
  };
}

/** True when the check found something to confirm before saving. */
export function capacityProblems(c: RouteCapacity): boolean {
  return c.overSeats || c.overWheelchairs || c.duplicates.length > 0;
}
