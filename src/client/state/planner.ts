/**
 * The weekly planner's part of the state layer: its read model and writes. The planner screen
 * imports this module instead of `state/index.ts`, so the plan rules it pulls in (conflicts, WTZ
 * hours, copying) load with the lazy planner chunk and stay out of the initial bundle.
 */
export { buildPlanWeek, usePlanWeek, type CancelledOccurrence, type PlanDay, type PlanWeek } from './plan-week';
export {
  canEditPlan, cancelOccurrence, copyWeek, deleteActivity, moveOccurrence, restoreOccurrence, saveActivity, startNewTerm, substituteOccurrence,
  type ActivityFields,
} from './plan';
