/**
 * The month's meal summary as CSV for Excel (the one CSV writer, like the attendance sheet): the per-participant table for the fees, then the per-day table of the unit. Headers are
 * Polish (a Polish accounting document); diet names come from the caller's catalog.
 */
import { polishDay } from '../calendar';
import type { Diet } from '../entities/participant';
import type { MealMonthSummary } from './meals-month';
import { csvDocument, csvLine } from '../csv-writer';
import { asOfLabel } from './reports/sheet-csv';


export function mealSummaryToCsv(summary: MealMonthSummary, unitName: string, dietName: (d: Diet) => string): string {
  const lines: string[] = [];
  lines.push(csvLine(['Posiłki — zestawienie miesięczne', unitName, summary.month, ...asOfLabel(summary.asOf)]));
  lines.push(csvLine(['Nazwisko', 'Imię', 'Dieta', 'Zamówione', 'Wydane', 'Nieobecność zgłoszona w terminie', 'Nieobecność zgłoszona po terminie', 'Nieobecność bez zgłoszenia']));
  for (const r of summary.rows) {
    lines.push(csvLine([r.participant.lastName, r.participant.firstName, dietName(r.diet), r.ordered, r.served, r.noticeInTime, r.noticeLate, r.absentNoNotice]));
  }
  const t = summary.totals;
  lines.push(csvLine(['Razem', '', '', t.ordered, t.served, t.noticeInTime, t.noticeLate, t.absentNoNotice]));
  lines.push('');
  lines.push(csvLine(['Dzień', 'Zamówione (wyliczone)', 'Zamówienie wysłane', 'Wydane']));
  for (const d of summary.days) lines.push(csvLine([polishDay(d.day), d.ordered, d.sent ?? '', d.served]));
  lines.push(csvLine(['Razem', t.ordered, t.sent, t.served]));
  return csvDocument(lines);
}
