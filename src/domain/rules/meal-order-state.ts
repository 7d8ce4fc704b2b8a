/**
 * Where the lunch order of a day stands against the unit's cut-off (issue 13), for the coordinator
 * and the kitchen: sent in time, sent late (after the cut-off on the day itself, or after the day),
 * not sent yet, or not sent although the cut-off has passed. Pure: today and the time now are
 * parameters (the device's corrected clock). Without a cut-off nothing is ever late.
 */
import type { Day, Time } from '../primitives';
import type { MealOrder } from '../entities/meal-order';

export type OrderState =
  /** `sentOn`/`sentAt` are null for an order sent before they were recorded. */
  | { kind: 'sent'; sentOn: Day | null; sentAt: Time | null; late: boolean }
  | { kind: 'notSent'; overdue: boolean };

/** True when an order sent on `sentOn` at `sentAt` for `day` came after the cut-off. */
export function sentLate(day: Day, sentOn: Day, sentAt: Time | null, cutoff: Time | null): boolean {
  if (cutoff === null || sentOn < day) return false;
  if (sentOn > day) return true;
  return sentAt !== null && sentAt > cutoff;
}

export function orderState(order: MealOrder | null, day: Day, cutoff: Time | null, today: Day, now: Time): OrderState {
  if (order && !order.deleted && order.status === 'sent') {
    const sentOn = order.sentOn ?? null;
    const sentAt = order.sentAt ?? null;
    return { kind: 'sent', sentOn, sentAt, late: sentOn !== null && sentLate(day, sentOn, sentAt, cutoff) };
  }
  const overdue = cutoff !== null && (day < today || (day === today && now > cutoff));
  return { kind: 'notSent', overdue };
}
