import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../../src/domain/entities/activity';
import type { Session } from '../../../../src/domain/entities/session';
import type { Unit } from '../../../../src/domain/entities/unit';
import { expandSessions } from '../../../../src/domain/rules/plan';
import { activitiesOnDay } from '../../../../src/domain/rules/today';
import { laterHlc, oneOff, recurring, row, session, unit } from './fixtures';

interface Case {
  name: string;
  activities: Activity[];
  sessions?: Session[];
  unit?: Unit;
  from: string;
  to: string;
  expected: string[];
}

const monWed = recurring('art', { weekdays: [1, 3], startTime: '09:00', endTime: '10:30' });

const cases: Case[] = [
  {
    name: 'a weekly class over two weeks, both ends of the range included',
    activities: [monWed], from: '2026-05-04', to: '2026-05-13',
    expected: ['art 2026-05-04 09:00-10:30', 'art 2026-05-06 09:00-10:30', 'art 2026-05-11 09:00-10:30', 'art 2026-05-13 09:00-10:30'],
  },
  {
    name: 'an empty range (to before from)',
    activities: [monWed], from: '2026-05-13', to: '2026-05-04', expected: [],
  },
  {
    name: 'Independence Day (Wed 2026-11-11) has no classes',
    activities: [monWed], from: '2026-11-09', to: '2026-11-15',
    expected: ['art 2026-11-09 09:00-10:30'],
  },
  {
    name: 'Easter Monday (2026-04-06) has no classes',
    activities: [monWed], from: '2026-04-06', to: '2026-04-08',
    expected: ['art 2026-04-08 09:00-10:30'],
  },
  {
    name: 'Corpus Christi (Thu 2026-06-04): no class, and no one-off either',
    activities: [recurring('daily'), oneOff('picnic', '2026-06-04', { startTime: '10:00', endTime: '13:00' })],
    from: '2026-06-03', to: '2026-06-05',
    expected: ['daily 2026-06-03 09:00-10:00', 'daily 2026-06-05 09:00-10:00'],
  },
  {
    name: 'the unit’s own closed day and a weekday without hours',
    activities: [recurring('daily', { weekdays: [1, 2, 3, 4, 5, 6] })],
    unit: unit({ closedDays: [{ day: '2026-05-15', reason: 'Szkolenie' }] }),
    from: '2026-05-14', to: '2026-05-18',
    expected: ['daily 2026-05-14 09:00-10:00', 'daily 2026-05-18 09:00-10:00'],
  },
  {
    name: 'a series ending on a Wednesday (validTo inclusive) and one starting on a Thursday',
    activities: [
      recurring('old', { validFrom: '2026-01-01', validTo: '2026-05-13' }),
      recurring('new', { validFrom: '2026-05-14', startTime: '10:00', endTime: '11:00' }),
    ],
    from: '2026-05-11', to: '2026-05-17',
    expected: [
      'old 2026-05-11 09:00-10:00', 'old 2026-05-12 09:00-10:00', 'old 2026-05-13 09:00-10:00',
      'new 2026-05-14 10:00-11:00', 'new 2026-05-15 10:00-11:00',
    ],
  },
  {
    name: 'one cancelled occurrence disappears, the others stay',
    activities: [monWed], sessions: [session('art', '2026-05-06', { status: 'cancelled' })],
    from: '2026-05-04', to: '2026-05-08',
    expected: ['art 2026-05-04 09:00-10:30'],
  },
  {
    name: 'a session moved within the range takes its new day and times, in day order',
    activities: [monWed, recurring('fri', { weekdays: [5], startTime: '08:00', endTime: '08:30' })],
    sessions: [session('art', '2026-05-04', { status: 'moved', movedTo: { day: '2026-05-08', startTime: '12:00', endTime: '13:00' } })],
    from: '2026-05-04', to: '2026-05-08',
    expected: ['art 2026-05-06 09:00-10:30', 'fri 2026-05-08 08:00-08:30', 'art 2026-05-08 12:00-13:00 (moved)'],
  },
  {
    name: 'a session moved into the range from a planned day outside it',
    activities: [monWed], sessions: [session('art', '2026-05-13', { status: 'moved', movedTo: { day: '2026-05-07', startTime: '09:00', endTime: '10:30' } })],
    from: '2026-05-04', to: '2026-05-08',
    expected: ['art 2026-05-04 09:00-10:30', 'art 2026-05-06 09:00-10:30', 'art 2026-05-07 09:00-10:30 (moved)'],
  },
  {
    name: 'a session moved out of the range is not listed',
    activities: [monWed], sessions: [session('art', '2026-05-06', { status: 'moved', movedTo: { day: '2026-05-12', startTime: '09:00', endTime: '10:30' } })],
    from: '2026-05-04', to: '2026-05-08',
    expected: ['art 2026-05-04 09:00-10:30'],
  },
  {
    name: 'a class moved off a holiday (make-up day) takes place; one moved onto a holiday (Sun 1 Nov) does not',
    activities: [monWed],
    sessions: [
      session('art', '2026-11-11', { status: 'moved', movedTo: { day: '2026-11-12', startTime: '09:00', endTime: '10:30' } }),
      session('art', '2026-11-09', { status: 'moved', movedTo: { day: '2026-11-01', startTime: '09:00', endTime: '10:30' } }),
    ],
    from: '2026-11-01', to: '2026-11-15',
    expected: ['art 2026-11-02 09:00-10:30', 'art 2026-11-04 09:00-10:30', 'art 2026-11-12 09:00-10:30 (moved)'],
  },
  {
    name: 'exceptions for days the activity does not occur on, deleted ones and other activities change nothing',
    activities: [monWed],
    sessions: [
      session('art', '2026-05-05', { status: 'moved', movedTo: { day: '2026-05-07', startTime: '09:00', endTime: '10:30' } }),
      session('art', '2026-05-04', { status: 'cancelled', deleted: true }),
      session('ghost', '2026-05-06', { status: 'cancelled' }),
      session('art', '2026-05-06', { status: 'moved', movedTo: null }),
    ],
    from: '2026-05-04', to: '2026-05-08',
    expected: ['art 2026-05-04 09:00-10:30', 'art 2026-05-06 09:00-10:30'],
  },
  {
    name: 'of two records of one occurrence, the later HLC stamp wins',
    activities: [monWed],
    sessions: [
      session('art', '2026-05-04', { status: 'cancelled', hlc: laterHlc }),
      session('art', '2026-05-04', { status: 'planned' }),
    ],
    from: '2026-05-04', to: '2026-05-04', expected: [],
  },
  {
    name: 'deleted activities and activities of other units are left out; one-offs inside the range are in',
    activities: [
      recurring('gone', { deleted: true }), recurring('elsewhere', { unitId: 'unit-2' }),
      oneOff('trip', '2026-05-07', { startTime: '08:00', endTime: '15:00' }), oneOff('later', '2026-05-20'),
    ],
    from: '2026-05-04', to: '2026-05-08',
    expected: ['trip 2026-05-07 08:00-15:00'],
  },
  {
    name: 'a range across the new year (Sylwester is a working day, 1 January is not)',
    activities: [recurring('daily', { validFrom: '2026-01-01' })],
    from: '2026-12-30', to: '2027-01-04',
    expected: ['daily 2026-12-30 09:00-10:00', 'daily 2026-12-31 09:00-10:00', 'daily 2027-01-04 09:00-10:00'],
  },
];

describe('expandSessions', () => {
  it.each(cases)('$name', (c) => {
    expect(expandSessions(c.activities, c.sessions ?? [], c.unit ?? unit(), c.from, c.to).map(row)).toEqual(c.expected);
  });

  it('fills each occurrence: planned day, session id, room, staff with substitutes applied, the exception', () => {
    const a = recurring('pottery', { weekdays: [2], roomId: 'r1', staffIds: ['anna'] });
    const sub = session('pottery', '2026-05-12', { substituteStaffIds: ['bartek'], topic: 'Glazurowanie' });
    const moved = session('pottery', '2026-05-19', { status: 'moved', movedTo: { day: '2026-05-20', startTime: '11:00', endTime: '12:00' } });
    const [first, second, third] = expandSessions([a], [sub, moved], unit(), '2026-05-05', '2026-05-20');
    expect(first).toEqual({
      sessionId: 's:pottery:2026-05-05', activityId: 'pottery', activity: a, plannedDay: '2026-05-05', day: '2026-05-05',
      startTime: '09:00', endTime: '10:00', roomId: 'r1', staffIds: ['anna'], status: 'planned', exception: null,
    });
    expect(second).toMatchObject({ sessionId: 's:pottery:2026-05-12', staffIds: ['bartek'], status: 'planned', exception: sub });
    expect(third).toMatchObject({
      sessionId: 's:pottery:2026-05-19', plannedDay: '2026-05-19', day: '2026-05-20', startTime: '11:00', endTime: '12:00',
      roomId: 'r1', staffIds: ['anna'], status: 'moved', exception: moved,
    });
  });

  it('a full year: 5 weekdays × 52 weeks minus the weekday holidays', () => {
    const list = expandSessions([recurring('daily')], [], unit(), '2026-01-01', '2026-12-31');
    // 2026 has 261 weekdays; 8 of its 14 holidays fall Monday–Friday (1 and 6 Jan, 6 Apr, 1 May,
    // 4 Jun, 11 Nov, 24 and 25 Dec); 5 Apr, 3 May, 24 May, 1 Nov are Sundays, 15 Aug and 26 Dec Saturdays.
    expect(list).toHaveLength(261 - 8);
    expect(new Set(list.map((o) => o.sessionId)).size).toBe(list.length);
  });
});

describe('activitiesOnDay (Today) on top of the expansion', () => {
  it('applies the day’s exceptions when given them', () => {
    const acts = [recurring('a'), recurring('b', { startTime: '10:00', endTime: '11:00' })];
    const day = '2026-05-06';
    expect(activitiesOnDay(acts, unit(), day).map((o) => o.activity.id)).toEqual(['a', 'b']);
    const exceptions = [session('a', day, { status: 'cancelled' }), session('b', day, { substituteStaffIds: ['s2'] })];
    expect(activitiesOnDay(acts, unit(), day, exceptions).map((o) => [o.activity.id, o.staffIds])).toEqual([['b', ['s2']]]);
  });
});
