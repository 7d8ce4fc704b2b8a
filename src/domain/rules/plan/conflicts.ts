/**
 * The planner's warnings: what in a set of occurrences cannot happen as planned, or breaks a rule.
 * Shown on the week view and before an activity is saved (`conflictsForDraft`); they are warnings,
 * never refusals: the coordinator knows things the data does not (a room shared on purpose).
 *
 * - roomDoubleBooked, staffDoubleBooked, participantOverlap: two occurrences on the same day whose
 *   times overlap (half-open: 9:00–10:00 and 10:00–11:00 do not) use the same room, staff member or
 *   participant (after substitutes and moves).
 * - overCapacity: the expected audience exceeds the smaller of the activity's and the room's capacity.
 * - outsideOpeningHours: the occurrence starts before the unit opens or ends after it closes on that
 *   weekday, or the unit has no hours that weekday.
 * - staffRatio (WTZ only, Dz.U. 2021 poz. 2284 § 13): more than five participants per person
 *   working directly with them, i.e. audience > 5 × staff (a class with no staff and any audience).
 */
import { weekdayOf } from '../../calendar';
import type { Day } from '../../primitives';
import type { Participant } from '../../entities/participant';
import type { Room } from '../../entities/room';
import type { Unit } from '../../entities/unit';
import { audienceMemo } from './audience';
import { overlappingPairs } from './intervals';
import type { SessionOccurrence } from './occurrences';

/** WTZ: at most this many participants per person working directly with them. */
export const WTZ_PARTICIPANTS_PER_STAFF = 5;

export const PLAN_CONFLICT_KINDS = [
  'unitClosed', 'outsideOpeningHours', 'roomDoubleBooked', 'staffDoubleBooked', 'participantOverlap', 'overCapacity', 'staffRatio',
] as const;
/** `unitClosed` comes only from `conflictsForDraft` (a planned occurrence the closed unit drops). */
export type PlanConflictKind = (typeof PLAN_CONFLICT_KINDS)[number];

/** One warning of the planner. */
export interface PlanConflict {
  kind: PlanConflictKind;
  day: Day;
  /** The occurrences involved (their session ids), sorted: two for a double booking, one otherwise. */
  occurrenceIds: string[];
  /**
   * What the conflict is about: the room, staff member or participant shared; for overCapacity the
   * room or activity whose capacity is exceeded; the activity for staffRatio; the unit otherwise.
   */
  subjectId: string;
  /** overCapacity and staffRatio: the expected audience; null for the other kinds. */
  count: number | null;
  /** overCapacity: the capacity; staffRatio: 5 × staff; null for the other kinds. */
  limit: number | null;
}

/** What the checks need besides the occurrences. */
export interface PlanContext {
  participants: readonly Participant[];
  unit: Pick<Unit, 'id' | 'kind' | 'openingHours'>;
  rooms: readonly Room[];
}

const KIND_ORDER = new Map<PlanConflictKind, number>(PLAN_CONFLICT_KINDS.map((k, i) => [k, i]));

/** Orders conflicts by day, kind, subject, then occurrences. */
export function compareConflicts(a: PlanConflict, b: PlanConflict): number {
  const ids = (c: PlanConflict) => c.occurrenceIds.join(' ');
  return a.day.localeCompare(b.day) || (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0)
    || a.subjectId.localeCompare(b.subjectId) || ids(a).localeCompare(ids(b));
}

/** A conflict record; `count` and `limit` stay null for the kinds that do not count. */
export function conflict(
  kind: PlanConflictKind, day: Day, occurrenceIds: string[], subjectId: string, count: number | null = null, limit: number | null = null,
): PlanConflict {
  return { kind, day, occurrenceIds: [...occurrenceIds].sort(), subjectId, count, limit };
}

/** Groups occurrences by a key taken from each (one occurrence may carry several keys). */
function groupBy(list: readonly SessionOccurrence[], keys: (o: SessionOccurrence) => Iterable<string>): Map<string, SessionOccurrence[]> {
  const map = new Map<string, SessionOccurrence[]>();
  for (const o of list) {
    for (const k of keys(o)) {
      const group = map.get(k);
      if (group) group.push(o);
      else map.set(k, [o]);
    }
  }
  return map;
}

/** Double bookings of one kind within one day's occurrences. */
function doubleBookings(
  kind: 'roomDoubleBooked' | 'staffDoubleBooked' | 'participantOverlap', day: Day, dayList: readonly SessionOccurrence[],
  keys: (o: SessionOccurrence) => Iterable<string>, out: PlanConflict[],
): void {
  for (const [subject, group] of groupBy(dayList, keys)) {
    if (group.length < 2) continue;
    for (const [a, b] of overlappingPairs(group)) out.push(conflict(kind, day, [a.sessionId, b.sessionId], subject));
  }
}

/** Every conflict among `occurrences` (any days), in day, kind and subject order. */
export function planConflicts(occurrences: readonly SessionOccurrence[], ctx: PlanContext): PlanConflict[] {
  const out: PlanConflict[] = [];
  const audienceOf = audienceMemo(ctx.participants);
  const rooms = new Map(ctx.rooms.map((r) => [r.id, r]));
  const hours = new Map(ctx.unit.openingHours.map((h) => [h.weekday, h]));
  const wtz = ctx.unit.kind === 'wtz';

  for (const o of occurrences) {
    const h = hours.get(weekdayOf(o.day));
    if (!h || o.startTime < h.open || o.endTime > h.close) out.push(conflict('outsideOpeningHours', o.day, [o.sessionId], ctx.unit.id));
    const audience = audienceOf(o.activity, o.day).length;
    const roomCap = o.roomId ? (rooms.get(o.roomId)?.capacity ?? null) : null;
    const ownCap = o.activity.capacity;
    const byRoom = roomCap !== null && (ownCap === null || roomCap < ownCap);
    const cap = byRoom ? roomCap : ownCap;
    if (cap !== null && audience > cap) {
      out.push(conflict('overCapacity', o.day, [o.sessionId], byRoom && o.roomId ? o.roomId : o.activityId, audience, cap));
    }
    const staffLimit = WTZ_PARTICIPANTS_PER_STAFF * new Set(o.staffIds).size;
    if (wtz && audience > staffLimit) out.push(conflict('staffRatio', o.day, [o.sessionId], o.activityId, audience, staffLimit));
  }

  for (const [day, dayList] of groupBy(occurrences, (o) => [o.day])) {
    doubleBookings('roomDoubleBooked', day, dayList, (o) => (o.roomId ? [o.roomId] : []), out);
    doubleBookings('staffDoubleBooked', day, dayList, (o) => new Set(o.staffIds), out);
    doubleBookings('participantOverlap', day, dayList, (o) => audienceOf(o.activity, o.day).map((p) => p.id), out);
  }
  return out.sort(compareConflicts);
}
