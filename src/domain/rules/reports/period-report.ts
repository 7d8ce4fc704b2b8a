/**
 * The report of one unit over a period (month, quarter, year), built from the monthly sheets of
 * its months and nothing else for attendance: every person's present, absent and excused days are
 * the sums of their rows on those sheets, and the unit's person-days the sum of the sheets' totals,
 * so a funder report always reconciles with the signed sheets (a property test checks it).
 *
 * On top of the sheets it reads, per person: the reason of each absence (the mark's reason, or the
 * notice's for a day excused by a notice; "unspecified" otherwise), the hours attended (see
 * `hours.ts`) and the longest run of absence: due days in a row, across month ends, marked absent
 * or excused (a present day or an unmarked due day ends the run; days the person was not due are
 * skipped). For the unit: the people served (present at least once), the person-days, the meals
 * served (one hot meal per present day when the unit serves meals, as in Senior+ homes) and the
 * activities held by category (the planned occurrences after cancellations and moves).
 *
 * As of a day (issue 13): a period not over yet counts only the days up to `asOf` (today): the
 * sheets are built as of that day, the activities held are those up to it, and the months after
 * it are left out of the people's months and the monthly summary. What is still planned (open
 * days, classes) is reported apart (`planned`), never added to what happened.
 */
import { addDays } from '../../calendar';
import type { Day } from '../../primitives';
import { ABSENCE_REASONS, type DayMark } from '../../entities/attendance';
import type { AbsenceNotice } from '../../entities/absence-notice';
import type { Activity, ActivityCategory } from '../../entities/activity';
import type { Participant } from '../../entities/participant';
import type { Session } from '../../entities/session';
import type { Unit } from '../../entities/unit';
import { noticeCovers } from '../expected';
import { comparePeople } from '../polish-sort';
import { expandSessions } from '../plan/occurrences';
import { attendedMinutes } from './hours';
import type { ErasedParticipant } from '../../entities/erasure';
import { monthlySheet, type MonthlySheet, type SheetTotals } from './monthly-sheet';
import { periodMonths, periodRange, type ReportPeriod } from './period';

export const ABSENCE_REASON_KEYS = [...ABSENCE_REASONS, 'unspecified'] as const;
export type AbsenceReasonKey = (typeof ABSENCE_REASON_KEYS)[number];

export type ReportUnit = Pick<Unit, 'id' | 'name' | 'kind' | 'openingHours' | 'closedDays' | 'dailyHoursTarget' | 'servesMeals' | 'absenceLimitDays' | 'seats'>;

export interface ReportInput {
  unit: ReportUnit;
  participants: readonly Participant[];
  marks: readonly DayMark[];
  notices: readonly AbsenceNotice[];
  activities: readonly Activity[];
  sessions: readonly Session[];
  /** Erased people of the unit: their marks count under "Osoba usunięta (nr N)". */
  erased?: readonly ErasedParticipant[];
}

export interface PersonMonth { month: string; totals: SheetTotals; rate: number | null }

export interface PersonPeriod {
  participant: Participant;
  /** One entry per month of the period, up to `asOf`, in which the person is on the sheet. */
  months: PersonMonth[];
  totals: SheetTotals;
  /** Present days / (due days + days present while not due) over the period; null when never due. */
  rate: number | null;
  /** Minutes attended on present days, and how many of those days had recorded times. */
  minutes: number;
  daysWithTimes: number;
  /** Absent and excused days by reason; the values add up to absent + excused. */
  absencesByReason: Record<AbsenceReasonKey, number>;
  /** The longest run of due days absent or excused in a row. */
  longestAbsence: number;
}

export interface MonthSummary { month: string; openDays: number; present: number; absent: number; excused: number; peopleServed: number }

/** What the rest of an unfinished period still plans: open days and classes after `asOf`. */
export interface PlannedRest { openDays: number; activities: number }

export interface PeriodReport {
  unit: ReportUnit;
  period: ReportPeriod;
  months: string[];
  from: string;
  to: string;
  /** The day the figures stand at when the period is not over yet ("stan na"); null for a finished period. */
  asOf: Day | null;
  /** Open days and classes after `asOf`, shown apart (zero for a finished period). */
  planned: PlannedRest;
  sheets: MonthlySheet[];
  people: PersonPeriod[];
  monthly: MonthSummary[];
  totals: SheetTotals & { openDays: number; peopleServed: number; personDays: number; mealsServed: number; minutes: number };
  activities: { byCategory: { category: ActivityCategory; count: number }[]; total: number };
  /** The unit's absence limit (working days), and the people whose longest absence reached it. */
  absenceLimitDays: number | null;
  overLimit: PersonPeriod[];
}

const zeroTotals = (): SheetTotals => ({ present: 0, absent: 0, excused: 0, unmarked: 0, expectedDays: 0 });
const zeroReasons = () => Object.fromEntries(ABSENCE_REASON_KEYS.map((k) => [k, 0])) as Record<AbsenceReasonKey, number>;
const TOTAL_KEYS = ['present', 'absent', 'excused', 'unmarked', 'expectedDays'] as const;

interface Acc { person: PersonPeriod; base: number; run: number }

export function periodReport(input: ReportInput, period: ReportPeriod, asOf: Day): PeriodReport {
  const { unit } = input;
  const months = periodMonths(period);
  const { from, to } = periodRange(period);
  const cut = to > asOf ? asOf : to;
  const marksByMonth = new Map<string, DayMark[]>();
  // Marks by person and day, for the hours and the reasons of the cells that have one.
  const markOf = new Map<string, Map<string, DayMark>>();
  for (const m of input.marks) {
    if (m.deleted || m.unitId !== unit.id || m.day < from || m.day > to) continue;
    const key = m.day.slice(0, 7);
    let list = marksByMonth.get(key);
    if (!list) marksByMonth.set(key, (list = []));
    list.push(m);
    let own = markOf.get(m.participantId);
    if (!own) markOf.set(m.participantId, (own = new Map()));
    own.set(m.day, m);
  }
  const notices = input.notices.filter((n) => !n.deleted && n.toDay >= from && n.fromDay <= to);
  const noticesOf = new Map<string, AbsenceNotice[]>();
  for (const n of notices) {
    let list = noticesOf.get(n.participantId);
    if (!list) noticesOf.set(n.participantId, (list = []));
    list.push(n);
  }

  const sheets = months.map((month) => monthlySheet(unit, input.participants, marksByMonth.get(month) ?? [], notices, month, asOf, input.erased));
  const acc = new Map<string, Acc>();
  const monthly: MonthSummary[] = [];
  const served = new Set<string>();

  for (const sheet of sheets) {
    // A month not begun yet has nothing to report: it is not listed (its sheet is all planned days).
    if (sheet.days[0]!.day > cut) continue;
    const servedThisMonth = new Set<string>();
    for (const row of sheet.rows) {
      const p = row.participant;
      let a = acc.get(p.id);
      if (!a) {
        a = {
          person: { participant: p, months: [], totals: zeroTotals(), rate: null, minutes: 0, daysWithTimes: 0, absencesByReason: zeroReasons(), longestAbsence: 0 },
          base: 0, run: 0,
        };
        acc.set(p.id, a);
      }
      const person = a.person;
      const own = markOf.get(p.id);
      person.months.push({ month: sheet.month, totals: row.totals, rate: row.rate });
      for (const k of TOTAL_KEYS) person.totals[k] += row.totals[k];
      row.cells.forEach((cell, i) => {
        const { day, weekday } = sheet.days[i]!;
        if (cell.status === 'present') {
          if (!cell.expected) a.base += 1;
          const mark = own!.get(day)!;
          const h = attendedMinutes(unit, mark, weekday);
          person.minutes += h.minutes;
          if (h.fromTimes) person.daysWithTimes += 1;
          servedThisMonth.add(p.id);
          a.run = 0;
        } else if (cell.status === 'absent' || cell.status === 'excused') {
          person.absencesByReason[reasonOf(cell.fromNotice, own?.get(day), noticesOf.get(p.id), day)] += 1;
          if (cell.expected) {
            a.run += 1;
            if (a.run > person.longestAbsence) person.longestAbsence = a.run;
          }
        } else if (cell.expected) {
          a.run = 0;
        }
      });
    }
    for (const id of servedThisMonth) served.add(id);
    monthly.push({
      month: sheet.month, openDays: sheet.openDays, present: sheet.totals.present, absent: sheet.totals.absent,
      excused: sheet.totals.excused, peopleServed: servedThisMonth.size,
    });
  }

  const people = [...acc.values()].map((a) => {
    const base = a.person.totals.expectedDays + a.base;
    return { ...a.person, rate: base === 0 ? null : a.person.totals.present / base };
  }).sort((x, y) => comparePeople(x.participant, y.participant) || (x.participant.id < y.participant.id ? -1 : 1));

  const totals = { ...zeroTotals(), openDays: 0, peopleServed: served.size, personDays: 0, mealsServed: 0, minutes: 0 };
  for (const s of sheets) {
    for (const k of TOTAL_KEYS) totals[k] += s.totals[k];
    totals.openDays += s.openDays;
  }
  totals.personDays = totals.present;
  totals.mealsServed = unit.servesMeals ? totals.present : 0;
  totals.minutes = people.reduce((sum, p) => sum + p.minutes, 0);

  const counts = new Map<ActivityCategory, number>();
  const occurrences = cut >= from ? expandSessions(input.activities, input.sessions, unit, from, cut) : [];
  const plannedActivities = cut < to ? expandSessions(input.activities, input.sessions, unit, cut < from ? from : addDays(cut, 1), to).length : 0;
  for (const o of occurrences) counts.set(o.activity.category, (counts.get(o.activity.category) ?? 0) + 1);
  const byCategory = [...counts.entries()].map(([category, count]) => ({ category, count }))
    .sort((x, y) => y.count - x.count || (x.category < y.category ? -1 : 1));

  const limit = unit.absenceLimitDays;
  return {
    unit, period, months, from, to, asOf: cut < to ? cut : null,
    planned: { openDays: sheets.reduce((a, s) => a + s.plannedOpenDays, 0), activities: plannedActivities },
    sheets, people, monthly, totals,
    activities: { byCategory, total: occurrences.length },
    absenceLimitDays: limit,
    overLimit: limit === null ? [] : people.filter((p) => p.longestAbsence >= limit),
  };
}

/** The reason of an absent or excused cell: the notice's for a day excused by a notice, else the mark's; "unspecified" when none. */
export function reasonOf(fromNotice: boolean, mark: DayMark | undefined, notices: AbsenceNotice[] | undefined, day: string): AbsenceReasonKey {
  if (fromNotice) return notices?.find((n) => noticeCovers(n, day))?.reason ?? 'unspecified';
  return mark?.absenceReason ?? 'unspecified';
}
