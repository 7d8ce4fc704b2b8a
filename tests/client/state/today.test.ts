import { describe, expect, it } from 'vitest';
import { buildTodayOverview } from '../../../src/client/state/today';
import type { DayData } from '../../../src/client/storage/queries';
import { mark, notice, person, recurring, unit } from '../../domain/rules/fixtures';

const MONDAY = '2026-11-23';

function data(over: Partial<DayData> = {}): DayData {
  const anna = person('p-anna', { firstName: 'Anna', lastName: 'Żak' });
  const lukasz = person('p-lukasz', { firstName: 'Łukasz', lastName: 'Adamski' });
  const ola = person('p-ola', { firstName: 'Ola', lastName: 'Ćwik', diet: 'diabetic' });
  return {
    unit: unit(), sessions: [], participants: [anna, lukasz, ola], marks: [mark('p-anna', MONDAY, 'present')], recentMarks: [mark('p-anna', MONDAY, 'present')],
    notices: [notice('p-ola', MONDAY, '2026-11-25')], activities: [recurring('a-1', { weekdays: [1], roomId: 'room-1', staffIds: ['s-1'] })],
    rooms: [{ id: 'room-1', organizationId: 'org', hlc: '', changedBy: '', deleted: false, unitId: 'unit-1', name: 'Pracownia stolarska', isStudio: true, capacity: 6 }],
    staff: [{ id: 's-1', organizationId: 'org', hlc: '', changedBy: '', deleted: false, firstName: 'Ewa', lastName: 'Lis', role: 'therapist', jobTitle: '', unitIds: ['unit-1'], phone: null, email: null, active: true }],
    ...over,
  };
}

describe('buildTodayOverview', () => {
  it('lists the expected people in Polish order with counts, the notice, the class and the meals', () => {
    const o = buildTodayOverview(data(), MONDAY);
    expect(o.expected.map((p) => p.lastName)).toEqual(['Adamski', 'Ćwik', 'Żak']);
    expect(o.counts).toEqual({ expected: 3, present: 1, absent: 0, excused: 1, unmarked: 1 });
    expect(o.notices.map((n) => n.participantId)).toEqual(['p-ola']);
    expect(o.sessions).toEqual([expect.objectContaining({ roomName: 'Pracownia stolarska', staffNames: ['Ewa Lis'] })]);
    // Ola is excused by her notice: two lunches (Anna present, Łukasz not yet marked).
    expect(o.mealsToday).toBe(2);
    expect(o.holidayName).toBeNull();
    expect(o.closedReason).toBeNull();
  });

  it('on a public holiday names it, expects nobody and plans no class', () => {
    const o = buildTodayOverview(data(), '2026-11-11');
    expect(o.holidayName).toBe('Narodowe Święto Niepodległości');
    expect(o.expected).toEqual([]);
    expect(o.sessions).toEqual([]);
  });

  it("gives a unit's own closed day with its reason, and 'weekday' on a Saturday", () => {
    const closed = data({ unit: unit({ closedDays: [{ day: MONDAY, reason: 'Dezynfekcja' }] }) });
    expect(buildTodayOverview(closed, MONDAY).closedReason).toBe('Dezynfekcja');
    expect(buildTodayOverview(data(), '2026-11-28').closedReason).toBe('weekday');
  });

  it('leaves out a class cancelled for the day', () => {
    const cancelled = { id: 's:a-1:2026-11-23', organizationId: 'org', hlc: '', changedBy: '', deleted: false, activityId: 'a-1', unitId: 'unit-1', day: MONDAY,
      status: 'cancelled' as const, movedTo: null, substituteStaffIds: null, topic: '', notes: '' };
    expect(buildTodayOverview(data({ sessions: [cancelled] }), MONDAY).sessions).toEqual([]);
  });

  it('has no meal count for a unit without meals', () => {
    expect(buildTodayOverview(data({ unit: unit({ servesMeals: false }) }), MONDAY).mealsToday).toBeNull();
  });
});
