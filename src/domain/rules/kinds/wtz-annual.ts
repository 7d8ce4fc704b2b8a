/**
 * The WTZ annual report to the county (issue 19, point 3).
 *
 * Source: the regulation on occupational-therapy workshops (rozporządzenie Ministra Rodziny
 * i Polityki Społecznej z 14 grudnia 2021 r. w sprawie warsztatów terapii zajęciowej, Dz.U. 2021
 * poz. 2284), § 21: the workshop reports to the county each year, by 1 March of the next year, on its
 * participants (with their degree of disability), the overall attendance in each month, who left the
 * workshop and why, and how many made progress in their rehabilitation (the IPR reviews).
 *
 * From the year's period report: the participants are those on the register at any time of the year;
 * a month's attendance is its present person-days over the person-days due and marked (present,
 * absent, excused, unmarked), and its average present a day; who left is whoever was struck off in
 * the year with the reason recorded. Progress needs the outcome of each IPR review, which the app does
 * not record yet: it is null ("brak danych"), with the number of IPR reviews that fell due in the year.
 */
import type { Day } from '../../primitives';
import { DISABILITY_DEGREES, type DisabilityDegree, type Participant } from '../../entities/participant';
import { comparePeople } from '../polish-sort';
import type { PeriodReport } from '../reports/period-report';

/** The day the report is due: 1 March of the next year (§ 21). */
export const wtzAnnualDueDay = (year: number): Day => `${year + 1}-03-01`;

export type DegreeKey = DisabilityDegree | 'none';
export const DEGREE_KEYS: readonly DegreeKey[] = [...DISABILITY_DEGREES, 'none'];

export interface WtzAnnualPerson {
  participant: Participant;
  degree: DegreeKey;
  present: number;
  /** Present over the days due and marked; null when never due. */
  rate: number | null;
  /** The day the person was struck off in the year, or null. */
  leftOn: Day | null;
}

export interface WtzAnnualMonth { month: string; openDays: number; present: number; due: number; rate: number | null; averageDaily: number | null }

export interface WtzAnnualReport {
  year: number;
  dueDay: Day;
  asOf: Day | null;
  places: number;
  people: WtzAnnualPerson[];
  byDegree: Record<DegreeKey, number>;
  atEnd: number;
  months: WtzAnnualMonth[];
  left: { participant: Participant; day: Day; reason: string }[];
  /** How many made progress: null while the IPR reviews' outcomes are not recorded. */
  progress: number | null;
  /** IPR reviews that fell due in the year (by the review date of each person's IPR). */
  iprReviewsDue: number;
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export function wtzAnnualReport(
  report: Pick<PeriodReport, 'from' | 'to' | 'asOf' | 'people' | 'monthly' | 'sheets'> & { unit: { seats: number } },
  participants: readonly Participant[],
): WtzAnnualReport {
  const { from, to } = report;
  const end = report.asOf ?? to;
  const year = Number(from.slice(0, 4));
  const onRegister = participants
    .filter((p) => !p.deleted && p.status !== 'candidate' && p.admissionDate <= to && (p.dischargeDate === null || p.dischargeDate >= from))
    .sort((a, b) => comparePeople(a, b) || (a.id < b.id ? -1 : 1));
  const stats = new Map(report.people.map((p) => [p.participant.id, p]));
  const leftOn = (p: Participant) => (p.dischargeDate !== null && p.dischargeDate <= end ? p.dischargeDate : null);
  const people = onRegister.map((p): WtzAnnualPerson => {
    const s = stats.get(p.id);
    return { participant: p, degree: p.disabilityCertificate?.degree ?? 'none', present: s?.totals.present ?? 0, rate: s?.rate ?? null, leftOn: leftOn(p) };
  });
  const byDegree = Object.fromEntries(DEGREE_KEYS.map((k) => [k, 0])) as Record<DegreeKey, number>;
  for (const p of people) byDegree[p.degree] += 1;
  const months = report.monthly.map((m): WtzAnnualMonth => {
    const t = report.sheets.find((s) => s.month === m.month)!.totals;
    const due = t.present + t.absent + t.excused + t.unmarked;
    const rate = ratio(t.present, due);
    const avg = ratio(m.present, m.openDays);
    return { month: m.month, openDays: m.openDays, present: m.present, due, rate, averageDaily: avg === null ? null : Math.round(avg * 10) / 10 };
  });
  const left = people.filter((p) => p.leftOn !== null)
    .map((p) => ({ participant: p.participant, day: p.leftOn!, reason: p.participant.dischargeReason ?? '' }))
    .sort((a, b) => a.day.localeCompare(b.day) || comparePeople(a.participant, b.participant));
  return {
    year, dueDay: wtzAnnualDueDay(year), asOf: report.asOf, places: report.unit.seats, people, byDegree,
    atEnd: people.filter((p) => p.leftOn === null && p.participant.admissionDate <= end).length,
    months, left, progress: null,
    iprReviewsDue: onRegister.filter((p) => p.rehabPlan !== null && p.rehabPlan.reviewDate >= from && p.rehabPlan.reviewDate <= to).length,
  };
}
