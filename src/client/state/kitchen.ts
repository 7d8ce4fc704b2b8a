/**
 * The meals screen's part of the state layer: the kitchen's day and the month's summary (the
 * screen imports this module instead of `state/index.ts`, so both load with its lazy chunk).
 */
export { sendMealOrder, useMealsDay, type MealsDay } from './meals';
export { exportMealMonth, mealMonthRange, useMealMonth } from './meals-month';
