/**
 * The monthly attendance sheet (lista obecności) of one unit: participants × days of the month,
 * with closed days and holidays marked, per-person totals and attendance rate, and per-day unit
 * totals. It is what funders audit, so every figure is derived here once, from the marks and the
 * absence notices, and the printed sheet, the CSV and the funder reports all read this structure.
 *
 * Rules: a day mark wins; an expected person without a mark but with a notice covering the day is
 * excused; an expected person with neither is "unmarked" (shown empty, counted separately). The
 * rate is present days / expected days (days the person was due and the unit open), plus days the
 * person came although not due, so it never exceeds 100 %.
 *
 * As of a day (issue 13): only the days up to `asOf` (today, for a month not yet over) count. A
 * later day is "future": its cells carry no status and count in no total, rate or day total; the
 * days the person is still due are counted apart (`plannedDays`), never mixed with what happened;
 * so is today for a due person nobody has marked yet (the day is not over).
 * A sheet of an unfinished month carries `asOf` ("stan na …" in its heading and on the print).
 *
 * An erased person (GDPR art. 17) keeps their marks in the months they attended, on a row named
 * "Osoba usunięta (nr N)" (N: the erasure's number in the ledger, the same in every report) and
 * never by name. Nothing else of them is known, so their due days are the open days they were marked.
 */
import { daysOfMonth, unitClosedReason, weekdayOf, type ClosedReason } from '../../calendar';
import type { Day, Weekday } from '../../primitives';
import type { AbsenceNotice } from '../../entities/absence-notice';
import type { AttendanceStatus, DayMark } from '../../entities/attendance';
import { erasedPersonLabel, type ErasedParticipant } from '../../entities/erasure';
import type { Participant } from '../../entities/participant';
import type { Unit } from '../../entities/unit';
import { noticeCovers } from '../expected';
import { sortPeople } from '../polish-sort';

/** `future`: after the sheet's `asOf` day, shown but not counted. */
export interface SheetDay { day: Day; weekday: Weekday; closed: ClosedReason | null; future: boolean }

/**
 * One cell: the mark of the day, or null when none applies. `expected`: the person was due that
 * day (an elapsed day). `planned`: the person is due on this future day (never counted).
 */
export interface SheetCell { status: AttendanceStatus | null; fromNotice: boolean; expected: boolean; planned: boolean }

export interface SheetTotals { present: number; absent: number; excused: number; unmarked: number; expectedDays: number }

export interface SheetRow {
  participant: Participant;
  cells: SheetCell[];
  totals: SheetTotals;
  /** Present days / (expected days + days present while not due); null when the person was never due. */
  rate: number | null;
  /** Future days the person is due (after `asOf`): shown apart, not in the totals. */
  plannedDays: number;
  /** The ledger number of an erased person (whose `participant` is only a stand-in with that label). */
  erased?: number;
}

export interface MonthlySheet {
  unitId: string;
  month: string;
  days: SheetDay[];
  rows: SheetRow[];
  /** Per day: how many were present, absent, excused. */
  dayTotals: { present: number; absent: number; excused: number }[];
  totals: SheetTotals;
  /** Open days of the unit in the month up to `asOf`. */
  openDays: number;
  /** Open days of the unit after `asOf` (planned, not counted). */
  plannedOpenDays: number;
  /** The day the figures stand at when the month is not over yet ("stan na"); null for a finished month. */
  asOf: Day | null;
}

/** True when the person belongs on the month's sheet: admitted before its end and not discharged before its start. */
function onSheet(p: Participant, first: Day, last: Day): boolean {
  if (p.deleted) return false;
  if (p.admissionDate > last) return false;
  return p.dischargeDate === null || p.dischargeDate >= first;
}

const emptyTotals = (): SheetTotals => ({ present: 0, absent: 0, excused: 0, unmarked: 0, expectedDays: 0 });

/** A stand-in for an erased person on a sheet: the label instead of a name, no other data. */
export function erasedStandIn(e: ErasedParticipant): Participant {
  return {
    id: e.id, organizationId: e.organizationId, hlc: e.hlc, changedBy: e.changedBy, deleted: true, unitId: e.unitId,
    firstName: '', lastName: erasedPersonLabel(e.erasure), birthDate: '', pesel: null, studioId: null, attendanceWeekdays: [],
    admissionDate: '', dischargeDate: null, dischargeReason: null, status: 'discharged', phone: null, contacts: [],
    address: { street: '', postalCode: '', city: '' }, transport: { needsTransport: false, mobilityAid: 'none', driverNote: '' },
    diet: 'standard', allergies: '', disabilityCertificate: null, rehabPlan: null,
    consents: { dataProcessing: false, photos: false, outings: false, signedOn: null }, notes: '',
  };
}

export function monthlySheet(
  unit: Pick<Unit, 'id' | 'openingHours' | 'closedDays'>, participants: readonly Participant[], marks: readonly DayMark[],
  notices: readonly AbsenceNotice[], month: string, asOf: Day, erased: readonly ErasedParticipant[] = [],
): MonthlySheet {
  const dayList = daysOfMonth(month);
  const first = dayList[0]!;
  const last = dayList[dayList.length - 1]!;
  const days: SheetDay[] = dayList.map((day) => ({ day, weekday: weekdayOf(day), closed: unitClosedReason(unit, day), future: day > asOf }));
  // Marks by person, then by day of the month (index 0 = the 1st): no string keys per cell.
  const markGrid = new Map<string, (DayMark | undefined)[]>();
  for (const m of marks) {
    if (m.deleted || m.unitId !== unit.id || m.day < first || m.day > last) continue;
    let row = markGrid.get(m.participantId);
    if (!row) markGrid.set(m.participantId, (row = new Array<DayMark | undefined>(days.length)));
    row[Number(m.day.slice(8, 10)) - 1] = m;
  }
  const noticesOf = new Map<string, AbsenceNotice[]>();
  for (const n of notices) {
    if (n.deleted || n.toDay < first || n.fromDay > last) continue;
    let list = noticesOf.get(n.participantId);
    if (!list) noticesOf.set(n.participantId, (list = []));
    list.push(n);
  }
  const erasedNo = new Map<string, number>();
  const standIns: Participant[] = [];
  for (const e of [...erased].sort((a, b) => a.erasure - b.erasure)) {
    if (e.unitId !== unit.id || !markGrid.has(e.id) || erasedNo.has(e.id)) continue;
    erasedNo.set(e.id, e.erasure);
    standIns.push(erasedStandIn(e));
  }
  const named = participants.filter((p) => p.unitId === unit.id && !erasedNo.has(p.id) && (onSheet(p, first, last) || markGrid.has(p.id)));
  const people = [...sortPeople(named), ...standIns];

  const dayTotals = days.map(() => ({ present: 0, absent: 0, excused: 0 }));
  const totals = emptyTotals();
  const rows: SheetRow[] = people.map((p) => {
    const t = emptyTotals();
    let presentWhileNotDue = 0;
    const own = markGrid.get(p.id);
    const ownNotices = noticesOf.get(p.id);
    // isExpectedOn, unrolled over the month: the person's standing once, the weekday per day.
    const due = !p.deleted && p.status === 'active';
    const weekdays = new Set(p.attendanceWeekdays);
    const erasedAs = erasedNo.get(p.id);
    let plannedDays = 0;
    const cells = days.map((d, i): SheetCell => {
      const mark = own?.[i];
      const dueThatDay = erasedAs !== undefined
        ? mark !== undefined && d.closed === null
        : due && d.closed === null && p.admissionDate <= d.day && (p.dischargeDate === null || d.day <= p.dischargeDate) && weekdays.has(d.weekday);
      if (d.future) {
        if (dueThatDay && erasedAs === undefined) plannedDays += 1;
        return { status: null, fromNotice: false, expected: false, planned: dueThatDay && erasedAs === undefined };
      }
      const expected = dueThatDay;
      let status: AttendanceStatus | null = mark?.status ?? null;
      let fromNotice = false;
      if (!status && expected && ownNotices?.some((n) => noticeCovers(n, d.day))) {
        status = 'excused';
        fromNotice = true;
      }
      // Today is not over: a due person nobody has marked yet is still planned, not "unmarked".
      if (!status && expected && d.day === asOf) {
        plannedDays += 1;
        return { status: null, fromNotice: false, expected: false, planned: true };
      }
      if (expected) t.expectedDays += 1;
      if (status) {
        t[status] += 1;
        dayTotals[i]![status] += 1;
        if (status === 'present' && !expected) presentWhileNotDue += 1;
      } else if (expected) {
        t.unmarked += 1;
      }
      return { status, fromNotice, expected, planned: false };
    });
    for (const k of ['present', 'absent', 'excused', 'unmarked', 'expectedDays'] as const) totals[k] += t[k];
    const base = t.expectedDays + presentWhileNotDue;
    const row: SheetRow = { participant: p, cells, totals: t, rate: base === 0 ? null : t.present / base, plannedDays };
    if (erasedAs !== undefined) row.erased = erasedAs;
    return row;
  });
  const open = days.filter((d) => d.closed === null);
  const elapsed = open.filter((d) => !d.future).length;
  return {
    unitId: unit.id, month, days, rows, dayTotals, totals, openDays: elapsed, plannedOpenDays: open.length - elapsed,
    asOf: asOf < last ? asOf : null,
  };
}
