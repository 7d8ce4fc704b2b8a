import { describe, expect, it } from 'vitest';
import { expectedParticipants, isExpectedOn, noticeCovers } from '../../../src/domain/rules/expected';
import type { Participant } from '../../../src/domain/entities/participant';
import { notice, person, unit } from './fixtures';

describe('isExpectedOn', () => {
  // 2026-05-06 is a Wednesday, 2026-05-07 a Thursday.
  const table: [string, Partial<Participant>, string, boolean][] = [
    ['an active Mon–Fri participant on a Wednesday', {}, '2026-05-06', true],
    ['on a Saturday', {}, '2026-05-09', false],
    ['before admission', { admissionDate: '2026-05-07' }, '2026-05-06', false],
    ['on the admission day', { admissionDate: '2026-05-06' }, '2026-05-06', true],
    ['on the discharge day', { dischargeDate: '2026-05-06' }, '2026-05-06', true],
    ['after discharge', { dischargeDate: '2026-05-05' }, '2026-05-06', false],
    ['a candidate', { status: 'candidate' }, '2026-05-06', false],
    ['suspended', { status: 'suspended' }, '2026-05-06', false],
    ['deleted', { deleted: true }, '2026-05-06', false],
    ['Mon/Wed/Fri on a Wednesday', { attendanceWeekdays: [1, 3, 5] }, '2026-05-06', true],
    ['Mon/Wed/Fri on a Thursday', { attendanceWeekdays: [1, 3, 5] }, '2026-05-07', false],
  ];
  it.each(table)('%s → %s', (_label, over, day, expected) => {
    expect(isExpectedOn(person('p', over), day)).toBe(expected);
  });
});

describe('expectedParticipants', () => {
  const people = [
    person('a', { lastName: 'Żak', firstName: 'Ewa' }),
    person('b', { lastName: 'Łuczak', firstName: 'Adam' }),
    person('c', { lastName: 'Lis', firstName: 'Olga', attendanceWeekdays: [2, 4] }),
    person('d', { lastName: 'Zając', firstName: 'Jan', unitId: 'other-unit' }),
    person('e', { lastName: 'Adamski', firstName: 'Piotr', status: 'discharged', dischargeDate: '2026-04-30' }),
  ];

  it('lists the unit’s people due that day in Polish name order', () => {
    expect(expectedParticipants(people, unit(), '2026-05-06').map((p) => p.lastName)).toEqual(['Łuczak', 'Żak']);
    expect(expectedParticipants(people, unit(), '2026-05-07').map((p) => p.lastName)).toEqual(['Lis', 'Łuczak', 'Żak']);
  });

  it('is empty on a public holiday, a closed day and a weekend', () => {
    const u = unit({ closedDays: [{ day: '2026-05-08', reason: 'Szkolenie' }] });
    expect(expectedParticipants(people, u, '2026-05-01')).toEqual([]);
    expect(expectedParticipants(people, u, '2026-05-08')).toEqual([]);
    expect(expectedParticipants(people, u, '2026-05-09')).toEqual([]);
  });
});

describe('noticeCovers', () => {
  const n = notice('p', '2026-05-04', '2026-05-08');
  it.each([
    ['2026-05-03', false], ['2026-05-04', true], ['2026-05-06', true], ['2026-05-08', true], ['2026-05-09', false],
  ])('%s → %s', (day, covered) => {
    expect(noticeCovers(n, day)).toBe(covered);
  });
  it('a deleted notice covers nothing', () => {
    expect(noticeCovers({ ...n, deleted: true }, '2026-05-06')).toBe(false);
  });
});
