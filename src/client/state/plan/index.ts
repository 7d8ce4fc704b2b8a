/**
 * The plan feature's state: the weekly planner's read model (`week.ts`) and its writes to
 * activities and single occurrences (`activities.ts`). The plan screens import this module; the
 * shell's core (`state/index.ts`) does not, so the plan rules load with the plan chunk.
 */
export { buildPlanWeek, usePlanWeek, type CancelledOccurrence, type PlanDay, type PlanWeek } from './week';
export {
  canEditPlan, cancelOccurrence, copyWeek, deleteActivity, moveOccurrence, restoreOccurrence, saveActivity, startNewTerm, substituteOccurrence,
  type ActivityFields,
} from './activities';
