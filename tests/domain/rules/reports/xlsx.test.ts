// Writes the demo centre's monthly sheet and its year report as XLSX, reads the files back with an
// independent reader (read-excel-file) and compares every figure with the report structures.
import { readSheet } from 'read-excel-file/node';
import readExcelFile from 'read-excel-file/node';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  generateDemoCentre, type AbsenceNotice, type Activity, type DayMark, type Participant, type Session, type Unit,
} from '../../../../src/domain';
import { monthlySheet, periodReport } from '../../../../src/domain/rules/reports';
import { REASON_LABELS_PL, hoursOf, monthlySheetXlsx, periodReportXlsx } from '../../../../src/domain/rules/reports/workbooks';
import { columnName, writeXlsx, xmlEscape } from '../../../../src/domain/rules/reports/xlsx';

const demo = generateDemoCentre({ seed: 7, today: '2026-12-01', nowMs: Date.UTC(2026, 11, 1, 7), historyMonths: 12 });
const of = <T>(entity: string) => demo.records.filter((r) => r.entity === entity).map((r) => r.data as unknown as T);
const units = of<Unit>('units');
const wtz = units.find((u) => u.kind === 'wtz')!;
const input = {
  unit: wtz, participants: of<Participant>('participants'), marks: of<DayMark>('dayMarks'), notices: of<AbsenceNotice>('absenceNotices'),
  activities: of<Activity>('activities'), sessions: of<Session>('sessions'),
};
const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

describe('xlsx helpers', () => {
  it.each([[0, 'A'], [25, 'Z'], [26, 'AA'], [35, 'AJ'], [701, 'ZZ'], [702, 'AAA']])('column %i is %s', (i, name) => expect(columnName(i)).toBe(name));
  it('escapes XML and drops characters XML cannot hold', () => expect(xmlEscape('a<b & "c"\u0001')).toBe('a&lt;b &amp; &quot;c&quot;'));
});

describe('monthly sheet as XLSX', () => {
  const sheet = monthlySheet(wtz, input.participants, input.marks, input.notices, '2026-11', '2099-12-31');

  it('re-reads with the same names, marks and numbers', async () => {
    expect(sheet.rows.length).toBeGreaterThan(10);
    const rows = await readSheet(toBuffer(writeXlsx(monthlySheetXlsx(sheet, wtz.name))));
    expect(rows[0]![0]).toBe(`Lista obecności — ${wtz.name} — 2026-11`);
    const days = sheet.days.length;
    expect(rows[1]!.slice(2, 2 + days)).toEqual(sheet.days.map((d) => Number(d.day.slice(8))));
    expect(rows[1]!.slice(2 + days, 7 + days)).toEqual(['Obecny', 'Nieobecny', 'Usprawiedliwiony', 'Dni planowe', 'Frekwencja']);
    sheet.rows.forEach((row, r) => {
      const got = rows[2 + r]!;
      expect(got.slice(0, 2)).toEqual([row.participant.lastName, row.participant.firstName]);
      const letters = row.cells.map((c, i) => (c.status ? { present: 'O', absent: 'N', excused: 'U' }[c.status] : sheet.days[i]!.closed ? '–' : null));
      expect(got.slice(2, 2 + days)).toEqual(letters);
      expect(got.slice(2 + days, 6 + days)).toEqual([row.totals.present, row.totals.absent, row.totals.excused, row.totals.expectedDays]);
      expect(got[6 + days]).toBe(row.rate);
    });
    const totalRow = rows[2 + sheet.rows.length]!;
    expect(totalRow[0]).toBe('Razem obecnych');
    expect(totalRow.slice(2, 2 + days)).toEqual(sheet.dayTotals.map((t, i) => (sheet.days[i]!.closed && t.present === 0 ? '–' : t.present)));
    expect(totalRow.slice(2 + days, 6 + days)).toEqual([sheet.totals.present, sheet.totals.absent, sheet.totals.excused, sheet.totals.expectedDays]);
  });

  it('prints A4 landscape with the header rows on every page and the names frozen', () => {
    const files = unzipSync(writeXlsx(monthlySheetXlsx(sheet, wtz.name)));
    const ws = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(ws).toContain('<pageSetup paperSize="9" orientation="landscape"');
    expect(ws).toContain('xSplit="2" ySplit="2"');
    expect(strFromU8(files['xl/workbook.xml']!)).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'Lista 2026-11'!$1:$2</definedName>`);
  });
});

describe('year report as XLSX', () => {
  const report = periodReport(input, { kind: 'year', month: '2026-11' }, '2099-12-31');

  it('re-reads every sheet with the report’s figures', async () => {
    const sheets = await readExcelFile(toBuffer(writeXlsx(periodReportXlsx(report, (c) => `kat:${c}`))));
    expect(sheets.map((s) => s.sheet)).toEqual(['Podsumowanie', 'Uczestnicy', 'Miesiące']);
    const summary = new Map(sheets[0]!.data.slice(1).map((r) => [r[0], r[1]]));
    expect(summary.get('Dni otwarcia')).toBe(report.totals.openDays);
    expect(summary.get('Osoby objęte wsparciem (unikalne)')).toBe(report.totals.peopleServed);
    expect(summary.get('Osobodni (obecności)')).toBe(report.totals.personDays);
    expect(summary.get('Nieobecności')).toBe(report.totals.absent);
    expect(summary.get('Usprawiedliwione')).toBe(report.totals.excused);
    expect(summary.get('Godziny uczestnictwa')).toBe(hoursOf(report.totals.minutes));
    expect(summary.get('Wydane posiłki')).toBe(report.totals.mealsServed);
    expect(summary.get('Zajęcia razem')).toBe(report.activities.total);
    for (const c of report.activities.byCategory) expect(summary.get(`Zajęcia: kat:${c.category}`)).toBe(c.count);

    const people = sheets[1]!.data;
    expect(people.length - 2).toBe(report.people.length);
    report.people.forEach((p, i) => {
      const r = people[2 + i]!;
      expect(r).toEqual([
        p.participant.lastName, p.participant.firstName, p.totals.present, p.totals.absent, p.totals.excused, p.totals.expectedDays,
        p.rate, hoursOf(p.minutes), p.longestAbsence, ...Object.keys(REASON_LABELS_PL).map((k) => p.absencesByReason[k as keyof typeof REASON_LABELS_PL]),
      ]);
    });
    expect(sheets[2]!.data.slice(2)).toEqual(report.monthly.map((m) => [m.month, m.openDays, m.present, m.absent, m.excused, m.peopleServed]));
    // And the year reconciles with the twelve monthly sheets.
    expect(report.totals.present).toBe(report.sheets.reduce((s, m) => s + m.totals.present, 0));
  });
});
