/**
 * The kinds' reports as spreadsheet tables (for `rules/reports/xlsx.ts`), Polish like the printed
 * documents, days as dd.MM.yyyy: the ŚDS participant register of § 24 and the WTZ annual report.
 * Not exported from the domain index: only the lazy XLSX chunk imports it.
 */
import { polishDay } from '../../calendar';
import type { Day } from '../../primitives';
import { asOfLabel } from '../reports/sheet-csv';
import { REASON_LABELS_PL } from '../reports/workbooks';
import type { XCell, XSheet } from '../reports/xlsx';
import { SDS_REGISTER_BASIS_PL, type LongAbsence, type RegisterEntry } from './sds';

const bold = (v: string | number): XCell => ({ v, s: 'bold' });

/** "02.11.2026 – 20.11.2026 (19 dni): choroba, szpital". */
export function longAbsenceText(a: LongAbsence): string {
  return `${polishDay(a.from)} – ${polishDay(a.to)} (${a.days} dni): ${a.reasons.map((r) => REASON_LABELS_PL[r]).join(', ')}`;
}

export function sdsRegisterXlsx(register: readonly RegisterEntry[], unitName: string, year: string, asOf: Day | null): XSheet[] {
  const rows: XCell[][] = [
    [{ v: [`Ewidencja uczestników — ${unitName} — ${year}`, ...asOfLabel(asOf)].join(' — '), s: 'title' }],
    [`Podstawa: ${SDS_REGISTER_BASIS_PL}`],
    [bold('Nazwisko'), bold('Imię'), bold('Data urodzenia'), bold('Adres'), bold('Data przyjęcia'), bold('Nieobecności dłuższe niż 2 tygodnie i ich przyczyny')],
    ...register.map(({ participant: p, absences }): XCell[] => [
      p.lastName, p.firstName, polishDay(p.birthDate),
      [p.address.street, [p.address.postalCode, p.address.city].filter(Boolean).join(' ')].filter(Boolean).join(', '),
      polishDay(p.admissionDate), absences.length === 0 ? 'brak' : absences.map(longAbsenceText).join('; '),
    ]),
  ];
  return [{ name: `Ewidencja ${year}`, rows, freeze: { rows: 3, cols: 2 }, printTitleRows: 3, landscape: true, widths: [18, 14, 13, 34, 13, 70] }];
}
