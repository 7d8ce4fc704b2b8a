// Issue 13, point 4: an order sent at 16:04 with a 09:00 cut-off was not flagged, and at 16:00 the
// kitchen read "not sent yet" without "after the cut-off". The rule, as a table.
import { describe, expect, it } from 'vitest';
import { kitchenDay, orderState } from '../../../src/domain/rules/meal-order-state';
import { mealOrderId, type MealOrder } from '../../../src/domain/entities/meal-order';
import { DIETS, type Diet } from '../../../src/domain/entities/participant';
import { meta } from './fixtures';

const DAY = '2026-12-07';
const order = (over: Partial<MealOrder> = {}): MealOrder => ({
  ...meta(mealOrderId('unit-1', DAY)), unitId: 'unit-1', day: DAY, counts: { standard: 20 }, extra: 0, status: 'sent', note: '', ...over,
});

describe('orderState', () => {
  it.each([
    ['sent at 16:04 on the day, cut-off 09:00', order({ sentOn: DAY, sentAt: '16:04' }), '09:00', DAY, '16:10', { kind: 'sent', sentOn: DAY, sentAt: '16:04', late: true }],
    ['sent at 08:55 on the day', order({ sentOn: DAY, sentAt: '08:55' }), '09:00', DAY, '16:10', { kind: 'sent', sentOn: DAY, sentAt: '08:55', late: false }],
    ['sent at 09:00 sharp', order({ sentOn: DAY, sentAt: '09:00' }), '09:00', DAY, '16:10', { kind: 'sent', sentOn: DAY, sentAt: '09:00', late: false }],
    ['sent the day before, late in the evening', order({ sentOn: '2026-12-06', sentAt: '21:00' }), '09:00', DAY, '10:00', { kind: 'sent', sentOn: '2026-12-06', sentAt: '21:00', late: false }],
    ['sent the day after', order({ sentOn: '2026-12-08', sentAt: '07:00' }), '09:00', '2026-12-08', '07:00', { kind: 'sent', sentOn: '2026-12-08', sentAt: '07:00', late: true }],
    ['sent at 16:04 with no cut-off', order({ sentOn: DAY, sentAt: '16:04' }), null, DAY, '16:10', { kind: 'sent', sentOn: DAY, sentAt: '16:04', late: false }],
    ['sent before the time was recorded', order(), '09:00', DAY, '16:10', { kind: 'sent', sentOn: null, sentAt: null, late: false }],
    ['not sent at 16:00, cut-off 09:00', null, '09:00', DAY, '16:00', { kind: 'notSent', overdue: true }],
    ['not sent at 08:30', null, '09:00', DAY, '08:30', { kind: 'notSent', overdue: false }],
    ['not sent, for tomorrow', null, '09:00', '2026-12-06', '16:00', { kind: 'notSent', overdue: false }],
    ['not sent, for a past day', null, '09:00', '2026-12-08', '07:00', { kind: 'notSent', overdue: true }],
    ['only a draft at 16:00', order({ status: 'draft' }), '09:00', DAY, '16:00', { kind: 'notSent', overdue: true }],
    ['not sent, no cut-off', null, null, DAY, '16:00', { kind: 'notSent', overdue: false }],
  ] as const)('%s', (_, o, cutoff, today, now, expected) => {
    expect(orderState(o, DAY, cutoff, today, now)).toEqual(expected);
  });
});

// The kitchen had no total across its units: one total, a row per unit, the late ones counted.
describe('kitchenDay', () => {
  const counts = (standard: number, diabetic = 0) => ({ ...Object.fromEntries(DIETS.map((d) => [d, 0])) as Record<Diet, number>, standard, diabetic });
  const units = [
    { unit: { id: 'u-s', name: 'Senior+ „Złota Jesień”', mealCutoffTime: '09:00' }, toOrder: counts(18, 3), order: order({ unitId: 'u-s', counts: { standard: 17, diabetic: 3 }, extra: 2, sentOn: DAY, sentAt: '16:04' }) },
    { unit: { id: 'u-w', name: 'WTZ „Przystań”', mealCutoffTime: '09:00' }, toOrder: counts(25, 1), order: null },
    { unit: { id: 'u-d', name: 'ŚDS „Dom”', mealCutoffTime: '10:00' }, toOrder: counts(10), order: order({ unitId: 'u-d', counts: { standard: 10 }, sentOn: DAY, sentAt: '08:30' }) },
  ];
  const k = kitchenDay(units, DAY, DAY, '16:10');

  it('gives a row per unit in Polish name order, each with its state', () => {
    expect(k.rows.map((r) => [r.name, r.total, r.sentTotal, r.state.kind === 'sent' ? r.state.late : r.state.overdue])).toEqual([
      ['Senior+ „Złota Jesień”', 21, 22, true],
      ['ŚDS „Dom”', 10, 10, false],
      ['WTZ „Przystań”', 26, null, true],
    ]);
  });

  it('adds one total across the units, by diet and in all', () => {
    expect(k.total).toBe(57);
    expect(k.toOrder).toMatchObject({ standard: 53, diabetic: 4 });
    expect([k.sentTotal, k.notSent, k.overdue]).toEqual([32, 1, 1]);
    expect(k.total).toBe(k.rows.reduce((a, r) => a + r.total, 0));
  });
});
