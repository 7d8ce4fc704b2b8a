/**
 * WTZ class hours per participant (Dz.U. 2021 poz. 2284 § 8): at most 7 hours a day and 35 a week;
 * a shorter week reduces the workshop's funding in proportion, so shortfalls are shown as well as
 * excesses. Minutes are counted from the planned occurrences each participant is expected at; time
 * in two overlapping classes counts once (nobody is in two places at once; the overlap itself is a
 * `participantOverlap` conflict). Weeks are ISO weeks, Monday to Sunday, named by their Monday.
 */
import { addDays, isUnitOpen, startOfWeek } from '../../calendar';
import type { Day } from '../../primitives';
import type { Participant } from '../../entities/participant';
import { WTZ_MAX_DAILY_HOURS, type Unit } from '../../entities/unit';
import { isExpectedOn } from '../expected';
import { audienceMemo } from './audience';
import { unionMinutes, type Timed } from './intervals';
import type { SessionOccurrence } from './occurrences';

/** WTZ regulation: at most 35 hours of classes a week. */
export const WTZ_MAX_WEEKLY_HOURS = 35;

const weekStarts = new Map<Day, Day>();

/** The Monday of `day`'s week, memoised (sorting and grouping ask for it thousands of times). */
function weekOf(day: Day): Day {
  let w = weekStarts.get(day);
  if (w === undefined) {
    if (weekStarts.size > 5000) weekStarts.clear();
    weekStarts.set(day, (w = startOfWeek(day)));
  }
  return w;
}

/** Planned minutes of one participant: per day and per week (Monday), both in day order. */
export interface ParticipantHours {
  participantId: string;
  days: { day: Day; minutes: number }[];
  weeks: { weekStart: Day; minutes: number }[];
}

/**
 * Planned minutes per participant, per day and per ISO week, from `occurrences`. Only participants
 * with at least one minute are listed, in the order of `participants`.
 */
export function plannedHours(occurrences: readonly SessionOccurrence[], participants: readonly Participant[]): ParticipantHours[] {
  const audienceOf = audienceMemo(participants);
  const intervals = new Map<string, Map<Day, Timed[]>>();
  for (const o of occurrences) {
    for (const p of audienceOf(o.activity, o.day)) {
      let byDay = intervals.get(p.id);
      if (!byDay) intervals.set(p.id, (byDay = new Map()));
      const list = byDay.get(o.day);
      if (list) list.push(o);
      else byDay.set(o.day, [o]);
    }
  }
  const out: ParticipantHours[] = [];
  for (const p of participants) {
    const byDay = intervals.get(p.id);
    if (!byDay) continue;
    const days = [...byDay].map(([day, list]) => ({ day, minutes: unionMinutes(list) })).sort((a, b) => a.day.localeCompare(b.day));
    const weekly = new Map<Day, number>();
    for (const d of days) {
      const w = weekOf(d.day);
      weekly.set(w, (weekly.get(w) ?? 0) + d.minutes);
    }
    out.push({ participantId: p.id, days, weeks: [...weekly].map(([weekStart, minutes]) => ({ weekStart, minutes })) });
  }
  return out;
}

/** A WTZ hours warning. `day` is the day, or the Monday of the week for the weekly kinds. */
export interface HoursIssue {
  kind: 'dayOverLimit' | 'weekOverLimit' | 'dayShortfall' | 'weekShortfall';
  participantId: string;
  day: Day;
  minutes: number;
  /** The legal maximum (over) or the target (shortfall), in minutes. */
  limit: number;
}

const ISSUE_ORDER: Record<HoursIssue['kind'], number> = { dayOverLimit: 0, dayShortfall: 0, weekOverLimit: 1, weekShortfall: 1 };

/**
 * The WTZ hours warnings of `unit`'s participants from `fromDay` to `toDay` (none for other kinds
 * of unit: the 7/35-hour rule is the WTZ regulation's).
 * - over: a day over 7 hours, or a week over 35 hours (also in a week only partly in the range:
 *   its in-range days alone are already too many);
 * - shortfall: a day on which the participant is expected and the unit open, planned under the
 *   unit's daily target (capped at 7 h); a week fully inside the range planned under the target
 *   of its expected days (so a week with a holiday is measured against four days, not five).
 * Issues are ordered by participant (as given), then week: the week's day issues in day order,
 * then the week's own issue.
 */
export function wtzHoursIssues(
  occurrences: readonly SessionOccurrence[], participants: readonly Participant[],
  unit: Pick<Unit, 'id' | 'kind' | 'openingHours' | 'closedDays' | 'dailyHoursTarget'>, fromDay: Day, toDay: Day,
): HoursIssue[] {
  if (unit.kind !== 'wtz' || toDay < fromDay) return [];
  const own = participants.filter((p) => p.unitId === unit.id);
  const inRange = occurrences.filter((o) => fromDay <= o.day && o.day <= toDay);
  const hours = new Map(plannedHours(inRange, own).map((h) => [h.participantId, new Map(h.days.map((d) => [d.day, d.minutes]))]));
  const dayMax = WTZ_MAX_DAILY_HOURS * 60;
  const weekMax = WTZ_MAX_WEEKLY_HOURS * 60;
  const dayTarget = Math.round(Math.min(unit.dailyHoursTarget, WTZ_MAX_DAILY_HOURS) * 60);
  const days: { day: Day; open: boolean; weekStart: Day }[] = [];
  for (let day = fromDay; day <= toDay; day = addDays(day, 1)) days.push({ day, open: isUnitOpen(unit, day), weekStart: weekOf(day) });
  const fullWeek = new Map(days.map((d) => [d.weekStart, d.weekStart >= fromDay && addDays(d.weekStart, 6) <= toDay]));

  const out: HoursIssue[] = [];
  for (const p of own) {
    const planned = hours.get(p.id) ?? new Map<Day, number>();
    const issues: HoursIssue[] = [];
    const weeks = new Map<Day, { minutes: number; target: number }>();
    for (const { day, open, weekStart } of days) {
      const minutes = planned.get(day) ?? 0;
      const expected = open && isExpectedOn(p, day);
      let w = weeks.get(weekStart);
      if (!w) weeks.set(weekStart, (w = { minutes: 0, target: 0 }));
      w.minutes += minutes;
      if (expected) w.target += dayTarget;
      if (minutes > dayMax) issues.push({ kind: 'dayOverLimit', participantId: p.id, day, minutes, limit: dayMax });
      else if (expected && minutes < dayTarget) issues.push({ kind: 'dayShortfall', participantId: p.id, day, minutes, limit: dayTarget });
    }
    for (const [weekStart, w] of weeks) {
      const target = Math.min(w.target, weekMax);
      if (w.minutes > weekMax) issues.push({ kind: 'weekOverLimit', participantId: p.id, day: weekStart, minutes: w.minutes, limit: weekMax });
      else if (fullWeek.get(weekStart) === true && w.minutes < target) {
        issues.push({ kind: 'weekShortfall', participantId: p.id, day: weekStart, minutes: w.minutes, limit: target });
      }
    }
    out.push(...issues.sort((a, b) => weekOf(a.day).localeCompare(weekOf(b.day))
      || ISSUE_ORDER[a.kind] - ISSUE_ORDER[b.kind] || a.day.localeCompare(b.day)));
  }
  return out;
}
