/**
 * Where the lunch order of a day stands against the unit's cut-off (issue 13), for the coordinator
 * and the kitchen: sent in time, sent late (after the cut-off on the day itself, or after the day),
 * not sent yet, or not sent although the cut-off has passed. Pure: today and the time now are
 * parameters (the device's corrected clock). Without a cut-off nothing is ever late. And the
 * kitchen's day across all its units: a row per unit and one total.
 */
import type { Day, Time } from '../primitives';
import type { MealOrder } from '../entities/meal-order';
import { DIETS, type Diet } from '../entities/participant';
import type { Unit } from '../entities/unit';
import { comparePolish } from './polish-sort';

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

/** One unit's lunches of a day for the kitchen: what the rules order now, and the order as sent. */
export interface KitchenUnitRow {
  unitId: string;
  name: string;
  toOrder: Record<Diet, number>;
  total: number;
  /** The lunches of the sent order (participants plus extra); null when none was sent. */
  sentTotal: number | null;
  state: OrderState;
}

export interface KitchenDay {
  rows: KitchenUnitRow[];
  /** Across the units: lunches by diet and in all, as the rules order them now. */
  toOrder: Record<Diet, number>;
  total: number;
  /** Lunches of the orders sent, and how many units have not sent theirs yet (how many of those are overdue). */
  sentTotal: number;
  notSent: number;
  overdue: number;
}

export interface KitchenUnitInput {
  unit: Pick<Unit, 'id' | 'name' | 'mealCutoffTime'>;
  toOrder: Record<Diet, number>;
  order: MealOrder | null;
}

/**
 * The kitchen's day across all its units (issue 13): a row per unit, in the units' name order, and
 * one total. Pure: the per-unit counts come from `mealCountsByDiet`, today and now are parameters.
 */
export function kitchenDay(units: readonly KitchenUnitInput[], day: Day, today: Day, now: Time): KitchenDay {
  const toOrder = Object.fromEntries(DIETS.map((d) => [d, 0])) as Record<Diet, number>;
  const rows = units.map(({ unit, toOrder: counts, order }): KitchenUnitRow => {
    for (const d of DIETS) toOrder[d] += counts[d];
    const state = orderState(order, day, unit.mealCutoffTime, today, now);
    const sentTotal = state.kind === 'sent' && order ? DIETS.reduce((a, d) => a + (order.counts[d] ?? 0), 0) + order.extra : null;
    return { unitId: unit.id, name: unit.name, toOrder: counts, total: DIETS.reduce((a, d) => a + counts[d], 0), sentTotal, state };
  }).sort((a, b) => comparePolish(a.name, b.name) || (a.unitId < b.unitId ? -1 : 1));
  return {
    rows, toOrder, total: DIETS.reduce((a, d) => a + toOrder[d], 0),
    sentTotal: rows.reduce((a, r) => a + (r.sentTotal ?? 0), 0),
    notSent: rows.filter((r) => r.state.kind === 'notSent').length,
    overdue: rows.filter((r) => r.state.kind === 'notSent' && r.state.overdue).length,
  };
}
