import { describe, expect, it } from 'vitest';
import { markFields, suggestedPresent, timeInTimeZone, minutesOf, type MarkChoice, type MarkFields } from '../../../src/domain';
import { mark, meta, notice } from './fixtures';

const present = (over: Partial<MarkFields> = {}): MarkFields => ({ status: 'present', absenceReason: null, arrivalTime: null, leaveTime: null, note: '', ...over });
const absent = (over: Partial<MarkFields> = {}): MarkFields => ({ status: 'absent', absenceReason: 'illness', arrivalTime: null, leaveTime: null, note: '', ...over });

describe('markFields', () => {
  it.each<[string, MarkFields | null, MarkChoice, MarkFields]>([
    ['one tap on an unmarked person', null, { status: 'present' }, present()],
    ['late arrival with a time', null, { status: 'present', arrivalTime: '09:40' }, present({ arrivalTime: '09:40' })],
    ['present again keeps the times already written', present({ arrivalTime: '09:40' }), { status: 'present' }, present({ arrivalTime: '09:40' })],
    ['early leave added later', present({ arrivalTime: '08:00' }), { status: 'present', leaveTime: '12:15' }, present({ arrivalTime: '08:00', leaveTime: '12:15' })],
    ['a leave before the arrival is dropped', present({ arrivalTime: '10:00' }), { status: 'present', leaveTime: '09:00' }, present({ arrivalTime: '10:00' })],
    ['absent with a reason clears the times', present({ arrivalTime: '08:00' }), { status: 'absent', absenceReason: 'hospital' }, absent({ absenceReason: 'hospital' })],
    ['absent without a reason is "other" until chosen', null, { status: 'absent' }, absent({ absenceReason: 'other' })],
    ['absent again keeps the chosen reason', absent({ absenceReason: 'vacation' }), { status: 'absent' }, absent({ absenceReason: 'vacation' })],
    ['present after absent clears the reason', absent(), { status: 'present' }, present()],
    ['a note survives a status change', present({ note: 'przyszedł z opiekunem' }), { status: 'absent', absenceReason: 'family' }, absent({ absenceReason: 'family', note: 'przyszedł z opiekunem' })],
  ])('%s', (_name, existing, choice, expected) => {
    expect(markFields(existing, choice)).toEqual(expected);
  });

  it('excused takes the reason of the absence notice', () => {
    const n = notice('p-1', '2026-11-23', '2026-11-27', { reason: 'hospital' });
    expect(markFields(null, { status: 'excused' }, n)).toEqual({ status: 'excused', absenceReason: 'hospital', arrivalTime: null, leaveTime: null, note: '' });
    expect(markFields(null, { status: 'excused' })).toEqual({ status: 'excused', absenceReason: null, arrivalTime: null, leaveTime: null, note: '' });
  });
});

describe('suggestedPresent', () => {
  it('suggests people ticked at a session who have no day mark yet', () => {
    const day = '2026-11-23';
    const sm = (participantId: string, present: boolean) => ({ ...meta(`sm:${participantId}`), sessionId: 's-1', activityId: 'a-1', participantId, unitId: 'unit-1', day, present });
    expect(suggestedPresent([sm('p-1', true), sm('p-2', true), sm('p-3', false)], [mark('p-2', day, 'present')], day)).toEqual(['p-1']);
  });
});

describe('time of day', () => {
  it.each([
    [Date.UTC(2026, 2, 29, 0, 59), '01:59'], // last minute of winter time in Warsaw
    [Date.UTC(2026, 2, 29, 1, 0), '03:00'], // clocks jump forward
    [Date.UTC(2026, 9, 25, 0, 30), '02:30'], // first 02:30 of the October night
    [Date.UTC(2026, 9, 25, 1, 30), '02:30'], // the repeated hour
    [Date.UTC(2026, 10, 23, 7, 5), '08:05'],
  ])('instant %i is %s in Warsaw', (ms, time) => {
    expect(timeInTimeZone(ms, 'Europe/Warsaw')).toBe(time);
  });

  it('counts minutes since midnight', () => {
    expect(minutesOf('00:00')).toBe(0);
    expect(minutesOf('08:30')).toBe(510);
    expect(minutesOf('23:59')).toBe(1439);
  });
});
