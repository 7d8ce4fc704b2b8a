/**
 * The kitchen's day: lunches to order by diet (from who is expected and the absence notices), the
 * order once sent, what changed since (flagged when after the cut-off), lunches served (present
 * marks), and the allergies of the people eating.
 */
import { useMemo } from 'preact/hooks';
import {
  DIETS, eatingParticipants, kitchenDay, mealCountsByDiet, mealOrderId, orderState,
  type Diet, type KitchenDay, type MealOrder, type OrderState, type Participant,
} from '../../../domain';
import { getMealOrder, readDayData, type DayData } from '../../storage/queries';
import { saveChanges } from '../actions';
import { currentTime } from '../data-hooks';
import { useLiveQuery } from '../live-query';
import { runtime } from '../runtime';
import { buildTodayOverview } from '../today';
import type { ActionResult, QueryResult } from '../types';

export interface MealsDay {
  day: string;
  /** Lunches to order now, by diet. */
  toOrder: Record<Diet, number>;
  total: number;
  /** The order as sent (null: not sent yet). */
  sent: MealOrder | null;
  /** Where the order stands against the cut-off now (sent late, not sent and overdue). */
  state: OrderState;
  /** Per diet: now minus sent (only diets that changed). */
  changes: Partial<Record<Diet, number>>;
  /** Lunches served: people marked present, by diet. */
  served: Record<Diet, number>;
  servedTotal: number;
  /** People eating today who have allergies. */
  allergies: Participant[];
}

const zero = (): Record<Diet, number> => Object.fromEntries(DIETS.map((d) => [d, 0])) as Record<Diet, number>;

export function useMealsDay(unitId: string | null, day: string): QueryResult<MealsDay> {
  const raw = useLiveQuery(unitId ? (db) => Promise.all([readDayData(db, unitId, day, 0), getMealOrder(db, unitId, day)]) : null, [unitId, day]);
  return useMemo<QueryResult<MealsDay>>(() => {
    if (raw.data === undefined) return { data: undefined, isLoading: raw.isLoading, error: raw.error };
    const [data, order] = raw.data;
    if (data === null) return { data: undefined, isLoading: false, error: { code: 'unknown' } };
    const sent = order?.status === 'sent' ? order : null;
    const o = buildTodayOverview(data, day, false);
    const toOrder = mealCountsByDiet(o.expected, o.marks, data.notices, day);
    const changes: Partial<Record<Diet, number>> = {};
    if (sent) for (const d of DIETS) if (toOrder[d] !== (sent.counts[d] ?? 0)) changes[d] = toOrder[d] - (sent.counts[d] ?? 0);
    const served = zero();
    const present = new Set(o.marks.filter((m) => m.status === 'present').map((m) => m.participantId));
    for (const p of data.participants) if (present.has(p.id) && typeof p.diet === 'string') served[p.diet] += 1;
    // Everyone who eats: the expected ones not away, and anyone marked present (also when not due),
    // so an allergy is never missing where the lunch is handed out.
    const expectedEating = eatingParticipants(o.expected, o.marks, data.notices, day);
    const eatingIds = new Set(expectedEating.map((p) => p.id));
    const eating = [...expectedEating, ...data.participants.filter((p) => present.has(p.id) && !eatingIds.has(p.id))];
    return {
      data: {
        day, toOrder, total: DIETS.reduce((a, d) => a + toOrder[d], 0), sent, changes, served,
        state: orderState(sent, day, data.unit.mealCutoffTime, runtime.today.value, currentTime()),
        servedTotal: DIETS.reduce((a, d) => a + served[d], 0),
        allergies: eating.filter((p) => typeof p.allergies === 'string' && p.allergies.trim() !== ''),
      },
      isLoading: false,
      error: null,
    };
  }, [raw, day]);
}

/**
 * Sends (or re-sends) the day's order to the kitchen with the current counts. No extra lunches and
 * no note are only defaults of a new order (`ifAbsent`): a re-send, or a send from a device that
 * has not seen the order yet, keeps what was set there.
 */
export function sendMealOrder(unitId: string, day: string, counts: Record<Diet, number>): Promise<ActionResult> {
  // When it was sent, on this device's one "today" and "now" (issue 13: a late order is flagged).
  const sentOn = runtime.today.value;
  const sentAt = currentTime();
  return saveChanges([{ entity: 'mealOrders', id: mealOrderId(unitId, day), patch: { unitId, day, counts, extra: 0, status: 'sent', note: '', sentOn, sentAt }, ifAbsent: ['unitId', 'day', 'extra', 'note'] }]);
}

/**
 * The kitchen's day across every unit it cooks for (issue 13): a row per unit (lunches to order,
 * the order and when it was sent, late or missing) and one total. Units that serve no meals are
 * left out.
 */
export function useKitchenDay(unitIds: readonly string[], day: string): QueryResult<KitchenDay> {
  const key = unitIds.join(',');
  const raw = useLiveQuery(unitIds.length > 0
    ? (db) => Promise.all(unitIds.map((id) => readDayData(db, id, day, 0)))
    : null, [key, day]);
  return useMemo<QueryResult<KitchenDay>>(() => {
    if (raw.data === undefined) return { data: undefined, isLoading: raw.isLoading, error: raw.error };
    const units = raw.data.filter((d): d is DayData => d !== null && d.unit.servesMeals).map((data) => {
      const o = buildTodayOverview(data, day, false);
      return { unit: data.unit, toOrder: mealCountsByDiet(o.expected, o.marks, data.notices, day), order: data.mealOrder ?? null };
    });
    return { data: kitchenDay(units, day, runtime.today.value, currentTime()), isLoading: false, error: null };
  }, [raw, day]);
}
