// The WTZ annual report to the county (issue 19, point 3). Source: § 21 of the regulation on
// occupational-therapy workshops (Dz.U. 2021 poz. 2284): due by 1 March of the next year; the
// participants and their degrees of disability, the overall attendance in each month, who left and
// why, how many made progress (from the IPR reviews: "brak danych" while their outcome is not recorded).
import { describe, expect, it } from 'vitest';
import { daysInRange, isUnitOpen, type Day } from '../../../../src/domain';
import type { Participant } from '../../../../src/domain/entities/participant';
import { wtzAnnualDueDay, wtzAnnualReport } from '../../../../src/domain/rules/kinds/wtz-annual';
import { wtzAnnualXlsx } from '../../../../src/domain/rules/kinds/workbooks';
import { periodReport } from '../../../../src/domain/rules/reports';
import { mark, person, unit } from '../fixtures';

const wtz = unit({ kind: 'wtz', seats: 30 });
const open = (from: Day, to: Day) => daysInRange(from, to).filter((d) => isUnitOpen(wtz, d));
const cert = (degree: 'light' | 'moderate' | 'severe') => ({ degree, validUntil: null });

const people: Participant[] = [
  person('a', { lastName: 'Żak', firstName: 'Anna', disabilityCertificate: cert('moderate') }),
  person('b', { lastName: 'Łoś', firstName: 'Bartek', disabilityCertificate: cert('severe'), rehabPlan: { startDate: '2025-09-01', reviewDate: '2026-03-01' } }),
  person('c', { lastName: 'Adamiak', firstName: 'Celina', disabilityCertificate: cert('moderate'), dischargeDate: '2026-06-30', dischargeReason: 'podjęcie pracy', status: 'discharged' }),
  person('d', { lastName: 'Nowak', firstName: 'Dawid', disabilityCertificate: null, dischargeDate: '2026-02-13', dischargeReason: null, status: 'discharged' }),
  person('old', { dischargeDate: '2025-12-31', status: 'discharged' }),
  person('cand', { admissionDate: '2026-12-01', status: 'candidate' }),
];
// In March 2026 (22 open days) Anna came every day, Bartek half of them (absent the rest), Celina never marked.
const march = open('2026-03-01', '2026-03-31');
const marks = [
  ...march.map((d) => mark('a', d, 'present')),
  ...march.map((d, i) => mark('b', d, i % 2 === 0 ? 'present' : 'absent')),
];

function build(asOf: Day) {
  const r = periodReport({ unit: wtz, participants: people, marks, notices: [], activities: [], sessions: [] }, { kind: 'year', month: '2026-01' }, asOf);
  return wtzAnnualReport(r, people);
}

describe('§ 21: the annual report of a WTZ', () => {
  it('is due on 1 March of the next year', () => {
    expect([wtzAnnualDueDay(2026), build('2027-02-01').dueDay]).toEqual(['2027-03-01', '2027-03-01']);
  });

  it('lists the year’s participants in Polish order with their degrees, counted by degree', () => {
    const r = build('2027-02-01');
    expect(r.people.map((p) => [p.participant.lastName, p.degree])).toEqual([['Adamiak', 'moderate'], ['Łoś', 'severe'], ['Nowak', 'none'], ['Żak', 'moderate']]);
    expect(r.byDegree).toEqual({ light: 0, moderate: 2, severe: 1, under16: 0, none: 1 });
    expect([r.places, r.atEnd]).toEqual([30, 2]);
  });

  it('gives each month’s attendance: present over due and marked person-days, and the average a day', () => {
    const m = build('2027-02-01').months.find((x) => x.month === '2026-03')!;
    // 22 open days; due: Anna 22, Bartek 22; present 22 + 11. Celina, struck off in June, is not
    // due in March: the monthly sheet expects only active people (isExpectedOn), and this report follows the sheets.
    expect(m).toEqual({ month: '2026-03', openDays: 22, present: 33, due: 44, rate: 0.75, averageDaily: 1.5 });
    expect(build('2027-02-01').months).toHaveLength(12);
  });

  it('says who left and why, in the order they left (no reason given: empty)', () => {
    expect(build('2027-02-01').left.map((l) => [l.participant.id, l.day, l.reason])).toEqual([['d', '2026-02-13', ''], ['c', '2026-06-30', 'podjęcie pracy']]);
  });

  it('as of a day in the year: later months and departures are not counted yet', () => {
    const r = build('2026-04-10');
    expect(r.asOf).toBe('2026-04-10');
    expect(r.months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(r.left.map((l) => l.participant.id)).toEqual(['d']);
  });

  it('progress: no data while IPR outcomes are not recorded; the reviews due in the year are counted', () => {
    const r = build('2027-02-01');
    expect([r.progress, r.iprReviewsDue]).toEqual([null, 1]);
  });

  it('the spreadsheet says "brak danych" for progress and gives the months as percentages', () => {
    const [summary, list, months] = wtzAnnualXlsx(build('2027-02-01'), 'WTZ „Promyk”');
    const values = (rows: NonNullable<typeof summary>['rows']) => rows.map((row) => row.map((c) => (c !== null && typeof c === 'object' ? c.v : c)));
    expect(values(summary!.rows)).toContainEqual(['Uczestnicy z postępami (przeglądy IPR)', 'brak danych']);
    expect(values(summary!.rows)).toContainEqual(['Nowak Dawid — 13.02.2026', 'bez podanej przyczyny']);
    expect(values(list!.rows)[2]).toEqual(['Adamiak', 'Celina', 'umiarkowany', '01.01.2020', 0, null, '30.06.2026', 'podjęcie pracy']);
    expect(months!.rows[4]).toEqual(['2026-03', 22, 33, 44, { v: 0.75, s: 'percent' }, 1.5]);
  });
});
