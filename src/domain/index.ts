/** The domain: entity types, validation schemas and pure rules, shared by client and server. */
export * from './primitives';
export * from './hlc';
export * from './entities/meta';
export * from './entities/organization';
export * from './entities/unit';
export * from './entities/room';
export * from './entities/staff';
export * from './entities/participant';
export * from './entities/activity';
export * from './entities/session';
export * from './entities/attendance';
export * from './entities/absence-notice';
export * from './entities/route';
export * from './entities/meal-order';
export * from './entities/transport-event';
export * from './entities/registry';
export * from './entities/erasure';
export * from './calendar';
export * from './time-of-day';
export * from './rules/polish-sort';
export * from './rules/expected';
export * from './rules/today';
export * from './rules/meals';
export * from './rules/marking';
export * from './rules/pickup';
export * from './rules/transport-route';
export * from './rules/permissions';
export * from './rules/mark-changes';
export * from './rules/contradictions';
export * from './rules/meal-order-state';
export * from './sync';
// The planner's rules (conflicts, WTZ hours, copying) are imported from './rules/plan' by the lazy
// planner only: re-exporting them here would put them in the initial bundle. The expansion (used by
// Today) and the types are shared.
export { compareOccurrences, expandSessions, type PlanUnit, type SessionOccurrence } from './rules/plan/occurrences';
export type { PlanConflict, PlanConflictKind, PlanContext } from './rules/plan/conflicts';
export type { HoursIssue, ParticipantHours } from './rules/plan/hours';
export type { ShortWeekday } from './rules/plan/senior-plus';
export type { ActivityFields, NewTerm } from './rules/plan/copy';
export * from './register/search';
export * from './register/csv';
export * from './register/checks';
export * from './demo/generate';
export { mulberry32, seededUuidV7, type Rand } from './demo/random';
// The reports' computations, the month's meals and the register's CSV import and export are
// imported from './rules/reports', './rules/meals-month', './register/import' and
// './register/export' by the lazy screens' state only, for the same reason; their types are shared.
export type { MonthlySheet, SheetCell, SheetDay, SheetRow, SheetTotals } from './rules/reports/monthly-sheet';
export type { PeriodKind, ReportPeriod } from './rules/reports/period';
export type { AbsenceReasonKey, MonthSummary, PeriodReport, PersonMonth, PersonPeriod, ReportInput, ReportUnit } from './rules/reports/period-report';
export type { MealDayRow, MealDietTotals, MealMonthSummary, MealPersonRow } from './rules/meals-month';
export type { ImportContext, ImportField, ImportIssue, ImportPreview, ImportedRow } from './register/import';
