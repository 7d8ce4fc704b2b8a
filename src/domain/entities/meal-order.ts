/** Meal order (zamówienie posiłków): the day's count of lunches by diet, sent to the kitchen or caterer. */
import * as v from 'valibot';
import { DaySchema, IdSchema, TimeSchema } from '../primitives';
import { DIETS } from './participant';
import { syncMetaEntries } from './meta';

const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000));

export const MealOrderSchema = v.object({
  ...syncMetaEntries,
  unitId: IdSchema,
  day: DaySchema,
  counts: v.record(v.picklist(DIETS), Count),
  /** Staff and guests eating on top of the participants. */
  extra: Count,
  status: v.picklist(['draft', 'sent'] as const),
  note: v.pipe(v.string(), v.maxLength(500)),
  /**
   * Issue 13: the day and time the order was (last) sent, on the sending device's corrected clock;
   * optional, so orders sent before have none (their time is unknown, never guessed).
   */
  sentOn: v.optional(v.nullable(DaySchema)),
  sentAt: v.optional(v.nullable(TimeSchema)),
});
export type MealOrder = v.InferOutput<typeof MealOrderSchema>;

/** One order per unit and day. */
export function mealOrderId(unitId: string, day: string): string {
  return `mo:${unitId}:${day}`;
}
