/** English messages of the reports screens: exactly the keys of reports.pl.ts (a type error otherwise). */
import type { PackCatalog } from '../types';
import type { reportsPl } from './reports.pl';

export const reportsEn: PackCatalog<typeof reportsPl> = {
  'reports.title': 'Reports',
  'reports.sheetTitle': 'Attendance sheet',
  'reports.month': 'Month',
  'reports.prevMonth': 'Previous month',
  'reports.nextMonth': 'Next month',
  'reports.print': 'Print',
  'reports.exportCsv': 'Download CSV (Excel)',
  'reports.legend': 'O — present, N — absent, U — excused, “–” — centre closed.',
  'reports.person': 'Participant',
  'reports.present': 'O',
  'reports.absent': 'N',
  'reports.excused': 'U',
  'reports.presentLong': 'Present',
  'reports.absentLong': 'Absent',
  'reports.excusedLong': 'Excused',
  'reports.dueDays': 'Due days',
  'reports.rate': 'Rate',
  'reports.dayTotal': 'Present on the day',
  'reports.empty': 'No participants on the sheet this month.',
  'reports.summary': 'Open days: {open}. Present in total: {present}, absent: {absent}, excused: {excused}.',
  'reports.signature': 'Signature of the head of the centre',
  'reports.signatureDate': 'Date',
  'reports.closedDay': 'closed: {reason}',
};
