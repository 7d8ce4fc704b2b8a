/**
 * The month's meals of a unit (coordinators: fees and the kitchen's bill), live from the device
 * database, and its CSV export. Days after today are left out: nothing is known of them yet.
 */
import { useMemo } from 'preact/hooks';
import { mealMonthSummary, mealSummaryToCsv, type Diet, type MealMonthSummary } from '../../domain';
import { listMealOrders, readMonthData } from '../storage/queries';
import { useLiveQuery } from './live-query';
import type { QueryResult } from './types';

export function useMealMonth(unitId: string | null, month: string, today: string): QueryResult<MealMonthSummary> {
  const raw = useLiveQuery(unitId ? (db) => Promise.all([readMonthData(db, unitId, month), listMealOrders(db, unitId, month)]) : null, [unitId, month]);
  return useMemo<QueryResult<MealMonthSummary>>(() => {
    if (raw.data === undefined) return { data: undefined, isLoading: raw.isLoading, error: raw.error };
    const [data, orders] = raw.data;
    if (data === null) return { data: undefined, isLoading: false, error: { code: 'unknown' } };
    return { data: mealMonthSummary(data.unit, data.participants, data.marks, data.notices, orders, month, today), isLoading: false, error: null };
  }, [raw, month, today]);
}

/** The summary as a CSV file (UTF-8 with BOM, `;`), ready to download. */
export function mealMonthCsv(summary: MealMonthSummary, unitName: string, dietName: (d: Diet) => string): Blob {
  return new Blob([mealSummaryToCsv(summary, unitName, dietName)], { type: 'text/csv;charset=utf-8' });
}
