/**
 * The reports screen's part of the state layer: the monthly sheet, the period reports, their
 * exports and the export log (the record of a print, like the queue's count, is in `state/exports`). The screen imports this module instead of `state/index.ts`, so the
 * report computations load with its lazy chunk and stay out of the initial bundle.
 */
export { exportMonthlySheet, exportPeriodReport, monthlySheetCsv, useMonthlySheet, usePeriodReport } from './reports';
export { flushPendingExports, loadExportLog } from './reports-audit';
