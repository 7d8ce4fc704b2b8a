import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../../src/domain/entities/activity';
import type { Participant } from '../../../../src/domain/entities/participant';
import type { Room } from '../../../../src/domain/entities/room';
import type { Unit } from '../../../../src/domain/entities/unit';
import { expandSessions, planConflicts, type PlanConflict } from '../../../../src/domain/rules/plan';
import { oneOff, person, recurring, room, session, unit } from './fixtures';

const DAY = '2026-05-06'; // Wednesday
const id = (activityId: string, day = DAY) => `s:${activityId}:${day}`;
const c = (kind: PlanConflict['kind'], ids: string[], subjectId: string, count: number | null = null, limit: number | null = null, day = DAY): PlanConflict =>
  ({ kind, day, occurrenceIds: ids.map((a) => id(a, day)).sort(), subjectId, count, limit });

/** Four people in studio "wood", three in "sew". */
const people: Participant[] = [
  ...['w1', 'w2', 'w3', 'w4'].map((p) => person(p, { studioId: 'wood' })),
  ...['s1', 's2', 's3'].map((p) => person(p, { studioId: 'sew' })),
];
const rooms: Room[] = [room('hall', 5), room('small', 2), room('any', null)];
const wood = { type: 'studio' as const, studioId: 'wood' };
const sew = { type: 'studio' as const, studioId: 'sew' };
const one = (participantIds: string[]) => ({ type: 'people' as const, participantIds });

interface Case { name: string; activities: Activity[]; unit?: Unit; expected: PlanConflict[] }

const cases: Case[] = [
  {
    name: 'back-to-back classes in one room with one instructor (9:00–10:00, 10:00–11:00) do not conflict',
    activities: [
      recurring('a', { roomId: 'hall', staffIds: ['anna'], audience: wood }),
      recurring('b', { roomId: 'hall', staffIds: ['anna'], audience: wood, startTime: '10:00', endTime: '11:00' }),
    ],
    expected: [],
  },
  {
    name: 'a room double-booked',
    activities: [
      recurring('a', { roomId: 'hall', staffIds: ['anna'], audience: wood }),
      recurring('b', { roomId: 'hall', staffIds: ['bartek'], audience: sew, startTime: '09:30', endTime: '11:00' }),
    ],
    expected: [c('roomDoubleBooked', ['a', 'b'], 'hall')],
  },
  {
    name: 'a staff member in two places (also a one-off trip)',
    activities: [
      recurring('a', { roomId: 'hall', staffIds: ['anna', 'bartek'], audience: wood }),
      oneOff('trip', DAY, { staffIds: ['anna'], audience: sew, startTime: '08:00', endTime: '14:00' }),
    ],
    expected: [c('staffDoubleBooked', ['a', 'trip'], 'anna')],
  },
  {
    name: 'participants expected at two overlapping classes (s1 is not in the wood studio)',
    activities: [
      recurring('a', { staffIds: ['anna'], audience: wood }),
      recurring('b', { staffIds: ['bartek'], audience: one(['w3', 's1', 'w2']), startTime: '09:45', endTime: '10:15' }),
    ],
    expected: [c('participantOverlap', ['a', 'b'], 'w2'), c('participantOverlap', ['a', 'b'], 'w3')],
  },
  {
    name: 'over the activity’s own capacity',
    activities: [recurring('a', { staffIds: ['anna'], audience: wood, capacity: 3 })],
    expected: [c('overCapacity', ['a'], 'a', 4, 3)],
  },
  {
    name: 'over the room’s capacity (smaller than the activity’s)',
    activities: [recurring('a', { roomId: 'small', staffIds: ['anna'], audience: sew, capacity: 10 })],
    expected: [c('overCapacity', ['a'], 'small', 3, 2)],
  },
  {
    name: 'within capacity, and a room without a capacity',
    activities: [
      recurring('a', { roomId: 'hall', staffIds: ['anna'], audience: wood, capacity: 4 }),
      recurring('b', { roomId: 'any', staffIds: ['bartek'], audience: sew }),
    ],
    expected: [],
  },
  {
    name: 'outside opening hours: starting before 8:00, ending after 15:00',
    activities: [
      recurring('early', { staffIds: ['anna'], audience: wood, startTime: '07:30', endTime: '08:30' }),
      recurring('late', { staffIds: ['bartek'], audience: sew, startTime: '14:00', endTime: '15:30' }),
      recurring('exact', { staffIds: ['celina'], audience: one([]), startTime: '08:00', endTime: '15:00' }),
    ],
    expected: [c('outsideOpeningHours', ['early'], 'unit-1'), c('outsideOpeningHours', ['late'], 'unit-1')],
  },
  {
    name: 'WTZ staffing ratio: 7 people with one instructor is over 5; with two it is fine',
    activities: [
      recurring('big', { staffIds: ['anna'], audience: { type: 'unit' } }),
      recurring('ok', { staffIds: ['bartek', 'celina'], audience: { type: 'unit' }, startTime: '10:00', endTime: '11:00' }),
      recurring('five', { staffIds: ['anna'], audience: one(['w1', 'w2', 'w3', 's1', 's2']), startTime: '11:00', endTime: '12:00' }),
    ],
    expected: [c('staffRatio', ['big'], 'big', 7, 5)],
  },
  {
    name: 'WTZ staffing ratio: a class without staff',
    activities: [recurring('a', { audience: one(['w1']) })],
    expected: [c('staffRatio', ['a'], 'a', 1, 0)],
  },
  {
    name: 'no staffing-ratio rule outside a WTZ',
    activities: [recurring('big', { staffIds: ['anna'], audience: { type: 'unit' } })],
    unit: unit({ kind: 'seniorPlus' }),
    expected: [],
  },
];
describe('planConflicts', () => {
  it.each(cases)('$name', ({ activities, unit: u, expected }) => {
    const theUnit = u ?? unit();
    const occurrences = expandSessions(activities, [], theUnit, DAY, DAY);
    expect(planConflicts(occurrences, { participants: people, unit: theUnit, rooms })).toEqual(expected);
  });

  it('three classes in one room at once: every pair, on its own day only', () => {
    const acts = ['a', 'b', 'c'].map((x) => recurring(x, { roomId: 'any', staffIds: [x], audience: one([]), weekdays: [3, 4] }));
    const occ = expandSessions(acts, [], unit(), DAY, '2026-05-07');
    expect(planConflicts(occ, { participants: people, unit: unit(), rooms }).map((k) => [k.day, k.occurrenceIds.join('+')])).toEqual([
      [DAY, `${id('a')}+${id('b')}`], [DAY, `${id('a')}+${id('c')}`], [DAY, `${id('b')}+${id('c')}`],
      ['2026-05-07', `${id('a', '2026-05-07')}+${id('b', '2026-05-07')}`], ['2026-05-07', `${id('a', '2026-05-07')}+${id('c', '2026-05-07')}`],
      ['2026-05-07', `${id('b', '2026-05-07')}+${id('c', '2026-05-07')}`],
    ]);
  });

  it('a substitute removes a staff double booking; a move removes a room one', () => {
    const acts = [
      recurring('a', { roomId: 'hall', staffIds: ['anna'], audience: one([]) }),
      recurring('b', { roomId: 'hall', staffIds: ['anna'], audience: one([]) }),
    ];
    const ctx = { participants: people, unit: unit(), rooms };
    expect(planConflicts(expandSessions(acts, [], unit(), DAY, DAY), ctx).map((k) => k.kind)).toEqual(['roomDoubleBooked', 'staffDoubleBooked']);
    const sub = [session('b', DAY, { substituteStaffIds: ['bartek'] })];
    expect(planConflicts(expandSessions(acts, sub, unit(), DAY, DAY), ctx).map((k) => k.kind)).toEqual(['roomDoubleBooked']);
    const moved = [session('b', DAY, { status: 'moved', movedTo: { day: DAY, startTime: '12:00', endTime: '13:00' } })];
    expect(planConflicts(expandSessions(acts, moved, unit(), DAY, DAY), ctx)).toEqual([]);
  });

  it('a class on a weekday the unit has no hours is outside opening hours (occurrences from elsewhere)', () => {
    const sat = recurring('sat', { weekdays: [6], staffIds: ['anna'], audience: one([]) });
    const open7 = unit({ openingHours: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '08:00', close: '15:00' })) });
    const occurrences = expandSessions([sat], [], open7, '2026-05-09', '2026-05-09');
    expect(planConflicts(occurrences, { participants: people, unit: unit(), rooms })).toEqual([c('outsideOpeningHours', ['sat'], 'unit-1', null, null, '2026-05-09')]);
  });
});
