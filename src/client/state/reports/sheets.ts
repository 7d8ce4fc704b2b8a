/**
 * Reports (issue 7): the monthly attendance sheet and the period reports of a unit, live from the
 * device database, and their exports. Files are made on the device (it works offline); the XLSX
 * writer is loaded only when a user asks for a spreadsheet (`reports-xlsx.ts`, a lazy chunk).
 * Every export is recorded in the server's audit log through `reports-audit.ts`.
 */
import { useMemo } from 'preact/hooks';
import {
  type MonthlySheet, type PeriodReport, type ReportPeriod,
} from '../../../domain';
import { monthlySheet, periodRange, periodReport, sheetToCsv } from '../../../domain/rules/reports';
import { readMonthData, readPeriodData } from '../../storage/queries';
import { useToday } from '../data-hooks';
import { useLiveQuery } from '../live-query';
import { recordExport } from '../export-audit';
import type { QueryResult } from '../types';

// Each read carries the key it was made for: until the new month's (or period's) data arrive, the
// hook reports loading instead of computing the new period from the previous one's rows.
const LOADING = { data: undefined, isLoading: true, error: null } as const;

/** The sheet as of today (the one "today" of the device, `useToday`): later days are shown, not counted. */
export function useMonthlySheet(unitId: string | null, month: string): QueryResult<MonthlySheet> {
  const today = useToday();
  const key = `${unitId}:${month}`;
  const raw = useLiveQuery(unitId ? (db) => readMonthData(db, unitId, month).then((data) => ({ key, data })) : null, [unitId, month]);
  return useMemo<QueryResult<MonthlySheet>>(() => {
    if (raw.data === undefined) return { data: undefined, isLoading: raw.isLoading, error: raw.error };
    if (raw.data.key !== key) return LOADING;
    if (raw.data.data === null) return { data: undefined, isLoading: false, error: { code: 'unknown' } };
    const { unit, participants, marks, notices, erased } = raw.data.data;
    return { data: monthlySheet(unit, participants, marks, notices, month, today, erased), isLoading: false, error: null };
  }, [raw, key, today]);
}

/** The report of a unit over a month, quarter or year, as of today; null period: nothing read. */
export function usePeriodReport(unitId: string | null, period: ReportPeriod | null): QueryResult<PeriodReport> {
  const today = useToday();
  // Keyed by the period's days: stepping through the months of one year keeps the year report.
  const range = period ? periodRange(period) : null;
  const key = period && range ? `${unitId}:${period.kind}:${range.from}` : '';
  const raw = useLiveQuery(unitId && range ? (db) => readPeriodData(db, unitId, range.from, range.to).then((data) => ({ key, data })) : null, [key]);
  return useMemo<QueryResult<PeriodReport>>(() => {
    if (raw.data === undefined || !period) return { data: undefined, isLoading: raw.isLoading, error: raw.error };
    if (raw.data.key !== key) return LOADING;
    if (raw.data.data === null) return { data: undefined, isLoading: false, error: { code: 'unknown' } };
    return { data: periodReport(raw.data.data, period, today), isLoading: false, error: null };
  }, [raw, key, today]);
}

/** The sheet as a CSV file (UTF-8 with BOM, `;`), ready to download. */
export function monthlySheetCsv(sheet: MonthlySheet, unitName: string): Blob {
  return new Blob([sheetToCsv(sheet, unitName)], { type: 'text/csv;charset=utf-8' });
}

const monthRange = (sheet: MonthlySheet) => ({ from: sheet.days[0]!.day, to: sheet.days[sheet.days.length - 1]!.day });

/** The monthly sheet as CSV or XLSX (with the legal `basis` under the title, if any); the export is recorded in the audit log. */
export async function exportMonthlySheet(sheet: MonthlySheet, unitName: string, format: 'csv' | 'xlsx', basis?: string): Promise<Blob> {
  const blob = format === 'csv' ? monthlySheetCsv(sheet, unitName) : (await import('./xlsx')).monthlySheetXlsxBlob(sheet, unitName, basis);
  await recordExport({ unitId: sheet.unitId, report: 'monthlySheet', format, ...monthRange(sheet), rows: sheet.rows.length });
  return blob;
}

/** The period report as XLSX (summary, participants, months); recorded in the audit log. */
export async function exportPeriodReport(report: PeriodReport, categoryLabel: (c: string) => string): Promise<Blob> {
  const blob = (await import('./xlsx')).periodReportXlsxBlob(report, categoryLabel);
  await recordExport({ unitId: report.unit.id, report: 'periodReport', format: 'xlsx', from: report.from, to: report.to, rows: report.people.length });
  return blob;
}

