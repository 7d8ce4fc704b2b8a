/**
 * The month's meals of a unit, for the fees and for checking the kitchen's bills: per participant
 * the days a lunch was ordered and served, and the absences split by when they were reported
 * (before the day's order cut-off the lunch was not ordered; after it, or without a notice, it was
 * ordered and not eaten: what the unit's rules may charge); per day the lunches ordered and served.
 *
 * Rules (one place, so the screen, the print and the CSV agree):
 * - served: a present mark (served follows the day's present marks, due that day or not);
 * - ordered: the person was due on an open day and no notice reported in time covers the day
 *   (someone who came despite such a notice was served without an order);
 * - a notice is in time when reported before the day, or on the day at or before the cut-off time
 *   (a same-day notice without a time counts as late when the unit has a cut-off); with no cut-off
 *   every notice reported by the day is in time;
 * - a due day with an absent/excused mark and no notice is "absent without notice" (ordered);
 * - days after `until` (the future) are left out: nothing is known of them yet.
 */
import { daysOfMonth, isUnitOpen } from '../calendar';
import type { Day } from '../primitives';
import type { AbsenceNotice } from '../entities/absence-notice';
import type { DayMark } from '../entities/attendance';
import type { MealOrder } from '../entities/meal-order';
import { DIETS, type Diet, type Participant } from '../entities/participant';
import type { Unit } from '../entities/unit';
import { isExpectedOn, noticeCovers } from './expected';
import { sortPeople } from './polish-sort';

export interface MealPersonRow {
  participant: Participant;
  diet: Diet;
  /** Days a lunch was ordered for the person. */
  ordered: number;
  /** Days the person was present (a lunch handed out). */
  served: number;
  /** Due days covered by a notice reported before the cut-off (not ordered). */
  noticeInTime: number;
  /** Due days covered by a notice reported after the cut-off (ordered, not eaten). */
  noticeLate: number;
  /** Due days marked absent or excused with no notice (ordered, not eaten). */
  absentNoNotice: number;
}

export interface MealDayRow {
  day: Day;
  /** Lunches the rules order (participants due, without a notice in time). */
  ordered: number;
  /** The order as sent to the kitchen (participants' lunches plus extra), or null when none was sent. */
  sent: number | null;
  served: number;
}

export interface MealDietTotals { people: number; ordered: number; served: number }

export interface MealMonthSummary {
  month: string;
  /** The day the figures stand at when the month is not over yet ("stan na"); null for a finished month. */
  asOf: Day | null;
  /** Open days of the month up to `until`. */
  days: MealDayRow[];
  rows: MealPersonRow[];
  byDiet: Record<Diet, MealDietTotals>;
  totals: { ordered: number; served: number; sent: number; noticeInTime: number; noticeLate: number; absentNoNotice: number };
}

/** True when `notice` was reported in time to take `day`'s lunch off the order. */
export function noticeInTime(notice: Pick<AbsenceNotice, 'reportedOn' | 'reportedAt'>, day: Day, cutoff: string | null): boolean {
  if (notice.reportedOn < day) return true;
  if (notice.reportedOn > day) return false;
  if (cutoff === null) return true;
  return typeof notice.reportedAt === 'string' && notice.reportedAt <= cutoff;
}

function onMonth(p: Participant, first: Day, last: Day): boolean {
  return !p.deleted && p.admissionDate <= last && (p.dischargeDate === null || p.dischargeDate >= first);
}

export function mealMonthSummary(
  unit: Pick<Unit, 'id' | 'openingHours' | 'closedDays' | 'mealCutoffTime'>, participants: readonly Participant[],
  marks: readonly DayMark[], notices: readonly AbsenceNotice[], orders: readonly MealOrder[], month: string, until: Day,
): MealMonthSummary {
  const allDays = daysOfMonth(month);
  const first = allDays[0]!;
  const last = allDays[allDays.length - 1]!;
  const days = allDays.filter((d) => d <= until && isUnitOpen(unit, d));
  const people = sortPeople(participants.filter((p) => p.unitId === unit.id && onMonth(p, first, last)));
  const status = new Map<string, DayMark['status']>();
  for (const m of marks) if (!m.deleted && m.unitId === unit.id) status.set(`${m.participantId}|${m.day}`, m.status);
  const noticesOf = new Map<string, AbsenceNotice[]>();
  for (const n of notices) if (!n.deleted && n.unitId === unit.id) noticesOf.set(n.participantId, [...(noticesOf.get(n.participantId) ?? []), n]);
  const sentOf = new Map(orders.filter((o) => !o.deleted && o.unitId === unit.id && o.status === 'sent').map((o) => [o.day, o]));
  const dayRows: MealDayRow[] = days.map((day) => {
    const o = sentOf.get(day);
    return { day, ordered: 0, sent: o ? DIETS.reduce((a, d) => a + (o.counts[d] ?? 0), 0) + o.extra : null, served: 0 };
  });
  const byDiet = Object.fromEntries(DIETS.map((d) => [d, { people: 0, ordered: 0, served: 0 }])) as Record<Diet, MealDietTotals>;
  const rows: MealPersonRow[] = [];
  for (const p of people) {
    const row: MealPersonRow = { participant: p, diet: p.diet, ordered: 0, served: 0, noticeInTime: 0, noticeLate: 0, absentNoNotice: 0 };
    const own = noticesOf.get(p.id) ?? [];
    dayRows.forEach((dr) => {
      const s = status.get(`${p.id}|${dr.day}`);
      if (s === 'present') { row.served += 1; dr.served += 1; }
      if (!isExpectedOn(p, dr.day)) return;
      const covering = own.filter((n) => noticeCovers(n, dr.day));
      const inTime = covering.some((n) => noticeInTime(n, dr.day, unit.mealCutoffTime));
      // A notice in time took the lunch off the order; if the person came anyway, they were served (counted above).
      if (inTime) { if (s !== 'present') row.noticeInTime += 1; return; }
      row.ordered += 1;
      dr.ordered += 1;
      if (s === 'present') return;
      if (covering.length > 0) row.noticeLate += 1;
      else if (s === 'absent' || s === 'excused') row.absentNoNotice += 1;
    });
    if (row.ordered + row.served + row.noticeInTime === 0) continue;
    rows.push(row);
    byDiet[p.diet].people += 1;
    byDiet[p.diet].ordered += row.ordered;
    byDiet[p.diet].served += row.served;
  }
  const sum = (f: (r: MealPersonRow) => number) => rows.reduce((a, r) => a + f(r), 0);
  return {
    month, asOf: until < last ? until : null, days: dayRows, rows, byDiet,
    totals: {
      ordered: sum((r) => r.ordered), served: sum((r) => r.served), sent: dayRows.reduce((a, d) => a + (d.sent ?? 0), 0),
      noticeInTime: sum((r) => r.noticeInTime), noticeLate: sum((r) => r.noticeLate), absentNoNotice: sum((r) => r.absentNoNotice),
    },
  };
}
