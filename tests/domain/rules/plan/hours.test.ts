import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../../src/domain/entities/activity';
import type { Participant } from '../../../../src/domain/entities/participant';
import type { Unit } from '../../../../src/domain/entities/unit';
import { expandSessions, plannedHours, wtzHoursIssues, type HoursIssue } from '../../../../src/domain/rules/plan';
import { person, recurring, session, unit } from './fixtures';

/** A WTZ open 07:00–17:00 so that plans over the limits can be written at all. */
const wtz = unit({ openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '07:00', close: '17:00' })) });
const MON = '2026-05-11';
const SUN = '2026-05-17';
const daily = (id: string, startTime: string, endTime: string, over: Partial<Extract<Activity, { kind: 'recurring' }>> = {}) =>
  recurring(id, { startTime, endTime, ...over });
const issue = (kind: HoursIssue['kind'], day: string, minutes: number, limit: number, participantId = 'p'): HoursIssue =>
  ({ kind, participantId, day, minutes, limit });

describe('plannedHours', () => {
  it('minutes per day and per ISO week (Monday), overlapping classes counted once, only people with classes', () => {
    const acts = [
      daily('morning', '08:00', '12:00'),
      daily('overlap', '11:00', '13:00', { weekdays: [1], audience: { type: 'people', participantIds: ['p'] } }),
    ];
    const people = [person('p'), person('q', { attendanceWeekdays: [5] }), person('none', { attendanceWeekdays: [] })];
    const occ = expandSessions(acts, [], wtz, '2026-05-15', '2026-05-18');
    expect(plannedHours(occ, people)).toEqual([
      { participantId: 'p', days: [{ day: '2026-05-15', minutes: 240 }, { day: '2026-05-18', minutes: 300 }], weeks: [{ weekStart: MON, minutes: 240 }, { weekStart: '2026-05-18', minutes: 300 }] },
      { participantId: 'q', days: [{ day: '2026-05-15', minutes: 240 }], weeks: [{ weekStart: MON, minutes: 240 }] },
    ]);
  });
});

interface Case {
  name: string;
  activities: Activity[];
  people?: Participant[];
  unit?: Unit;
  from?: string;
  to?: string;
  sessions?: Parameters<typeof expandSessions>[1];
  expected: HoursIssue[];
}

const cases: Case[] = [
  { name: 'exactly 7 h a day, 35 h a week: nothing to say', activities: [daily('a', '08:00', '15:00')], expected: [] },
  {
    name: 'a 7.5-hour Wednesday: over the day limit, and the week over 35 h',
    activities: [daily('a', '08:00', '15:00'), daily('extra', '15:00', '15:30', { weekdays: [3] })],
    expected: [issue('dayOverLimit', '2026-05-13', 450, 420), issue('weekOverLimit', MON, 2130, 2100)],
  },
  {
    name: 'two overlapping classes of 4 h (08:00–12:00, 11:00–15:00) make 7 h, not 8',
    activities: [daily('a', '08:00', '12:00'), daily('b', '11:00', '15:00')],
    expected: [],
  },
  {
    name: '6 h a day: every day and the week fall short',
    activities: [daily('a', '08:00', '14:00')],
    expected: [
      ...['11', '12', '13', '14', '15'].map((d) => issue('dayShortfall', `2026-05-${d}`, 360, 420)),
      issue('weekShortfall', MON, 1800, 2100),
    ],
  },
  {
    name: 'a cancelled Friday: that day and the week fall short',
    activities: [daily('a', '08:00', '15:00')],
    sessions: [session('a', '2026-05-15', { status: 'cancelled' })],
    expected: [issue('dayShortfall', '2026-05-15', 0, 420), issue('weekShortfall', MON, 1680, 2100)],
  },
  {
    name: 'the week of Independence Day (Wed 2026-11-11): 4 × 7 h meets the target of 28 h',
    activities: [daily('a', '08:00', '15:00')],
    from: '2026-11-09', to: '2026-11-15',
    expected: [],
  },
  {
    name: 'a person coming Monday and Wednesday only: the week’s target is 14 h',
    activities: [daily('a', '08:00', '15:00')],
    people: [person('p', { attendanceWeekdays: [1, 3] })],
    expected: [],
  },
  {
    name: 'a unit target of 6 h: 6 h a day is enough (the week target is 30 h)',
    activities: [daily('a', '08:00', '14:00')], unit: { ...wtz, dailyHoursTarget: 6 },
    expected: [],
  },
  {
    name: 'a range that is not a whole week: day shortfalls only',
    activities: [daily('a', '08:00', '14:00')], from: '2026-05-13', to: '2026-05-15',
    expected: ['13', '14', '15'].map((d) => issue('dayShortfall', `2026-05-${d}`, 360, 420)),
  },
  {
    name: 'discharged on Wednesday: nothing asked of the days after',
    activities: [daily('a', '08:00', '15:00')],
    people: [person('p', { dischargeDate: '2026-05-13' }), person('other', { unitId: 'unit-2' })],
    expected: [],
  },
  {
    name: 'not a WTZ: no 7/35-hour rule',
    activities: [daily('a', '08:00', '16:00')], unit: { ...wtz, kind: 'dayHome' },
    expected: [],
  },
];

describe('wtzHoursIssues', () => {
  it.each(cases)('$name', (c) => {
    const u = c.unit ?? wtz;
    const from = c.from ?? MON;
    const to = c.to ?? SUN;
    const occ = expandSessions(c.activities, c.sessions ?? [], u, from, to);
    expect(wtzHoursIssues(occ, c.people ?? [person('p')], u, from, to)).toEqual(c.expected);
  });
});
