/**
 * The reports feature's state: the monthly sheet and the period reports with their CSV and XLSX
 * exports (`sheets.ts`, the XLSX writer loaded on demand from `xlsx.ts`) and the administrator's
 * export log. The reports screens import this module; the shell's core does not, so the report
 * computations load with the reports chunk. The export audit itself is core (`state/exports.ts`).
 */
export { exportMonthlySheet, exportPeriodReport, monthlySheetCsv, useMonthlySheet, usePeriodReport } from './sheets';
export { exportSdsRegister, exportWtzAnnual, useSdsYear, useWtzAnnual, type SdsYear } from './kinds';
export { flushPendingExports, loadExportLog } from '../export-audit';
export type { ExportLogEntry } from '../../../protocol';
