/**
 * What the planner's week grid draws, computed from the week's occurrences: the occurrences a
 * filter keeps (a room, a staff member, one participant's own week), the lanes of overlapping
 * blocks in a day column, the time axis and each occurrence's conflicts. Pure and unit-tested.
 */
import {
  comparePolish, minutesOf, type Day, type Participant, type PlanConflict, type SessionOccurrence,
} from '../../../../domain';
import { audienceMemo } from '../../../../domain/rules/plan';
import type { CancelledOccurrence, PlanWeek } from '../../../state/plan';

/** Whose plan the grid shows. */
export type PlanFilter =
  | { kind: 'unit' }
  | { kind: 'room'; id: string }
  | { kind: 'staff'; id: string }
  | { kind: 'participant'; id: string };

/** "unit", "room:<id>", "staff:<id>", "participant:<id>": the value of the filter's select. */
export function filterValue(f: PlanFilter): string {
  return f.kind === 'unit' ? 'unit' : `${f.kind}:${f.id}`;
}

export function parseFilter(value: string): PlanFilter {
  const [kind, ...rest] = value.split(':');
  const id = rest.join(':');
  if ((kind === 'room' || kind === 'staff' || kind === 'participant') && id !== '') return { kind, id };
  return { kind: 'unit' };
}

/** The occurrences (and cancelled ones) the filter keeps, in the planner's order. */
export function filterWeek(week: Pick<PlanWeek, 'occurrences' | 'cancelled' | 'participants'>, f: PlanFilter): { occurrences: SessionOccurrence[]; cancelled: CancelledOccurrence[] } {
  if (f.kind === 'unit') return { occurrences: week.occurrences, cancelled: week.cancelled };
  if (f.kind === 'room') {
    return { occurrences: week.occurrences.filter((o) => o.roomId === f.id), cancelled: week.cancelled.filter((c) => c.activity.roomId === f.id) };
  }
  if (f.kind === 'staff') {
    return { occurrences: week.occurrences.filter((o) => o.staffIds.includes(f.id)), cancelled: week.cancelled.filter((c) => c.activity.staffIds.includes(f.id)) };
  }
  const audienceOf = audienceMemo(week.participants);
  const takesPart = (a: Parameters<typeof audienceOf>[0], day: Day) => audienceOf(a, day).some((p) => p.id === f.id);
  return {
    occurrences: week.occurrences.filter((o) => takesPart(o.activity, o.day)),
    cancelled: week.cancelled.filter((c) => takesPart(c.activity, c.day)),
  };
}

/** The participants of a week's occurrence (its expected audience on its day). */
export function audienceOf(participants: readonly Participant[], o: Pick<SessionOccurrence, 'activity' | 'day'>): Participant[] {
  return audienceMemo(participants)(o.activity, o.day);
}

/** A block of the grid: the item, its lane among the overlapping ones and how many lanes its group has. */
export interface Placed<T> { item: T; lane: number; lanes: number }

/**
 * Lanes for the blocks of one day column: overlapping blocks sit side by side, each group of
 * blocks connected by overlaps shares one lane count (as calendar apps lay out a busy day).
 */
export function placeInLanes<T extends { startTime: string; endTime: string }>(items: readonly T[]): Placed<T>[] {
  const sorted = [...items].sort((a, b) => a.startTime.localeCompare(b.startTime) || b.endTime.localeCompare(a.endTime));
  const out: Placed<T>[] = [];
  let group: Placed<T>[] = [];
  let laneEnds: string[] = [];
  let groupEnd = '';
  const close = () => {
    for (const p of group) p.lanes = laneEnds.length;
    out.push(...group);
    group = [];
    laneEnds = [];
  };
  for (const item of sorted) {
    if (group.length > 0 && item.startTime >= groupEnd) close();
    let lane = laneEnds.findIndex((end) => end <= item.startTime);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(item.endTime);
    } else {
      laneEnds[lane] = item.endTime;
    }
    group.push({ item, lane, lanes: 1 });
    if (group.length === 1 || item.endTime > groupEnd) groupEnd = item.endTime;
  }
  if (group.length > 0) close();
  return out;
}

/** The hours the time axis spans: from the earliest opening or start to the latest closing or end, whole hours. */
export function timeAxis(week: Pick<PlanWeek, 'days'>, items: readonly { startTime: string; endTime: string }[]): { from: number; to: number } {
  const starts = [...week.days.flatMap((d) => (d.hours ? [d.hours.open] : [])), ...items.map((i) => i.startTime)].map(minutesOf);
  const ends = [...week.days.flatMap((d) => (d.hours ? [d.hours.close] : [])), ...items.map((i) => i.endTime)].map(minutesOf);
  const from = starts.length ? Math.floor(Math.min(...starts) / 60) * 60 : 8 * 60;
  const to = ends.length ? Math.ceil(Math.max(...ends) / 60) * 60 : 16 * 60;
  return { from, to: Math.max(to, from + 60) };
}

/** The conflicts each occurrence takes part in, by session id. */
export function conflictsByOccurrence(conflicts: readonly PlanConflict[]): Map<string, PlanConflict[]> {
  const map = new Map<string, PlanConflict[]>();
  for (const c of conflicts) {
    for (const id of c.occurrenceIds) {
      const list = map.get(id);
      if (list) list.push(c);
      else map.set(id, [c]);
    }
  }
  return map;
}

/** The activity id inside a session id (`s:<activity>:<day>`). */
export function activityIdOf(sessionId: string): string {
  return sessionId.slice(2, sessionId.lastIndexOf(':'));
}

/** Names in Polish order, for the filter's lists. */
export function sortByLabel<T>(items: readonly T[], label: (item: T) => string): T[] {
  return [...items].sort((a, b) => comparePolish(label(a), label(b)));
}
