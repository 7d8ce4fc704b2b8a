/** The monthly attendance sheet of a unit, live from the device database, and its CSV export. */
import { useMemo } from 'preact/hooks';
import { monthlySheet, sheetToCsv, type MonthlySheet } from '../../domain';
import { readMonthData } from '../storage/queries';
import { useLiveQuery } from './live-query';
import type { QueryResult } from './types';

export function useMonthlySheet(unitId: string | null, month: string): QueryResult<MonthlySheet> {
  const raw = useLiveQuery(unitId ? (db) => readMonthData(db, unitId, month) : null, [unitId, month]);
  return useMemo<QueryResult<MonthlySheet>>(() => {
    if (raw.data === undefined) return { data: undefined, isLoading: raw.isLoading, error: raw.error };
    if (raw.data === null) return { data: undefined, isLoading: false, error: { code: 'unknown' } };
    const { unit, participants, marks, notices } = raw.data;
    return { data: monthlySheet(unit, participants, marks, notices, month), isLoading: false, error: null };
  }, [raw, month]);
}

/** The sheet as a CSV file (UTF-8 with BOM, `;`), ready to download. */
export function monthlySheetCsv(sheet: MonthlySheet, unitName: string): Blob {
  return new Blob([sheetToCsv(sheet, unitName)], { type: 'text/csv;charset=utf-8' });
}
