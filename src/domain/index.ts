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
export * from './calendar';
export * from './time-of-day';
export * from './rules/polish-sort';
export * from './rules/expected';
export * from './rules/today';
export * from './rules/meals';
export * from './rules/marking';
export * from './rules/pickup';
export * from './rules/transport-route';
export * from './rules/meals-month';
export * from './rules/meals-month-csv';
export * from './rules/permissions';
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
export * from './register/import';
export * from './register/export';
export * from './rules/reports/monthly-sheet';
export * from './rules/reports/sheet-csv';
export * from './demo/generate';
export { mulberry32, seededUuidV7, type Rand } from './demo/random';
export * from './rules/reports/period';
export * from './rules/reports/hours';
export * from './rules/reports/period-report';
