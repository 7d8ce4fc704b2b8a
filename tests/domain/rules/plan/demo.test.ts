// The planner rules on the demo centre: its plan must look like a real one (no room or staff in two
// places at once, the Senior+ home open 8 hours a day), and Today must list what the planner expands.
import { describe, expect, it } from 'vitest';
import { daysInRange } from '../../../../src/domain/calendar';
import { expandSessions, planConflicts, seniorPlusHoursCheck, wtzHoursIssues } from '../../../../src/domain/rules/plan';
import { activitiesOnDay } from '../../../../src/domain/rules/today';
import { BASE, centre } from '../../demo/helpers';

describe('the demo centre’s plan', () => {
  const c = centre(BASE);
  const from = '2026-05-11';
  const to = '2026-05-24';

  // Recurring classes only: the demo's one-off event takes an instructor away from their studio
  // class, which is just what the planner is there to flag.
  it.each(['wtz', 'activeSeniorHome', 'childrenDayRoom'] as const)('%s: the weekly classes have no room or staff double bookings', (kind) => {
    const unit = c.unit(kind);
    const weekly = c.all('activities').filter((a) => a.kind === 'recurring');
    const occurrences = expandSessions(weekly, c.all('sessions'), unit, from, to);
    expect(occurrences.length).toBeGreaterThan(0);
    const conflicts = planConflicts(occurrences, { participants: c.all('participants'), unit, rooms: c.all('rooms') });
    expect(conflicts.filter((k) => k.kind === 'roomDoubleBooked' || k.kind === 'staffDoubleBooked' || k.kind === 'outsideOpeningHours')).toEqual([]);
  });

  it.each(['wtz', 'activeSeniorHome', 'childrenDayRoom'] as const)('%s: in a normal week nobody is in two places, no class is over its seats, the WTZ ratio holds', (kind) => {
    const unit = c.unit(kind);
    const weekly = c.all('activities').filter((a) => a.kind === 'recurring');
    const conflicts = planConflicts(expandSessions(weekly, c.all('sessions'), unit, from, to), { participants: c.all('participants'), unit, rooms: c.all('rooms') });
    expect(conflicts.map((k) => k.kind)).toEqual([]);
  });

  it('the WTZ plans 7 hours a day and 35 a week for each participant on their days', () => {
    const unit = c.unit('wtz');
    const weekly = c.all('activities').filter((a) => a.kind === 'recurring');
    const occurrences = expandSessions(weekly, [], unit, from, to);
    expect(wtzHoursIssues(occurrences, c.all('participants'), unit, from, to)).toEqual([]);
  });

  it('the whole-unit trip and event cancel the weekly classes they overlap, so the day stays free of clashes', () => {
    const sessions = c.all('sessions');
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((s) => s.status === 'cancelled')).toBe(true);
    for (const kind of ['wtz', 'activeSeniorHome'] as const) {
      const unit = c.unit(kind);
      const trip = c.all('activities').find((a) => a.kind === 'oneOff' && a.unitId === unit.id)!;
      const day = trip.kind === 'oneOff' ? trip.day : '';
      const conflicts = planConflicts(expandSessions(c.all('activities'), sessions, unit, day, day), { participants: c.all('participants'), unit, rooms: c.all('rooms') });
      expect(conflicts.map((k) => k.kind)).toEqual([]);
    }
  });

  it('the Senior+ home is open at least 8 hours Monday to Friday', () => {
    expect(seniorPlusHoursCheck(c.unit('activeSeniorHome'))).toEqual([]);
  });

  it('Today lists, day by day, exactly what the planner expands over the range', () => {
    const unit = c.unit('wtz');
    const perDay = daysInRange(from, to).flatMap((d) => activitiesOnDay(c.all('activities'), unit, d));
    expect(perDay).toEqual(expandSessions(c.all('activities'), [], unit, from, to));
  });
});
