/**
 * The month's meals of a unit (coordinators: fees and the kitchen's bill), live from the device
 * database, and its CSV export (recorded in the audit log, as printing it is). Days after today are left out: nothing is known of them yet.
 */
import { useMemo } from 'preact/hooks';
import { daysOfMonth, type Diet, type MealMonthSummary } from '../../../domain';
import { mealSummaryToCsv } from '../../../domain/rules/meals-month-csv';
import { mealMonthSummary } from '../../../domain/rules/meals-month';
import { listMealOrders, readMonthData } from '../../storage/queries';
import { useLiveQuery } from '../live-query';
import { recordExport } from '../export-audit';
import type { QueryResult } from '../types';

export function useMealMonth(unitId: string | null, month: string, today: string): QueryResult<MealMonthSummary> {
  const raw = useLiveQuery(unitId ? (db) => Promise.all([readMonthData(db, unitId, month), listMealOrders(db, unitId, month)]) : null, [unitId, month]);
  return useMemo<QueryResult<MealMonthSummary>>(() => {
    if (raw.data === undefined) return { data: undefined, isLoading: raw.isLoading, error: raw.error };
    const [data, orders] = raw.data;
    if (data === null) return { data: undefined, isLoading: false, error: { code: 'unknown' } };
    return { data: mealMonthSummary(data.unit, data.participants, data.marks, data.notices, orders, month, today), isLoading: false, error: null };
  }, [raw, month, today]);
}

/** The month's first and last day, the period an export or print of the summary covers. */
export function mealMonthRange(month: string): { from: string; to: string } {
  const days = daysOfMonth(month);
  return { from: days[0]!, to: days[days.length - 1]! };
}

/** The summary as a CSV file (UTF-8 with BOM, `;`), ready to download; recorded in the audit log. */
export async function exportMealMonth(unitId: string, summary: MealMonthSummary, unitName: string, dietName: (d: Diet) => string): Promise<Blob> {
  const blob = new Blob([mealSummaryToCsv(summary, unitName, dietName)], { type: 'text/csv;charset=utf-8' });
  await recordExport({ unitId, report: 'mealMonth', format: 'csv', ...mealMonthRange(summary.month), rows: summary.rows.length });
  return blob;
}
