/**
 * The monthly sheet as CSV for Excel, through the one CSV writer (`domain/csv-writer.ts`). Marks use
 * the letters of paper sheets: O (obecny), N (nieobecny), U (usprawiedliwiony); closed days "–".
 */
import { polishDay } from '../../calendar';
import { csvDocument, csvLine } from '../../csv-writer';
import type { Day } from '../../primitives';
import type { MonthlySheet } from './monthly-sheet';

/** The "stan na dd.MM.yyyy" of a document whose period is not over yet, as title fields (none when it is). */
export function asOfLabel(asOf: Day | null): string[] {
  return asOf === null ? [] : [`stan na ${polishDay(asOf)}`];
}

const LETTER = { present: 'O', absent: 'N', excused: 'U' } as const;

/** Headers are Polish (the sheet is a Polish document); the rate is a percentage with a comma. */
export function sheetToCsv(sheet: MonthlySheet, unitName: string): string {
  const lines: string[] = [];
  lines.push(csvLine(['Lista obecności', unitName, sheet.month, ...asOfLabel(sheet.asOf)]));
  lines.push(csvLine(['Nazwisko', 'Imię', ...sheet.days.map((d) => d.day.slice(8)), 'Obecny', 'Nieobecny', 'Usprawiedliwiony', 'Dni planowe', 'Frekwencja %']));
  for (const row of sheet.rows) {
    const cells = row.cells.map((c, i) => (c.status ? LETTER[c.status] : sheet.days[i]!.closed ? '–' : ''));
    const rate = row.rate === null ? '' : (Math.round(row.rate * 1000) / 10).toFixed(1).replace('.', ',');
    lines.push(csvLine([row.participant.lastName, row.participant.firstName, ...cells, row.totals.present, row.totals.absent, row.totals.excused, row.totals.expectedDays, rate]));
  }
  lines.push(csvLine(['Razem obecnych', '', ...sheet.dayTotals.map((t, i) => (sheet.days[i]!.future ? '' : sheet.days[i]!.closed && t.present === 0 ? '–' : t.present)), sheet.totals.present, sheet.totals.absent, sheet.totals.excused, sheet.totals.expectedDays, '']));
  return csvDocument(lines);
}
