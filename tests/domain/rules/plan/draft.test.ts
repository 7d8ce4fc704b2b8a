import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../../src/domain/entities/activity';
import type { Session } from '../../../../src/domain/entities/session';
import { conflictsForDraft } from '../../../../src/domain/rules/plan';
import { oneOff, person, recurring, room, session, unit } from './fixtures';

const MON = '2026-05-04';
const people = ['a', 'b', 'c'].map((p) => person(p, { studioId: 'wood' }));
const rooms = [room('hall', 20)];
const nobody = { type: 'people' as const, participantIds: [] };

/** Existing plan: a Monday class in the hall, and two Tuesday classes already clashing with each other. */
const existing: Activity[] = [
  recurring('monday', { weekdays: [1], roomId: 'hall', staffIds: ['anna'], audience: nobody }),
  recurring('tue1', { weekdays: [2], roomId: 'hall', staffIds: ['bartek'], audience: nobody }),
  recurring('tue2', { weekdays: [2], roomId: 'hall', staffIds: ['celina'], audience: nobody }),
];

const rows = (draft: Activity, sessions: Session[] = [], weeks?: number) =>
  conflictsForDraft(draft, existing, sessions, unit(), { participants: people, rooms, fromDay: MON, ...(weeks ? { weeks } : {}) })
    .map((k) => `${k.kind} ${k.day} ${k.subjectId}`);

const cases: { name: string; draft: Activity; sessions?: Session[]; weeks?: number; expected: string[] }[] = [
  {
    name: 'a new Monday class in the same room: one double booking per week (4 weeks by default), not the old Tuesday clash',
    draft: recurring('new', { weekdays: [1], roomId: 'hall', staffIds: ['dorota'], audience: nobody, startTime: '09:30', endTime: '10:30' }),
    expected: ['2026-05-04', '2026-05-11', '2026-05-18', '2026-05-25'].map((d) => `roomDoubleBooked ${d} hall`),
  },
  {
    name: 'the same over one week, with the draft’s own cancelled occurrence left out',
    draft: recurring('new', { weekdays: [1], roomId: 'hall', staffIds: ['dorota'], audience: nobody }),
    sessions: [session('new', MON, { status: 'cancelled' })], weeks: 2,
    expected: ['roomDoubleBooked 2026-05-11 hall'],
  },
  {
    name: 'editing the Monday class to 10:00 (same id): no clash with its own old version',
    draft: recurring('monday', { weekdays: [1], roomId: 'hall', staffIds: ['anna'], audience: nobody, startTime: '10:00', endTime: '11:00' }),
    expected: [],
  },
  {
    name: 'a one-off trip on Corpus Christi (4 June)',
    draft: oneOff('trip', '2026-06-04', { staffIds: ['anna'], audience: nobody }),
    weeks: 5,
    expected: ['unitClosed 2026-06-04 unit-1'],
  },
  {
    name: 'a class on Thursdays and Saturdays: the Saturdays have no opening hours; Corpus Christi (Thu 4 June) is not reported',
    draft: recurring('sat', { weekdays: [4, 6], staffIds: ['ewa'], audience: nobody, validFrom: '2026-05-28' }),
    weeks: 5,
    expected: ['unitClosed 2026-05-30 unit-1', 'unitClosed 2026-06-06 unit-1'],
  },
  {
    name: 'a class for the wood studio over capacity and over the WTZ staffing ratio',
    draft: recurring('big', { weekdays: [3], staffIds: [], audience: { type: 'studio', studioId: 'wood' }, capacity: 2 }),
    weeks: 1,
    expected: ['overCapacity 2026-05-06 big', 'staffRatio 2026-05-06 big'],
  },
];

describe('conflictsForDraft', () => {
  it.each(cases)('$name', ({ draft, sessions, weeks, expected }) => {
    expect(rows(draft, sessions, weeks)).toEqual(expected);
  });

  it('gives full conflict records naming the draft’s occurrence', () => {
    const draft = recurring('new', { weekdays: [1], roomId: 'hall', staffIds: ['anna'], audience: nobody });
    const [first] = conflictsForDraft(draft, existing, [], unit(), { participants: people, rooms, fromDay: MON, weeks: 1 });
    expect(first).toEqual({
      kind: 'roomDoubleBooked', day: MON, occurrenceIds: ['s:monday:2026-05-04', 's:new:2026-05-04'], subjectId: 'hall', count: null, limit: null,
    });
  });
});
