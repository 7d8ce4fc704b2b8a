/** The weekly planner's pure rules (issue 5): occurrences, audiences, conflicts, WTZ and Senior+ hours. */
export { activityOccursOn } from './recurrence';
export { compareOccurrences, expandSessions, type PlanUnit, type SessionOccurrence } from './occurrences';
export { audienceMemo, expectedAudience, isEnrolledOn } from './audience';
export { overlappingPairs, overlaps, unionMinutes, type Timed } from './intervals';
export {
  PLAN_CONFLICT_KINDS, WTZ_PARTICIPANTS_PER_STAFF, compareConflicts, planConflicts,
  type PlanConflict, type PlanConflictKind, type PlanContext,
} from './conflicts';
export { WTZ_MAX_WEEKLY_HOURS, plannedHours, wtzHoursIssues, type HoursIssue, type ParticipantHours } from './hours';
export { SENIOR_PLUS_MIN_DAILY_HOURS, seniorPlusHoursCheck, type ShortWeekday } from './senior-plus';
export { DRAFT_CHECK_WEEKS, conflictsForDraft, type DraftCheck } from './draft';
export { activityFields, copyWeekOneOffs, newTermFromTemplate, type ActivityFields, type NewTerm } from './copy';
