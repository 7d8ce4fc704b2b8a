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
import { DEGREE_KEYS, type DegreeKey, type WtzAnnualReport } from './wtz-annual';

const bold = (v: string | number): XCell => ({ v, s: 'bold' });
const pct = (v: number | null): XCell => (v === null ? null : { v, s: 'percent' });

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

export const DEGREE_PL: Record<DegreeKey, string> = {
  light: 'lekki', moderate: 'umiarkowany', severe: 'znaczny', under16: 'do 16 roku życia', none: 'brak orzeczenia',
};

export const WTZ_ANNUAL_BASIS_PL = '§ 21 rozporządzenia w sprawie warsztatów terapii zajęciowej (Dz.U. 2021 poz. 2284)';

/** The WTZ annual report to the county: a summary, the participants, the months. */
export function wtzAnnualXlsx(r: WtzAnnualReport, unitName: string): XSheet[] {
  const title = [`Sprawozdanie roczne — ${unitName} — ${r.year}`, ...asOfLabel(r.asOf)].join(' — ');
  const summary: XCell[][] = [
    [{ v: title, s: 'title' }],
    [`Podstawa: ${WTZ_ANNUAL_BASIS_PL}; termin: ${polishDay(r.dueDay)}`],
    [bold('Liczba miejsc'), r.places],
    [bold('Uczestnicy w roku'), r.people.length],
    ...DEGREE_KEYS.map((k): XCell[] => [`w tym stopień: ${DEGREE_PL[k]}`, r.byDegree[k]]),
    [bold('Uczestnicy na koniec okresu'), r.atEnd],
    [bold('Odeszli w roku'), r.left.length],
    ...r.left.map((l): XCell[] => [`${l.participant.lastName} ${l.participant.firstName} — ${polishDay(l.day)}`, l.reason || 'bez podanej przyczyny']),
    [bold('Uczestnicy z postępami (przeglądy IPR)'), r.progress ?? 'brak danych'],
    [bold('Przeglądy IPR przypadające w roku'), r.iprReviewsDue],
  ];
  const people: XCell[][] = [
    [{ v: `Uczestnicy — ${title}`, s: 'title' }],
    [bold('Nazwisko'), bold('Imię'), bold('Stopień niepełnosprawności'), bold('Data przyjęcia'), bold('Obecności'), bold('Frekwencja'), bold('Data odejścia'), bold('Przyczyna odejścia')],
    ...r.people.map((p): XCell[] => [
      p.participant.lastName, p.participant.firstName, DEGREE_PL[p.degree], polishDay(p.participant.admissionDate), p.present, pct(p.rate),
      p.leftOn ? polishDay(p.leftOn) : null, p.leftOn ? (p.participant.dischargeReason ?? '') : null,
    ]),
  ];
  const months: XCell[][] = [
    [{ v: `Frekwencja w miesiącach — ${title}`, s: 'title' }],
    [bold('Miesiąc'), bold('Dni zajęć'), bold('Obecności (osobodni)'), bold('Osobodni należne'), bold('Frekwencja'), bold('Średnio obecnych dziennie')],
    ...r.months.map((m): XCell[] => [m.month, m.openDays, m.present, m.due, pct(m.rate), m.averageDaily]),
  ];
  return [
    { name: 'Podsumowanie', rows: summary, widths: [44, 40] },
    { name: 'Uczestnicy', rows: people, freeze: { rows: 2, cols: 2 }, printTitleRows: 2, landscape: true, widths: [18, 14, 22, 13, 11, 11, 13, 40] },
    { name: 'Miesiące', rows: months, widths: [12, 10, 18, 16, 11, 22] },
  ];
}
