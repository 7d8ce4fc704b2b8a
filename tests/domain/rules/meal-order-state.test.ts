// Issue 13, point 4: an order sent at 16:04 with a 09:00 cut-off was not flagged, and at 16:00 the
// kitchen read "not sent yet" without "after the cut-off". The rule, as a table.
import { describe, expect, it } from 'vitest';
import { orderState } from '../../../src/domain/rules/meal-order-state';
import { mealOrderId, type MealOrder } from '../../../src/domain/entities/meal-order';
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
