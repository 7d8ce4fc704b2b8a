// Properties of the expansion over random plans, closed days and exceptions (fast-check):
// splitting a range changes nothing, every occurrence is real, and without exceptions the
// expansion is the naive loop over days × activities.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysInRange, isUnitOpen } from '../../../../src/domain/calendar';
import type { Activity } from '../../../../src/domain/entities/activity';
import type { Session } from '../../../../src/domain/entities/session';
import type { Weekday } from '../../../../src/domain/primitives';
import { activityOccursOn, expandSessions } from '../../../../src/domain/rules/plan';
import { oneOff, recurring, session, unit } from './fixtures';

const START = '2026-03-16';
const SPAN = 70; // ten weeks, across Easter and the spring DST change
const dayArb = fc.integer({ min: 0, max: SPAN - 1 }).map((n) => addDays(START, n));
const timeArb = fc.integer({ min: 7 * 4, max: 16 * 4 }).map((q) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`);
const slotArb = fc.tuple(timeArb, fc.integer({ min: 1, max: 12 })).map(([s, quarters]) => {
  const m = Number(s.slice(0, 2)) * 60 + Number(s.slice(3)) + quarters * 15;
  return { startTime: s, endTime: `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}` };
});

const activityArb = (i: number): fc.Arbitrary<Activity> => fc.oneof(
  fc.record({
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    from: dayArb, length: fc.option(fc.integer({ min: 0, max: SPAN }), { nil: null }), slot: slotArb,
  }).map(({ weekdays, from, length, slot }) =>
    recurring(`r${i}`, { weekdays: weekdays as Weekday[], validFrom: from, validTo: length === null ? null : addDays(from, length), ...slot })),
  fc.record({ day: dayArb, slot: slotArb }).map(({ day, slot }) => oneOff(`o${i}`, day, slot)),
);

const planArb = fc.integer({ min: 1, max: 6 }).chain((n) => fc.record({
  activities: fc.tuple(...Array.from({ length: n }, (_, i) => activityArb(i))),
  closed: fc.uniqueArray(dayArb, { maxLength: 5 }),
  exceptions: fc.array(fc.record({
    activity: fc.integer({ min: 0, max: n - 1 }), planned: dayArb, status: fc.constantFrom('planned', 'cancelled', 'moved'),
    to: dayArb, slot: slotArb,
  }), { maxLength: 12 }),
  cut: fc.integer({ min: 0, max: SPAN - 2 }),
}));

type Plan = typeof planArb extends fc.Arbitrary<infer T> ? T : never;

/** The unit with the plan's closed days and the plan's exception records. */
function build(plan: Plan) {
  const u = unit({ closedDays: plan.closed.map((day) => ({ day, reason: 'x' })) });
  const sessions: Session[] = plan.exceptions.map((e) => session(plan.activities[e.activity]!.id, e.planned, {
    status: e.status, movedTo: e.status === 'moved' ? { day: e.to, ...e.slot } : null,
  }));
  return { u, sessions };
}

describe('expandSessions properties', () => {
  it('splitting the range in two gives the same occurrences; each is open, in range, unique, not cancelled', () => {
    fc.assert(fc.property(planArb, (plan) => {
      const { u, sessions } = build(plan);
      const end = addDays(START, SPAN - 1);
      const whole = expandSessions(plan.activities, sessions, u, START, end);
      const mid = addDays(START, plan.cut);
      const split = [...expandSessions(plan.activities, sessions, u, START, mid), ...expandSessions(plan.activities, sessions, u, addDays(mid, 1), end)];
      expect(split).toEqual(whole);
      expect(new Set(whole.map((o) => o.sessionId)).size).toBe(whole.length);
      for (const o of whole) {
        expect(isUnitOpen(u, o.day)).toBe(true);
        expect(o.day >= START && o.day <= end).toBe(true);
        expect(o.exception?.status).not.toBe('cancelled');
      }
    }), { numRuns: 200 });
  });

  it('without exceptions it is the naive loop over days × activities on open days', () => {
    fc.assert(fc.property(planArb, (plan) => {
      const { u } = build(plan);
      const end = addDays(START, SPAN - 1);
      const naive = daysInRange(START, end).flatMap((day) => (isUnitOpen(u, day)
        ? plan.activities.filter((a) => activityOccursOn(a, day)).map((a) => `${a.id}@${day}`) : []));
      const got = expandSessions(plan.activities, [], u, START, end).map((o) => `${o.activityId}@${o.day}`);
      expect([...got].sort()).toEqual([...naive].sort());
    }), { numRuns: 200 });
  });
});
