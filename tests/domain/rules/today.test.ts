import { describe, expect, it } from 'vitest';
import type { DayMark } from '../../../src/domain/entities/attendance';
import { absenceStreakBefore, activitiesOnDay, attendanceCounts, reminders } from '../../../src/domain/rules/today';
import { mark, notice, oneOff, person, recurring, unit } from './fixtures';

const DAY = '2026-05-06'; // Wednesday

describe('attendanceCounts', () => {
  const people = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => person(id));
  it('counts marks, notices and the unmarked', () => {
    const marks = [
      mark('a', DAY, 'present'), mark('b', DAY, 'present'), mark('c', DAY, 'absent'), mark('d', DAY, 'excused'),
      mark('e', '2026-05-05', 'present'), mark('zz', DAY, 'present'),
    ];
    const notices = [notice('e', DAY, '2026-05-08'), notice('a', DAY, DAY)];
    expect(attendanceCounts(people, marks, notices, DAY)).toEqual({ expected: 6, present: 2, absent: 1, excused: 2, unmarked: 1 });
  });

  it('nobody marked yet', () => {
    expect(attendanceCounts(people, [], [], DAY)).toEqual({ expected: 6, present: 0, absent: 0, excused: 0, unmarked: 6 });
  });

  it('a deleted mark does not count', () => {
    expect(attendanceCounts(people.slice(0, 1), [{ ...mark('a', DAY, 'present'), deleted: true }], [], DAY).unmarked).toBe(1);
  });
});

describe('activitiesOnDay', () => {
  const activities = [
    recurring('gym', { startTime: '08:30', endTime: '09:00' }),
    recurring('studio', { startTime: '09:00', endTime: '13:00', weekdays: [1, 3, 5] }),
    recurring('music', { startTime: '13:00', endTime: '14:00', weekdays: [4] }),
    recurring('old', { startTime: '10:00', endTime: '11:00', validFrom: '2025-09-01', validTo: '2026-04-30' }),
    recurring('future', { startTime: '10:00', endTime: '11:00', validFrom: '2026-05-07' }),
    recurring('other-unit', { unitId: 'unit-2' }),
    recurring('gone', { deleted: true }),
    oneOff('trip', DAY, { startTime: '08:15', endTime: '14:00', needsBus: true }),
    oneOff('trip-tomorrow', '2026-05-07'),
  ];

  it('lists recurring and one-off classes of the day by start time', () => {
    expect(activitiesOnDay(activities, unit(), DAY).map((o) => [o.activity.id, o.startTime, o.endTime])).toEqual([
      ['trip', '08:15', '14:00'], ['gym', '08:30', '09:00'], ['studio', '09:00', '13:00'],
    ]);
  });

  it('honours validFrom / validTo inclusively', () => {
    expect(activitiesOnDay(activities, unit(), '2026-04-30').map((o) => o.activity.id)).toContain('old');
    expect(activitiesOnDay(activities, unit(), '2026-05-07').map((o) => o.activity.id)).toEqual(['gym', 'trip-tomorrow', 'future', 'music']);
  });

  it('is empty on a closed day, even for a one-off planned on it', () => {
    const u = unit({ closedDays: [{ day: DAY, reason: 'Szkolenie' }] });
    expect(activitiesOnDay(activities, u, DAY)).toEqual([]);
    expect(activitiesOnDay(activities, unit(), '2026-05-01')).toEqual([]);
  });
});

/** Marks for `id` on the given days, all with one status. */
const run = (id: string, days: string[], status: DayMark['status']) => days.map((d) => mark(id, d, status));

describe('absenceStreakBefore', () => {
  const u = unit();
  // Working days before Wed 2026-05-06: Tue 05, Mon 04, (Sun 03, Sat 02, Fri 01 = holiday), Thu 30, Wed 29, Tue 28...
  it('counts working days only, skipping the weekend and the 1 May holiday', () => {
    const p = person('p');
    const marks = [...run('p', ['2026-05-05', '2026-05-04', '2026-04-30', '2026-04-29'], 'absent'), mark('p', '2026-04-28', 'present')];
    expect(absenceStreakBefore(p, marks, u, DAY)).toBe(4);
  });

  it('excused marks count too; a day without a mark ends the streak', () => {
    const p = person('p');
    const marks = run('p', ['2026-05-05', '2026-05-04'], 'excused').concat(run('p', ['2026-04-29', '2026-04-28'], 'absent'));
    expect(absenceStreakBefore(p, marks, u, DAY)).toBe(2);
  });

  it('only the person’s own attendance weekdays count', () => {
    const p = person('p', { attendanceWeekdays: [1, 3] });
    const marks = [...run('p', ['2026-05-04', '2026-04-29', '2026-04-27'], 'absent'), mark('p', '2026-04-22', 'present')];
    expect(absenceStreakBefore(p, marks, u, DAY)).toBe(3);
  });

  it('is zero without marks or after a present day', () => {
    expect(absenceStreakBefore(person('p'), [], u, DAY)).toBe(0);
    expect(absenceStreakBefore(person('p'), [mark('p', '2026-05-05', 'present')], u, DAY)).toBe(0);
  });
});

describe('reminders', () => {
  const u = unit({ absenceStreakAlertDays: 3 });
  const people = [
    person('cert-expired', { lastName: 'Zieliński', disabilityCertificate: { degree: 'moderate', validUntil: '2026-05-05' } }),
    person('cert-soon', { lastName: 'Adamski', disabilityCertificate: { degree: 'severe', validUntil: '2026-06-05' } }),
    person('cert-later', { lastName: 'Bąk', disabilityCertificate: { degree: 'severe', validUntil: '2026-06-06' } }),
    person('cert-forever', { lastName: 'Cieślak', disabilityCertificate: { degree: 'severe', validUntil: null } }),
    person('review-soon', { lastName: 'Dudek', rehabPlan: { startDate: '2025-11-20', reviewDate: '2026-05-20' } }),
    person('review-later', { lastName: 'Ekiert', rehabPlan: { startDate: '2025-11-21', reviewDate: '2026-05-21' } }),
    person('review-overdue', { lastName: 'Filipek', rehabPlan: { startDate: '2025-11-01', reviewDate: '2026-05-01' } }),
    person('absent', { lastName: 'Łuczak' }),
    person('absent-short', { lastName: 'Górski' }),
    person('birthday', { lastName: 'Adamczyk', birthDate: '1966-05-06' }),
    person('leapling', { lastName: 'Hoffmann', birthDate: '2004-02-29' }),
    person('discharged', { lastName: 'Aaa', status: 'discharged', birthDate: '1970-05-06', disabilityCertificate: { degree: 'moderate', validUntil: '2026-01-01' } }),
    person('elsewhere', { lastName: 'Abc', unitId: 'unit-2', birthDate: '1970-05-06' }),
  ];
  const marksBy = new Map<string, DayMark[]>([
    ['absent', run('absent', ['2026-05-05', '2026-05-04', '2026-04-30'], 'absent')],
    ['absent-short', run('absent-short', ['2026-05-05', '2026-05-04'], 'excused')],
  ]);

  it('raises the right reminders, expired certificates first, then long absences, then the rest by name', () => {
    const list = reminders(people, marksBy, u, DAY).map((r) => {
      switch (r.kind) {
        case 'certificateExpiring': return `${r.kind} ${r.participant.id} ${r.validUntil} ${r.expired}`;
        case 'rehabReviewDue': return `${r.kind} ${r.participant.id} ${r.reviewDate}`;
        case 'longAbsence': return `${r.kind} ${r.participant.id} ${r.workingDays}`;
        case 'absenceLimit': return `${r.kind} ${r.participant.id} ${r.workingDays}/${r.limit}`;
        case 'birthday': return `${r.kind} ${r.participant.id} ${r.age}`;
      }
    });
    expect(list).toEqual([
      'certificateExpiring cert-expired 2026-05-05 true',
      'longAbsence absent 3',
      'birthday birthday 60',
      'certificateExpiring cert-soon 2026-06-05 false',
      'rehabReviewDue review-soon 2026-05-20',
      'rehabReviewDue review-overdue 2026-05-01',
    ]);
  });

  it.each([
    [null, ['longAbsence absent 3']],
    [30, ['longAbsence absent 3']],
    [6, ['absenceLimit absent 3/6']],
    // Within three working days of a limit of 3, the two-day absence is flagged too.
    [3, ['absenceLimit absent-short 2/3', 'absenceLimit absent 3/3']],
  ])('with the unit’s absence limit %s the reminders are %j', (limit, expected) => {
    const list = reminders(people, marksBy, { ...u, absenceLimitDays: limit, absenceStreakAlertDays: 3 }, DAY)
      .filter((r) => r.kind === 'longAbsence' || r.kind === 'absenceLimit')
      .map((r) => (r.kind === 'absenceLimit' ? `${r.kind} ${r.participant.id} ${r.workingDays}/${r.limit}` : r.kind === 'longAbsence' ? `${r.kind} ${r.participant.id} ${r.workingDays}` : ''));
    expect(list).toEqual(expected);
  });

  it('a 29 February birthday is remembered on 28 February in a common year', () => {
    const list = reminders(people, new Map(), u, '2026-02-28').filter((r) => r.kind === 'birthday');
    expect(list.map((r) => [r.participant.id, r.kind === 'birthday' ? r.age : -1])).toEqual([['leapling', 22]]);
    expect(reminders(people, new Map(), u, '2028-02-28').some((r) => r.kind === 'birthday')).toBe(false);
  });

  it('several reminders for one person are grouped in a fixed order', () => {
    const p = person('x', {
      birthDate: '1990-05-06',
      disabilityCertificate: { degree: 'moderate', validUntil: '2026-05-10' },
      rehabPlan: { startDate: '2026-01-01', reviewDate: '2026-05-07' },
    });
    expect(reminders([p], new Map(), u, DAY).map((r) => r.kind)).toEqual(['certificateExpiring', 'rehabReviewDue', 'birthday']);
  });
});
