// ŚDS rules (issue 19, point 2). Source: the regulation on community self-help homes (rozporządzenie
// MPiPS z 9 grudnia 2010 r. w sprawie środowiskowych domów samopomocy, Dz.U. 2020 poz. 249):
// § 24 — the participant register shows every absence longer than two weeks with its reason, and the
// monthly attendance list shows the days of the month, present or absent; the standard of operation —
// at least 5 days a week, at least 8 hours a day, at least 6 hours of classes; and the yearly figures
// the MPiPS-05 report asks of a ŚDS (places, people served by sex, person-days).
import { describe, expect, it } from 'vitest';
import { daysInRange, isUnitOpen, type Day } from '../../../../src/domain';
import type { DayMark } from '../../../../src/domain/entities/attendance';
import type { AbsenceNotice } from '../../../../src/domain/entities/absence-notice';
import type { Participant } from '../../../../src/domain/entities/participant';
import { mpips05Figures, SDS_REGISTER_BASIS_PL, sdsHoursCheck, sdsRegister, sexFromPesel, type LongAbsence, type SdsHoursCheck } from '../../../../src/domain/rules/kinds/sds';
import { sdsRegisterXlsx } from '../../../../src/domain/rules/kinds/workbooks';
import { monthlySheetXlsx } from '../../../../src/domain/rules/reports/workbooks';
import { periodReport } from '../../../../src/domain/rules/reports';
import { mark, notice, person, unit } from '../fixtures';

const EIGHT = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '16:00' }));
const sds = unit({ kind: 'selfHelpHome', openingHours: EIGHT, seats: 30 });
const open = (from: Day, to: Day) => daysInRange(from, to).filter((d) => isUnitOpen(sds, d));
const run = (id: string, from: Day, to: Day, over: Partial<DayMark> = {}) => open(from, to).map((d) => mark(id, d, 'absent', over));

describe('§ 24: absences longer than two weeks in the participant register', () => {
  it.each<[string, DayMark[], AbsenceNotice[], LongAbsence[]]>([
    ['12 days (2–13 November) is not longer than two weeks', run('p', '2026-11-02', '2026-11-13'), [], []],
    ['15 days (2–16 November, the 11th a holiday) is listed with its reason',
      run('p', '2026-11-02', '2026-11-16'), [], [{ from: '2026-11-02', to: '2026-11-16', days: 15, reasons: ['illness'] }]],
    ['exactly 14 days (2–15 November, ending on a Friday 13th and the weekend after it is not absence)',
      run('p', '2026-11-02', '2026-11-13'), [], []],
    ['an absence known from a notice alone (vacation, 2–20 November)',
      [], [notice('p', '2026-11-02', '2026-11-20')], [{ from: '2026-11-02', to: '2026-11-20', days: 19, reasons: ['vacation'] }]],
    ['across the month end (26 October – 13 November)',
      run('p', '2026-10-26', '2026-11-13'), [], [{ from: '2026-10-26', to: '2026-11-13', days: 19, reasons: ['illness'] }]],
    ['illness then hospital: one absence with both reasons',
      [...run('p', '2026-11-02', '2026-11-09'), ...run('p', '2026-11-10', '2026-11-20', { absenceReason: 'hospital' })], [],
      [{ from: '2026-11-02', to: '2026-11-20', days: 19, reasons: ['hospital', 'illness'] }]],
    ['a present day ends an absence: only the second run is long',
      [...run('p', '2026-11-02', '2026-11-10'), mark('p', '2026-11-12', 'present'), ...run('p', '2026-11-13', '2026-11-27')], [],
      [{ from: '2026-11-13', to: '2026-11-27', days: 15, reasons: ['illness'] }]],
    ['an unmarked due day ends it too', [...run('p', '2026-11-02', '2026-11-06'), ...run('p', '2026-11-10', '2026-11-20')], [], []],
    ['no reason given', run('p', '2026-11-02', '2026-11-20', { absenceReason: null }), [],
      [{ from: '2026-11-02', to: '2026-11-20', days: 19, reasons: ['unspecified'] }]],
  ])('%s', (_name, marks, notices, expected) => {
    const input = { unit: sds, participants: [person('p')], marks, notices, activities: [], sessions: [] };
    const r = periodReport(input, { kind: 'quarter', month: '2026-11' }, '2027-01-10');
    expect(sdsRegister(r, marks, notices)).toEqual([{ participant: person('p'), absences: expected }]);
  });

  it('lists everyone in Polish order (Ł after L, Ś after S)', () => {
    const people = [person('a', { lastName: 'Łuczak' }), person('b', { lastName: 'Lis' }), person('c', { lastName: 'Śliwa' }), person('d', { lastName: 'Sowa' })];
    const r = periodReport({ unit: sds, participants: people, marks: [], notices: [], activities: [], sessions: [] }, { kind: 'month', month: '2026-11' }, '2027-01-10');
    expect(sdsRegister(r, [], []).map((e) => e.participant.lastName)).toEqual(['Lis', 'Łuczak', 'Sowa', 'Śliwa']);
  });
});

const cls = (day: Day, startTime: string, endTime: string) => ({ day, startTime, endTime });
const week = (startTime: string, endTime: string, days = open('2026-11-16', '2026-11-20')) => days.map((d) => cls(d, startTime, endTime));

describe('the standard: 8 hours on at least 5 days, at least 6 hours of classes', () => {
  it.each<[string, Parameters<typeof unit>[0], ReturnType<typeof week>, Day, SdsHoursCheck]>([
    ['8:00–16:00 Monday to Friday with 6 hours of classes', {}, week('09:00', '15:00'), '2026-11-16',
      { longDays: 5, shortWeekdays: [], classShort: [], ok: true }],
    ['open Monday to Thursday only', { openingHours: EIGHT.slice(0, 4) }, week('09:00', '15:00'), '2026-11-16',
      { longDays: 4, shortWeekdays: [{ weekday: 5, minutes: 0 }], classShort: [], ok: false }],
    ['open 7.5 hours a day', { openingHours: EIGHT.map((h) => ({ ...h, close: '15:30' })) }, week('09:00', '15:00'), '2026-11-16',
      { longDays: 0, shortWeekdays: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, minutes: 450 })) as SdsHoursCheck['shortWeekdays'], classShort: [], ok: false }],
    ['5.5 hours of classes on Friday', {}, [...week('09:00', '15:00', open('2026-11-16', '2026-11-19')), cls('2026-11-20', '09:00', '12:00'), cls('2026-11-20', '12:30', '15:00')], '2026-11-16',
      { longDays: 5, shortWeekdays: [], classShort: [{ day: '2026-11-20', minutes: 330 }], ok: false }],
    ['overlapping classes count once: 9–13 and 11–15 is 6 hours', {}, [...week('09:00', '13:00'), ...week('11:00', '15:00')], '2026-11-16',
      { longDays: 5, shortWeekdays: [], classShort: [], ok: true }],
    ['a public holiday (Wednesday 11 November) needs no classes', {}, week('09:00', '15:00', open('2026-11-09', '2026-11-13')), '2026-11-09',
      { longDays: 5, shortWeekdays: [], classShort: [], ok: true }],
    ['four weekdays and a Saturday of 8 hours make five days', { openingHours: [...EIGHT.slice(0, 4), { weekday: 6, open: '08:00', close: '16:00' }] },
      [...week('09:00', '15:00', open('2026-11-16', '2026-11-19')), cls('2026-11-21', '09:00', '15:00')], '2026-11-16',
      { longDays: 5, shortWeekdays: [], classShort: [], ok: true }],
  ])('%s', (_name, over, occurrences, monday, expected) => {
    expect(sdsHoursCheck(unit({ kind: 'selfHelpHome', openingHours: EIGHT, ...over }), occurrences, monday)).toEqual(expected);
  });
});

describe('sex from the PESEL (tenth digit: even for women)', () => {
  it.each([['80061512340', 'female'], ['80061512359', 'male'], [null, 'unknown'], ['123', 'unknown']] as const)('%s → %s', (pesel, sex) => {
    expect(sexFromPesel(pesel)).toBe(sex);
  });
});

describe('MPiPS-05: the yearly figures of a ŚDS', () => {
  const people: Participant[] = [
    person('w', { pesel: '80061512340', admissionDate: '2020-01-01' }),
    person('m', { pesel: '80061512359', admissionDate: '2026-03-02' }),
    person('u', { admissionDate: '2019-05-01', dischargeDate: '2026-06-30', status: 'discharged' }),
    person('gone', { admissionDate: '2019-05-01', dischargeDate: '2025-12-31', status: 'discharged' }),
    person('cand', { admissionDate: '2026-12-01', status: 'candidate' }),
  ];
  const marks = [
    mark('w', '2026-02-02', 'present'), mark('w', '2026-02-03', 'present'), mark('m', '2026-03-02', 'present'),
    mark('u', '2026-06-01', 'present'), mark('u', '2026-06-02', 'absent'),
  ];
  it('places, people on the register, served by sex, admitted, left, at the end, person-days', () => {
    const r = periodReport({ unit: sds, participants: people, marks, notices: [], activities: [], sessions: [] }, { kind: 'year', month: '2026-01' }, '2027-01-10');
    expect(mpips05Figures(r, people)).toEqual({
      year: 2026, places: 30, enrolled: 3, served: 3, servedBySex: { female: 1, male: 1, unknown: 1 },
      admitted: 1, left: 1, atEnd: 2, openDays: r.totals.openDays, personDays: 4,
      averageDaily: Math.round((4 / r.totals.openDays) * 10) / 10,
    });
    // 261 weekdays of 2026 less 8 holidays on weekdays (with Christmas Eve, a holiday since 2025).
    expect(r.totals.openDays).toBe(253);
  });
});

describe('the spreadsheets carry the § 24 basis', () => {
  it('the register: one row per person, absences as dd.MM.yyyy with their reasons', () => {
    const marks = run('p', '2026-11-02', '2026-11-20');
    const r = periodReport({ unit: sds, participants: [person('p'), person('q', { lastName: 'Adamska', firstName: 'Ewa' })], marks, notices: [], activities: [], sessions: [] }, { kind: 'year', month: '2026-01' }, '2027-01-10');
    const [sheet] = sdsRegisterXlsx(sdsRegister(r, marks, []), 'ŚDS', '2026', null);
    const rows = sheet!.rows.map((row) => row.map((c) => (c !== null && typeof c === 'object' ? c.v : c)));
    expect(rows[1]).toEqual(['Podstawa: § 24 rozporządzenia w sprawie środowiskowych domów samopomocy (Dz.U. 2020 poz. 249)']);
    expect(rows.slice(3)).toEqual([
      ['Adamska', 'Ewa', '15.06.1980', '', '01.01.2020', 'brak'],
      ['Nowak', 'Jan', '15.06.1980', '', '01.01.2020', '02.11.2026 – 20.11.2026 (19 dni): choroba'],
    ]);
  });

  it('the monthly list names the basis under its title only when given', () => {
    const sheet = periodReport({ unit: sds, participants: [person('p')], marks: [], notices: [], activities: [], sessions: [] }, { kind: 'month', month: '2026-11' }, '2027-01-10').sheets[0]!;
    expect(monthlySheetXlsx(sheet, 'ŚDS', SDS_REGISTER_BASIS_PL)[0]!.rows[1]).toEqual([`Podstawa: ${SDS_REGISTER_BASIS_PL}`]);
    expect(monthlySheetXlsx(sheet, 'WTZ')[0]!.rows[1]![0]).toEqual({ v: 'Nazwisko', s: 'bold' });
  });
});
