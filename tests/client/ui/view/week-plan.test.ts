// The weekly plan groups classes Monday first, in time order, and drops classes that have ended.
import { describe, expect, it } from 'vitest';
import { buildWeekPlan } from '../../../../src/client/ui/view/week-plan';
import { makeOneOff, makeRecurring } from '../fixtures';

describe('buildWeekPlan', () => {
  const today = '2026-11-23';
  const activities = [
    makeRecurring({ id: 'late', title: 'Muzykoterapia', weekdays: [1, 3], startTime: '12:00', endTime: '13:00' }),
    makeRecurring({ id: 'early', title: 'Gimnastyka', weekdays: [1], startTime: '08:30', endTime: '09:00' }),
    makeRecurring({ id: 'ended', title: 'Stary kurs', weekdays: [2], validTo: '2026-06-30' }),
    makeRecurring({ id: 'sat', title: 'Wycieczka sobotnia', weekdays: [6] }),
    makeRecurring({ id: 'gone', title: 'Usunięte', weekdays: [4], deleted: true }),
    makeOneOff({ id: 'trip', title: 'Wyjazd do Sopotu', day: '2026-12-02' }),
    makeOneOff({ id: 'past', title: 'Bal', day: '2026-11-01' }),
    makeOneOff({ id: 'soon', title: 'Wigilia', day: '2026-11-30' }),
  ];
  const plan = buildWeekPlan(activities, today);

  it('lists Monday to Friday, and a weekend day only when it has classes', () => {
    expect(plan.days.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('orders a day by start time', () => {
    expect(plan.days[0]?.activities.map((a) => a.id)).toEqual(['early', 'late']);
    expect(plan.days[2]?.activities.map((a) => a.id)).toEqual(['late']);
  });

  it('leaves out ended and deleted classes', () => {
    expect(plan.days[1]?.activities).toEqual([]);
    expect(plan.days[3]?.activities).toEqual([]);
  });

  it('lists upcoming one-off events by date', () => {
    expect(plan.oneOffs.map((a) => a.id)).toEqual(['soon', 'trip']);
  });
});
