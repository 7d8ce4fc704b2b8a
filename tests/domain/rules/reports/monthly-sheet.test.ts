import { describe, expect, it } from 'vitest';
import { monthlySheet, sheetToCsv } from '../../../../src/domain/rules/reports';
import { mark, notice, person, unit } from '../fixtures';

const MONTH = '2026-11';
const u = unit();
const ala = person('p-ala', { firstName: 'Ala', lastName: 'Żak' });
const bartek = person('p-bartek', { firstName: 'Bartek', lastName: 'Ćwik', dischargeDate: '2026-10-31', status: 'discharged' });
const celina = person('p-celina', { firstName: 'Celina', lastName: 'Adamska', admissionDate: '2026-11-20' });
const marks = [
  mark('p-ala', '2026-11-02', 'present'),
  mark('p-ala', '2026-11-03', 'absent'),
  mark('p-ala', '2026-11-07', 'present'), // a Saturday: came although the unit does not open
  mark('p-celina', '2026-11-20', 'present'),
];
const notices = [notice('p-ala', '2026-11-04', '2026-11-05')];
const sheet = monthlySheet(u, [ala, bartek, celina], marks, notices, MONTH, '2099-12-31');
const col = (day: string) => sheet.days.findIndex((d) => d.day === day);

describe('monthlySheet', () => {
  it('lists the month’s participants in Polish order, leaving out people discharged before it', () => {
    expect(sheet.rows.map((r) => r.participant.lastName)).toEqual(['Adamska', 'Żak']);
    expect(sheet.days).toHaveLength(30);
  });

  it('marks holidays, weekends and the unit’s open days', () => {
    expect(sheet.days[col('2026-11-01')]!.closed).toEqual({ kind: 'holiday', name: 'Wszystkich Świętych' });
    expect(sheet.days[col('2026-11-11')]!.closed).toEqual({ kind: 'holiday', name: 'Narodowe Święto Niepodległości' });
    expect(sheet.days[col('2026-11-14')]!.closed).toEqual({ kind: 'weekday' });
    // 21 weekdays in November 2026, minus 11 November.
    expect(sheet.openDays).toBe(20);
  });

  it.each([
    ['2026-11-02', 'present', false, true],
    ['2026-11-03', 'absent', false, true],
    ['2026-11-04', 'excused', true, true],
    ['2026-11-06', null, false, true],
    ['2026-11-07', 'present', false, false],
    ['2026-11-11', null, false, false],
  ])('Ala on %s: %s (from a notice: %s, due: %s)', (day, status, fromNotice, expected) => {
    const ala = sheet.rows.find((r) => r.participant.id === 'p-ala')!;
    expect(ala.cells[col(day)]).toEqual({ status, fromNotice, expected, planned: false });
  });

  it('counts per person, with the rate over due days plus days present while not due', () => {
    const ala = sheet.rows.find((r) => r.participant.id === 'p-ala')!;
    expect(ala.totals).toEqual({ present: 2, absent: 1, excused: 2, unmarked: 16, expectedDays: 20 });
    expect(ala.rate).toBeCloseTo(2 / 21);
    const celina = sheet.rows.find((r) => r.participant.id === 'p-celina')!;
    expect(celina.totals.expectedDays).toBe(7); // Friday 20, 23–27 and Monday 30 November
    expect(celina.rate).toBeCloseTo(1 / 7);
  });

  it('reconciles: the day totals and the person totals give the same unit totals', () => {
    const sum = (k: 'present' | 'absent' | 'excused') => sheet.dayTotals.reduce((a, t) => a + t[k], 0);
    for (const k of ['present', 'absent', 'excused'] as const) {
      expect(sum(k)).toBe(sheet.totals[k]);
      expect(sheet.rows.reduce((a, r) => a + r.totals[k], 0)).toBe(sheet.totals[k]);
    }
    expect(sheet.totals.present).toBe(3);
  });
});

describe('sheetToCsv', () => {
  const csv = sheetToCsv(sheet, 'WTZ „Przystań”; Gdynia');
  const lines = csv.slice(1).trimEnd().split('\r\n');

  it('starts with a BOM and uses ; with quoted fields that need it', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]).toBe('Lista obecności;"WTZ „Przystań”; Gdynia";2026-11');
  });

  it('writes a row per person with paper-sheet letters, totals and the rate with a decimal comma', () => {
    const zak = lines.find((l) => l.startsWith('Żak;Ala;'))!.split(';');
    expect(zak.slice(2, 9)).toEqual(['–', 'O', 'N', 'U', 'U', '', 'O']);
    expect(zak.slice(-5)).toEqual(['2', '1', '2', '20', '9,5']);
    expect(lines.at(-1)!.startsWith('Razem obecnych;;–;1;0;')).toBe(true);
  });
});

// Issue 13, point 3: seen on 7 December 2026, the December sheet showed a person present every day
// so far at "Frekwencja 25 %" (5 of 20 planned days). Only days up to today count.
describe('monthlySheet as of a day inside the month', () => {
  const TODAY = '2026-12-07';
  const dora = person('p-dora', { firstName: 'Dora', lastName: 'Kos' });
  // Tuesday 1 to Monday 7 December: five open days, all present.
  const present = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-07'].map((d) => mark('p-dora', d, 'present'));
  const future = [notice('p-dora', '2026-12-10', '2026-12-11')];
  const dec = monthlySheet(u, [dora], present, future, '2026-12', TODAY);
  const row = dec.rows[0]!;

  it('gives 100 % to a person present on every elapsed open day, not 25 %', () => {
    expect(row.totals).toEqual({ present: 5, absent: 0, excused: 0, unmarked: 0, expectedDays: 5 });
    expect(row.rate).toBe(1);
  });

  it('counts the open days so far and keeps the planned ones apart', () => {
    // December 2026: 23 weekdays, minus 24 and 25 December (Wigilia is a holiday from 2025): 21 open days.
    expect(dec.openDays).toBe(5);
    expect(dec.plannedOpenDays).toBe(16);
    expect(row.plannedDays).toBe(16);
    expect(dec.asOf).toBe(TODAY);
  });

  it('leaves future days without a mark, even the ones a notice already covers', () => {
    const c = dec.days.findIndex((d) => d.day === '2026-12-10');
    expect(dec.days[c]!.future).toBe(true);
    expect(row.cells[c]).toEqual({ status: null, fromNotice: false, expected: false, planned: true });
    expect(dec.dayTotals[c]).toEqual({ present: 0, absent: 0, excused: 0 });
  });

  it('counts today once someone marked it; unmarked, today is still planned', () => {
    const notYet = monthlySheet(u, [dora], present.filter((m) => m.day !== TODAY), [], '2026-12', TODAY).rows[0]!;
    expect(notYet.totals).toEqual({ present: 4, absent: 0, excused: 0, unmarked: 0, expectedDays: 4 });
    expect([notYet.rate, notYet.plannedDays]).toEqual([1, 17]);
    const absentToday = monthlySheet(u, [dora], [...present.filter((m) => m.day !== TODAY), mark('p-dora', TODAY, 'absent')], [], '2026-12', TODAY).rows[0]!;
    expect(absentToday.totals).toMatchObject({ absent: 1, expectedDays: 5 });
  });

  it('says "stan na 07.12.2026" in the CSV title; a finished month says nothing', () => {
    expect(sheetToCsv(dec, 'WTZ').slice(1).split('\r\n')[0]).toBe('Lista obecności;WTZ;2026-12;stan na 07.12.2026');
    expect(monthlySheet(u, [dora], present, [], '2026-11', TODAY).asOf).toBeNull();
  });
});
