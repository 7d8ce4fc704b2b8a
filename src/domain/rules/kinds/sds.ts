/**
 * Środowiskowy dom samopomocy (ŚDS): its registers, opening hours and yearly figures (issue 19, point 2).
 *
 * Sources: the regulation on community self-help homes (rozporządzenie Ministra Pracy i Polityki
 * Społecznej z 9 grudnia 2010 r. w sprawie środowiskowych domów samopomocy, Dz.U. 2020 poz. 249):
 * - § 24: the home keeps a participant register (name, birth date, address, and every absence longer
 *   than two weeks with its reason) and a monthly attendance list (the days of the month, present
 *   or absent); the monthly list is the unit's monthly sheet (rules/reports/monthly-sheet.ts).
 * - The standard of operation: the home is open at least 5 days a week, at least 8 hours a day,
 *   with at least 6 hours of classes with the participants.
 * - The yearly figures are those the MPiPS-05 statistical report (sprawozdanie z udzielonych
 *   świadczeń pomocy społecznej) asks of a ŚDS: places, people served in the year (by sex), person-days.
 */
import { addDays, diffDays, isUnitOpen } from '../../calendar';
import type { Day } from '../../primitives';
import type { AbsenceNotice } from '../../entities/absence-notice';
import type { DayMark } from '../../entities/attendance';
import type { Participant } from '../../entities/participant';
import type { Unit } from '../../entities/unit';
import { minutesOf } from '../../time-of-day';
import { unionMinutes, type Timed } from '../plan/intervals';
import type { ShortWeekday } from '../plan/senior-plus';
import { reasonOf, type AbsenceReasonKey, type PeriodReport } from '../reports/period-report';
import { comparePeople } from '../polish-sort';

/** The ŚDS regulation's minimum: days a week, hours a day open, hours a day of classes. */
export const SDS_MIN_DAYS = 5;
export const SDS_MIN_DAILY_HOURS = 8;
export const SDS_MIN_CLASS_HOURS = 6;
/** § 24: the register shows absences longer than two weeks (14 days). */
export const SDS_LONG_ABSENCE_DAYS = 14;

/** The legal basis printed on the ŚDS registers. */
export const SDS_REGISTER_BASIS_PL = '§ 24 rozporządzenia w sprawie środowiskowych domów samopomocy (Dz.U. 2020 poz. 249)';

export interface SdsHoursCheck {
  /** Weekdays open at least 8 hours. */
  longDays: number;
  /** Monday–Friday days open under 8 hours (0 minutes when closed), shown when `longDays` < 5. */
  shortWeekdays: ShortWeekday[];
  /** Open days of the week with under 6 hours of classes (the union of the day's classes). */
  classShort: { day: Day; minutes: number }[];
  ok: boolean;
}

/**
 * The opening-hours standard for the week of `weekStart` (a Monday): at least 8 hours on at least
 * 5 days, and on each day the unit is open (holidays and closed days left out) at least 6 hours
 * of classes, counted as the union of the day's class times.
 */
export function sdsHoursCheck(
  unit: Pick<Unit, 'openingHours' | 'closedDays'>, occurrences: readonly (Timed & { day: Day })[], weekStart: Day,
): SdsHoursCheck {
  const minutes = (weekday: number) => {
    const h = unit.openingHours.find((x) => x.weekday === weekday);
    return h ? Math.max(0, minutesOf(h.close) - minutesOf(h.open)) : 0;
  };
  const longDays = unit.openingHours.filter((h) => minutes(h.weekday) >= SDS_MIN_DAILY_HOURS * 60).length;
  const shortWeekdays: ShortWeekday[] = longDays >= SDS_MIN_DAYS ? [] : ([1, 2, 3, 4, 5] as const)
    .map((weekday) => ({ weekday, minutes: minutes(weekday) }))
    .filter((d) => d.minutes < SDS_MIN_DAILY_HOURS * 60);
  const classShort: { day: Day; minutes: number }[] = [];
  for (let i = 0; i < 7; i++) {
    const day = addDays(weekStart, i);
    if (!isUnitOpen(unit, day)) continue;
    const m = unionMinutes(occurrences.filter((o) => o.day === day));
    if (m < SDS_MIN_CLASS_HOURS * 60) classShort.push({ day, minutes: m });
  }
  return { longDays, shortWeekdays, classShort, ok: longDays >= SDS_MIN_DAYS && classShort.length === 0 };
}

/** One absence longer than two weeks: first and last day absent, calendar days, and the reasons given. */
export interface LongAbsence { from: Day; to: Day; days: number; reasons: AbsenceReasonKey[] }

export interface RegisterEntry { participant: Participant; absences: LongAbsence[] }

/**
 * The participant register of § 24 over a report's period: every person on its sheets, in Polish
 * order, with each absence longer than two weeks. An absence is a run of due days marked absent or
 * excused (days the person was not due, weekends and closed days do not break it; a present or
 * unmarked due day ends it); its length is the calendar days from its first to its last day.
 */
export function sdsRegister(
  report: Pick<PeriodReport, 'sheets'>, marks: readonly DayMark[], notices: readonly AbsenceNotice[],
): RegisterEntry[] {
  const markOf = new Map<string, DayMark>();
  for (const m of marks) if (!m.deleted) markOf.set(`${m.participantId}:${m.day}`, m);
  const noticesOf = new Map<string, AbsenceNotice[]>();
  for (const n of notices) {
    if (n.deleted) continue;
    noticesOf.set(n.participantId, [...(noticesOf.get(n.participantId) ?? []), n]);
  }
  const people = new Map<string, { participant: Participant; absences: LongAbsence[]; run: { from: Day; to: Day; reasons: Set<AbsenceReasonKey> } | null }>();
  const close = (e: { absences: LongAbsence[]; run: { from: Day; to: Day; reasons: Set<AbsenceReasonKey> } | null }) => {
    if (e.run) {
      const days = diffDays(e.run.from, e.run.to) + 1;
      if (days > SDS_LONG_ABSENCE_DAYS) e.absences.push({ from: e.run.from, to: e.run.to, days, reasons: [...e.run.reasons].sort() });
    }
    e.run = null;
  };
  for (const sheet of report.sheets) {
    for (const row of sheet.rows) {
      const id = row.participant.id;
      let e = people.get(id);
      if (!e) people.set(id, (e = { participant: row.participant, absences: [], run: null }));
      row.cells.forEach((cell, i) => {
        const day = sheet.days[i]!.day;
        if (cell.status === 'absent' || cell.status === 'excused') {
          const reason = reasonOf(cell.fromNotice, markOf.get(`${id}:${day}`), noticesOf.get(id), day);
          if (e.run) { e.run.to = day; e.run.reasons.add(reason); } else e.run = { from: day, to: day, reasons: new Set([reason]) };
        } else if (cell.status === 'present' || (cell.expected && cell.status === null)) {
          close(e);
        }
      });
    }
  }
  for (const e of people.values()) close(e);
  return [...people.values()].map(({ participant, absences }) => ({ participant, absences }))
    .sort((a, b) => comparePeople(a.participant, b.participant) || (a.participant.id < b.participant.id ? -1 : 1));
}

export type Sex = 'female' | 'male' | 'unknown';

/** Sex from the PESEL (the tenth digit: even for women, odd for men); unknown without a PESEL. */
export function sexFromPesel(pesel: string | null): Sex {
  if (!pesel || !/^\d{11}$/.test(pesel)) return 'unknown';
  return Number(pesel[9]) % 2 === 0 ? 'female' : 'male';
}

export interface Mpips05Figures {
  year: number;
  places: number;
  /** People on the register at any time of the year (admitted on or before its end, not gone before its start). */
  enrolled: number;
  /** People present at least once in the year, and of them women, men and unknown (no PESEL). */
  served: number;
  servedBySex: Record<Sex, number>;
  admitted: number;
  left: number;
  /** On the register on the last day of the year (or of the figures, `asOf`). */
  atEnd: number;
  openDays: number;
  personDays: number;
  /** Person-days / open days, one decimal; null without an open day. */
  averageDaily: number | null;
}

/** The yearly figures of a ŚDS for the MPiPS-05 form, from the year's period report and the unit's participants. */
export function mpips05Figures(report: Pick<PeriodReport, 'from' | 'to' | 'asOf' | 'unit' | 'people' | 'totals'> & { unit: { seats: number } }, participants: readonly Participant[]): Mpips05Figures {
  const { from, to } = report;
  const end = report.asOf ?? to;
  const onRegister = participants.filter((p) => !p.deleted && p.status !== 'candidate' && p.admissionDate <= to && (p.dischargeDate === null || p.dischargeDate >= from));
  const servedBySex: Record<Sex, number> = { female: 0, male: 0, unknown: 0 };
  const served = report.people.filter((p) => p.totals.present > 0);
  for (const p of served) servedBySex[sexFromPesel(p.participant.pesel)] += 1;
  const { openDays, personDays } = report.totals;
  return {
    year: Number(from.slice(0, 4)),
    places: report.unit.seats,
    enrolled: onRegister.length,
    served: served.length,
    servedBySex,
    admitted: onRegister.filter((p) => p.admissionDate >= from && p.admissionDate <= end).length,
    left: onRegister.filter((p) => p.dischargeDate !== null && p.dischargeDate <= end).length,
    atEnd: onRegister.filter((p) => p.admissionDate <= end && (p.dischargeDate === null || p.dischargeDate > end)).length,
    openDays,
    personDays,
    averageDaily: openDays === 0 ? null : Math.round((personDays / openDays) * 10) / 10,
  };
}
