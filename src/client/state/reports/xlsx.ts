/** The XLSX exports: a separate chunk, loaded only when a user asks for a spreadsheet (keeps the writer out of the initial bundle). */
import type { MonthlySheet, PeriodReport } from '../../../domain';
import { monthlySheetXlsx, periodReportXlsx } from '../../../domain/rules/reports/workbooks';
import { XLSX_MIME, writeXlsx } from '../../../domain/rules/reports/xlsx';
import { sdsRegisterXlsx, wtzAnnualXlsx } from '../../../domain/rules/kinds/workbooks';
import type { WtzAnnualReport } from '../../../domain/rules/kinds/wtz-annual';
import type { RegisterEntry } from '../../../domain/rules/kinds/sds';

const blobOf = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME });

export function monthlySheetXlsxBlob(sheet: MonthlySheet, unitName: string, basis?: string): Blob {
  return blobOf(writeXlsx(monthlySheetXlsx(sheet, unitName, basis)));
}

export function periodReportXlsxBlob(report: PeriodReport, categoryLabel: (c: string) => string): Blob {
  return blobOf(writeXlsx(periodReportXlsx(report, categoryLabel)));
}

export function sdsRegisterXlsxBlob(register: readonly RegisterEntry[], unitName: string, year: string, asOf: string | null): Blob {
  return blobOf(writeXlsx(sdsRegisterXlsx(register, unitName, year, asOf)));
}

export function wtzAnnualXlsxBlob(report: WtzAnnualReport, unitName: string): Blob {
  return blobOf(writeXlsx(wtzAnnualXlsx(report, unitName)));
}
