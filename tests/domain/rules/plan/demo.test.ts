// The planner rules on the demo centre: its plan must look like a real one (no room or staff in two
// places at once, the Senior+ home open 8 hours a day), and Today must list what the planner expands.
import { describe, expect, it } from 'vitest';
import { daysInRange } from '../../../../src/domain/calendar';
import { expandSessions, planConflicts, seniorPlusHoursCheck } from '../../../../src/domain/rules/plan';
import { activitiesOnDay } from '../../../../src/domain/rules/today';
import { BASE, centre } from '../../demo/helpers';

describe('the demo centre’s plan', () => {
  const c = centre(BASE);
  const from = '2026-05-11';
  const to = '2026-05-24';

  // Recurring classes only: the demo's one-off event takes an instructor away from their studio
  // class, which is just what the planner is there to flag.
  it.each(['wtz', 'seniorPlus', 'childrenDayRoom'] as const)('%s: the weekly classes have no room or staff double bookings', (kind) => {
    const unit = c.unit(kind);
    const weekly = c.all('activities').filter((a) => a.kind === 'recurring');
    const occurrences = expandSessions(weekly, c.all('sessions'), unit, from, to);
    expect(occurrences.length).toBeGreaterThan(0);
    const conflicts = planConflicts(occurrences, { participants: c.all('participants'), unit, rooms: c.all('rooms') });
    expect(conflicts.filter((k) => k.kind === 'roomDoubleBooked' || k.kind === 'staffDoubleBooked' || k.kind === 'outsideOpeningHours')).toEqual([]);
  });

  it('the Senior+ home is open at least 8 hours Monday to Friday', () => {
    expect(seniorPlusHoursCheck(c.unit('seniorPlus'))).toEqual([]);
  });

  it('Today lists, day by day, exactly what the planner expands over the range', () => {
    const unit = c.unit('wtz');
    const perDay = daysInRange(from, to).flatMap((d) => activitiesOnDay(c.all('activities'), unit, d));
    expect(perDay).toEqual(expandSessions(c.all('activities'), [], unit, from, to));
  });
});
