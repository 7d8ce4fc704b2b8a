/**
 * ERASE in the reports (issue 13 point 2): after a person's erasure their attendance of past months
 * still counts, on a row "Osoba usunięta (nr N)" (N from the ledger, the same in every report),
 * never under the name; the day totals, the month totals and the quarter report are unchanged,
 * and the quarter still reconciles with its monthly sheets.
 */
import { describe, expect, it } from 'vitest';
import { erasedPersonLabel, type ErasedParticipant } from '../../../../src/domain';
import { monthlySheet, periodReport, sheetToCsv } from '../../../../src/domain/rules/reports';
import { mark, meta, person, unit } from '../fixtures';

const u = unit();
const ala = person('p-ala', { firstName: 'Ala', lastName: 'Żak' });
const ewa = person('p-ewa', { firstName: 'Ewa', lastName: 'Usuwana' });
/** A day after every period of these tests: nothing in them is in the future. */
const AS_OF = '2027-01-31';
const marks = [
  mark('p-ala', '2026-10-05', 'present'),
  mark('p-ewa', '2026-10-05', 'present'),
  mark('p-ewa', '2026-10-06', 'absent'),
  mark('p-ewa', '2026-11-02', 'present'),
  mark('p-ewa', '2026-11-03', 'excused'),
];
/** Ewa as the device holds her after the erasure (the 4th of the organization). */
const erasedEwa: ErasedParticipant = { ...meta('p-ewa'), deleted: true, unitId: 'unit-1', erasure: 4 };
const before = monthlySheet(u, [ala, ewa], marks, [], '2026-10', AS_OF);
const after = monthlySheet(u, [ala], marks, [], '2026-10', AS_OF, [erasedEwa]);

describe('an erased person in the reports', () => {
  it('ERASE-SHEET: the month keeps the person\'s marks under "Osoba usunięta (nr 4)", never the name', () => {
    const row = after.rows.find((r) => r.participant.id === 'p-ewa')!;
    expect(row).toBeDefined();
    expect(row.erased).toBe(4);
    expect(row.participant.lastName).toBe('Osoba usunięta (nr 4)');
    expect(erasedPersonLabel(4)).toBe('Osoba usunięta (nr 4)');
    expect(row.totals).toMatchObject({ present: 1, absent: 1, excused: 0, unmarked: 0, expectedDays: 2 });
    expect(row.rate).toBeCloseTo(0.5);
    for (const k of ['present', 'absent', 'excused'] as const) expect(after.totals[k]).toBe(before.totals[k]);
    expect(after.dayTotals).toEqual(before.dayTotals);
    const csv = sheetToCsv(after, 'WTZ');
    expect(csv).toContain('Osoba usunięta (nr 4)');
    expect(csv).not.toContain('Usuwana');
    expect(after.rows.at(-1)!.participant.id).toBe('p-ewa');
  });

  it('ERASE-SHEET-EMPTY: a month without the person\'s marks has no row for them; another unit\'s erasure is not shown', () => {
    expect(monthlySheet(u, [ala], marks, [], '2026-09', AS_OF, [erasedEwa]).rows.map((r) => r.participant.id)).toEqual(['p-ala']);
    expect(monthlySheet(u, [ala], marks, [], '2026-10', AS_OF, [{ ...erasedEwa, unitId: 'unit-2' }]).rows.map((r) => r.participant.id)).toEqual(['p-ala']);
  });

  it('ERASE-QUARTER: the quarter report counts the person under the same label and equals the sum of its monthly sheets', () => {
    const input = { unit: u, participants: [ala], marks, notices: [], activities: [], sessions: [], erased: [erasedEwa] };
    const report = periodReport(input, { kind: 'quarter', month: '2026-10' }, AS_OF);
    const ewaRow = report.people.find((p) => p.participant.id === 'p-ewa')!;
    expect(ewaRow.participant.lastName).toBe('Osoba usunięta (nr 4)');
    expect(ewaRow.totals).toMatchObject({ present: 2, absent: 1, excused: 1 });
    const sheets = ['2026-10', '2026-11', '2026-12'].map((m) => monthlySheet(u, [ala], marks, [], m, AS_OF, [erasedEwa]));
    for (const k of ['present', 'absent', 'excused', 'expectedDays'] as const) {
      expect(report.totals[k]).toBe(sheets.reduce((sum, s) => sum + s.totals[k], 0));
    }
    expect(report.totals.present).toBe(3);
    expect(JSON.stringify(report)).not.toContain('Usuwana');
  });
});
