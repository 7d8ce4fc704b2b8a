/** Polish messages of the reports screens (a pack: loaded with the screen, see packs/index.ts). */
import type { PolishPlural } from '../types';

export const reportsPl = {
  'reports.title': 'Raporty',
  'reports.sheetTitle': 'Lista obecności',
  'reports.month': 'Miesiąc',
  'reports.prevMonth': 'Poprzedni miesiąc',
  'reports.nextMonth': 'Następny miesiąc',
  'reports.print': 'Drukuj',
  'reports.exportCsv': 'Pobierz CSV (Excel)',
  'reports.legend': 'O — obecny, N — nieobecny, U — usprawiedliwiony, „–” — placówka nieczynna.',
  'reports.person': 'Uczestnik',
  'reports.present': 'O',
  'reports.absent': 'N',
  'reports.excused': 'U',
  'reports.presentLong': 'Obecny',
  'reports.absentLong': 'Nieobecny',
  'reports.excusedLong': 'Usprawiedliwiony',
  'reports.dueDays': 'Dni planowe',
  'reports.rate': 'Frekwencja',
  'reports.dayTotal': 'Obecnych w dniu',
  'reports.empty': 'W tym miesiącu nie ma uczestników na liście.',
  'reports.summary': 'Dni otwarcia: {open}. Obecności razem: {present}, nieobecności: {absent}, usprawiedliwione: {excused}.',
  'reports.signature': 'Podpis kierownika placówki',
  'reports.signatureDate': 'Data',
  'reports.closedDay': 'nieczynne: {reason}',
} as const satisfies Record<string, string | PolishPlural>;
