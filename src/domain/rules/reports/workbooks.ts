/**
 * The monthly sheet and the period report as spreadsheet tables (for `xlsx.ts`). Headers are Polish,
 * as on the printed documents; marks use the paper sheet's letters O / N / U and "–" for a closed
 * day, like the CSV. Rates are fractions in a percentage format, hours are decimal hours, so a
 * spreadsheet can sum them and the read-back test can compare them exactly.
 */
import type { MonthlySheet } from './monthly-sheet';
import { asOfLabel } from './sheet-csv';
import type { AbsenceReasonKey, PeriodReport } from './period-report';
import type { XCell, XSheet } from './xlsx';
import { SENIOR_PROGRAMME_PL, seniorFundingOfReport } from '../kinds/senior';

const LETTER = { present: 'O', absent: 'N', excused: 'U' } as const;
const bold = (v: string | number): XCell => ({ v, s: 'bold' });
const pct = (v: number | null): XCell => (v === null ? null : { v, s: 'percent' });
/** Decimal hours with two places (minutes / 60). */
export const hoursOf = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;

/** Column headers of the monthly sheet after the day columns. */
export const SHEET_TOTAL_HEADERS = ['Obecny', 'Nieobecny', 'Usprawiedliwiony', 'Dni planowe', 'Frekwencja'] as const;

/** `basis`: the legal basis printed under the title (the ŚDS's § 24), when the kind of unit has one. */
export function monthlySheetXlsx(sheet: MonthlySheet, unitName: string, basis?: string): XSheet[] {
  const head: XCell[] = [bold('Nazwisko'), bold('Imię'), ...sheet.days.map((d) => ({ v: Number(d.day.slice(8)), s: d.closed ? 'closed' as const : 'bold' as const })), ...SHEET_TOTAL_HEADERS.map(bold)];
  const rows: XCell[][] = [
    [{ v: [`Lista obecności — ${unitName} — ${sheet.month}`, ...asOfLabel(sheet.asOf)].join(' — '), s: 'title' }],
    ...(basis ? [[`Podstawa: ${basis}`]] : []),
    head,
  ];
  for (const row of sheet.rows) {
    rows.push([
      row.participant.lastName, row.participant.firstName,
      ...row.cells.map((c, i): XCell => {
        const closed = sheet.days[i]!.closed !== null;
        const v = c.status ? LETTER[c.status] : closed ? '–' : null;
        return closed ? { v, s: 'closed' } : v;
      }),
      row.totals.present, row.totals.absent, row.totals.excused, row.totals.expectedDays, pct(row.rate),
    ]);
  }
  rows.push([
    bold('Razem obecnych'), null,
    ...sheet.dayTotals.map((t, i): XCell => (sheet.days[i]!.future ? null : sheet.days[i]!.closed ? { v: t.present === 0 ? '–' : t.present, s: 'closed' } : t.present)),
    sheet.totals.present, sheet.totals.absent, sheet.totals.excused, sheet.totals.expectedDays, null,
  ]);
  rows.push([]);
  rows.push(['Data: ……………………', null, ...sheet.days.map(() => null), 'Podpis kierownika placówki: ……………………']);
  return [{
    name: `Lista ${sheet.month}`, rows, freeze: { rows: basis ? 3 : 2, cols: 2 }, printTitleRows: basis ? 3 : 2, landscape: true,
    widths: [18, 14, ...sheet.days.map(() => 3.6), 8, 10, 16, 11, 10],
  }];
}

export const REASON_LABELS_PL: Record<AbsenceReasonKey, string> = {
  illness: 'choroba', hospital: 'szpital', vacation: 'urlop', family: 'sprawy rodzinne', other: 'inne', unspecified: 'bez podanej przyczyny',
};

/** The period report: a summary sheet, a sheet per participant row, and the months. */
export function periodReportXlsx(report: PeriodReport, categoryLabel: (c: string) => string): XSheet[] {
  const reasons = Object.keys(REASON_LABELS_PL) as AbsenceReasonKey[];
  const title = [`${report.unit.name} — ${report.from} – ${report.to}`, ...asOfLabel(report.asOf)].join(' — ');
  const summary: XCell[][] = [
    [{ v: `Sprawozdanie — ${title}`, s: 'title' }],
    [bold('Dni otwarcia'), report.totals.openDays],
    [bold('Osoby objęte wsparciem (unikalne)'), report.totals.peopleServed],
    [bold('Osobodni (obecności)'), report.totals.personDays],
    [bold('Nieobecności'), report.totals.absent],
    [bold('Usprawiedliwione'), report.totals.excused],
    [bold('Godziny uczestnictwa'), hoursOf(report.totals.minutes)],
    [bold('Wydane posiłki'), report.totals.mealsServed],
    [bold('Zajęcia razem'), report.activities.total],
    ...report.activities.byCategory.map((c): XCell[] => [`Zajęcia: ${categoryLabel(c.category)}`, c.count]),
    ...fundingRows(report),
  ];
  const people: XCell[][] = [
    [{ v: `Uczestnicy — ${title}`, s: 'title' }],
    [bold('Nazwisko'), bold('Imię'), bold('Obecny'), bold('Nieobecny'), bold('Usprawiedliwiony'), bold('Dni planowe'), bold('Frekwencja'), bold('Godziny'),
      bold('Najdłuższa nieobecność (dni)'), ...reasons.map((r) => bold(`Nieobecności: ${REASON_LABELS_PL[r]}`))],
    ...report.people.map((p): XCell[] => [
      p.participant.lastName, p.participant.firstName, p.totals.present, p.totals.absent, p.totals.excused, p.totals.expectedDays,
      pct(p.rate), hoursOf(p.minutes), p.longestAbsence, ...reasons.map((r) => p.absencesByReason[r]),
    ]),
  ];
  const months: XCell[][] = [
    [{ v: `Miesiące — ${title}`, s: 'title' }],
    [bold('Miesiąc'), bold('Dni otwarcia'), bold('Obecni (osobodni)'), bold('Nieobecni'), bold('Usprawiedliwieni'), bold('Osoby')],
    ...report.monthly.map((m): XCell[] => [m.month, m.openDays, m.present, m.absent, m.excused, m.peopleServed]),
  ];
  return [
    { name: 'Podsumowanie', rows: summary, widths: [36, 12] },
    { name: 'Uczestnicy', rows: people, freeze: { rows: 2, cols: 2 }, printTitleRows: 2, landscape: true, widths: [18, 14, 9, 10, 16, 11, 11, 9, 14, ...reasons.map(() => 14)] },
    { name: 'Miesiące', rows: months, widths: [12, 12, 16, 12, 16, 10] },
  ];
}

/** A senior home's or club's programme of the year, places × months and the grant (issue 19, point 4). */
function fundingRows(report: PeriodReport): XCell[][] {
  const f = seniorFundingOfReport(report);
  if (!f) return [];
  return [
    [bold(`Program (${f.year})`), SENIOR_PROGRAMME_PL[f.programme]],
    [bold('Liczba miejsc'), f.places],
    [bold('Miesiące działania'), f.months],
    [bold('Miejsca × miesiące'), f.places * f.months],
    [bold('Stawka na miejsce miesięcznie (zł)'), f.ratePerPlace],
    [bold('Dotacja (zł)'), f.grant ?? 'według umowy'],
  ];
}
