/**
 * Reports of one kind of centre over a year (issue 19): the ŚDS participant register with its long
 * absences and the MPiPS-05 figures, the WTZ annual report to the county. Each is a pure rule of
 * `domain/rules/kinds` over the year's period report, as of today (`useToday`).
 */
import { useMemo } from 'preact/hooks';
import { mpips05Figures, sdsRegister, type Mpips05Figures, type RegisterEntry } from '../../../domain/rules/kinds/sds';
import { wtzAnnualReport, type WtzAnnualReport } from '../../../domain/rules/kinds/wtz-annual';
import { periodRange, periodReport, type PeriodReport } from '../../../domain/rules/reports';
import { readPeriodData, type PeriodData } from '../../storage/queries';
import { useToday } from '../data-hooks';
import { recordExport } from '../export-audit';
import { useLiveQuery } from '../live-query';
import type { QueryResult } from '../types';

export interface SdsYear { report: PeriodReport; register: RegisterEntry[]; figures: Mpips05Figures }

/** The year's raw data and period report of a unit, as of today, or null when the unit is gone. */
function useYear<T>(unitId: string | null, year: number, make: (data: PeriodData, report: PeriodReport) => T): QueryResult<T> {
  const today = useToday();
  const period = { kind: 'year' as const, month: `${year}-01` };
  const { from, to } = periodRange(period);
  const key = `${unitId}:${year}`;
  const raw = useLiveQuery(unitId ? (db) => readPeriodData(db, unitId, from, to).then((data) => ({ key, data })) : null, [key]);
  return useMemo<QueryResult<T>>(() => {
    if (raw.data === undefined) return { data: undefined, isLoading: raw.isLoading, error: raw.error };
    if (raw.data.key !== key) return { data: undefined, isLoading: true, error: null };
    if (raw.data.data === null) return { data: undefined, isLoading: false, error: { code: 'unknown' } };
    const data = raw.data.data;
    return { data: make(data, periodReport(data, period, today)), isLoading: false, error: null };
    // `make` is a module-level function of each caller, the same on every render.
  }, [raw, key, today]);
}

function makeSdsYear(data: PeriodData, report: PeriodReport): SdsYear {
  return { report, register: sdsRegister(report, data.marks, data.notices), figures: mpips05Figures(report, data.participants) };
}

/** A ŚDS's year: the § 24 participant register (absences over two weeks) and the MPiPS-05 figures. */
export function useSdsYear(unitId: string | null, year: number): QueryResult<SdsYear> {
  return useYear(unitId, year, makeSdsYear);
}

/** The ŚDS participant register as XLSX; recorded in the audit log. */
export async function exportSdsRegister(year: SdsYear, unitName: string): Promise<Blob> {
  const blob = (await import('./xlsx')).sdsRegisterXlsxBlob(year.register, unitName, year.report.from.slice(0, 4), year.report.asOf);
  await recordExport({ unitId: year.report.unit.id, report: 'sdsRegister', format: 'xlsx', from: year.report.from, to: year.report.to, rows: year.register.length });
  return blob;
}

const makeWtzAnnual = (data: PeriodData, report: PeriodReport): WtzAnnualReport => wtzAnnualReport(report, data.participants);

/** A WTZ's annual report to the county (§ 21 of Dz.U. 2021 poz. 2284). */
export function useWtzAnnual(unitId: string | null, year: number): QueryResult<WtzAnnualReport> {
  return useYear(unitId, year, makeWtzAnnual);
}

/** The WTZ annual report as XLSX; recorded in the audit log. */
export async function exportWtzAnnual(report: WtzAnnualReport, unitId: string, unitName: string): Promise<Blob> {
  const blob = (await import('./xlsx')).wtzAnnualXlsxBlob(report, unitName);
  await recordExport({ unitId, report: 'wtzAnnualReport', format: 'xlsx', from: `${report.year}-01-01`, to: `${report.year}-12-31`, rows: report.people.length });
  return blob;
}
