/**
 * The meals feature's state: the kitchen's day (`day.ts`: lunches by diet, the order, changes after
 * the cut-off) and the month's summary with its CSV export (`month.ts`). The meals screens import
 * this module; the shell's core does not, so both load with the meals chunk.
 */
export { sendMealOrder, useKitchenDay, useMealsDay, type MealsDay } from './day';
export { exportMealMonth, mealMonthRange, useMealMonth } from './month';
export type { KitchenDay, KitchenUnitRow, MealDayRow, MealMonthSummary, MealPersonRow, OrderState } from '../../../domain';
