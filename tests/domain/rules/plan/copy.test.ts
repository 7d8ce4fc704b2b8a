import { describe, expect, it } from 'vitest';
import { copyWeekOneOffs, newTermFromTemplate } from '../../../../src/domain/rules/plan';
import { oneOff, recurring } from './fixtures';

describe('copyWeekOneOffs', () => {
  const activities = [
    oneOff('trip', '2026-05-06', { title: 'Wycieczka', startTime: '09:00', endTime: '14:00', needsBus: true, place: 'Zoo' }),
    oneOff('event', '2026-05-04', { title: 'Festyn' }),
    oneOff('next', '2026-05-12', { title: 'Poza tygodniem' }),
    oneOff('gone', '2026-05-05', { deleted: true }),
    oneOff('other', '2026-05-05', { unitId: 'unit-2' }),
    recurring('weekly'),
  ];
  const cases: { name: string; from: string; to: string; expected: string[] }[] = [
    { name: 'the week’s one-offs move to the same weekday a week later, in day order', from: '2026-05-04', to: '2026-05-11', expected: ['2026-05-11 Festyn', '2026-05-13 Wycieczka'] },
    { name: 'any day of either week names the week', from: '2026-05-10', to: '2026-05-28', expected: ['2026-05-25 Festyn', '2026-05-27 Wycieczka'] },
    { name: 'backwards works too', from: '2026-05-07', to: '2026-04-29', expected: ['2026-04-27 Festyn', '2026-04-29 Wycieczka'] },
    { name: 'the same week copies nothing', from: '2026-05-04', to: '2026-05-08', expected: [] },
  ];
  it.each(cases)('$name', ({ from, to, expected }) => {
    const copies = copyWeekOneOffs(activities, 'unit-1', from, to);
    expect(copies.map((c) => `${c.kind === 'oneOff' ? c.day : ''} ${c.title}`)).toEqual(expected);
  });

  it('keeps every field but the day and has no sync metadata', () => {
    const [trip] = copyWeekOneOffs(activities, 'unit-1', '2026-05-06', '2026-05-13').filter((c) => c.title === 'Wycieczka');
    expect(trip).toMatchObject({ kind: 'oneOff', day: '2026-05-13', place: 'Zoo', needsBus: true, startTime: '09:00', endTime: '14:00' });
    expect(trip).not.toHaveProperty('id');
    expect(trip).not.toHaveProperty('hlc');
  });
});

describe('newTermFromTemplate', () => {
  const activities = [
    recurring('current', { title: 'Plastyka', validFrom: '2026-02-01', validTo: null }),
    recurring('ending', { title: 'Kulinaria', validFrom: '2026-02-01', validTo: '2026-06-30' }),
    recurring('endedBefore', { title: 'Stare', validFrom: '2025-09-01', validTo: '2026-01-31' }),
    recurring('later', { title: 'Od marca', validFrom: '2026-03-01', validTo: null }),
    oneOff('trip', '2026-02-10'),
  ];

  it('copies the classes valid on the template day and ends them the day before the new term', () => {
    const term = newTermFromTemplate(activities, 'unit-1', '2026-02-15', '2026-09-01', '2027-01-31');
    expect(term.ended).toEqual([{ id: 'current', validTo: '2026-08-31' }]);
    expect(term.created.map((c) => c.kind === 'recurring' && `${c.title} ${c.validFrom}–${c.validTo}`)).toEqual(['Plastyka 2026-09-01–2027-01-31', 'Kulinaria 2026-09-01–2027-01-31']);
  });

  it('an open-ended new term and a class ending inside the new term', () => {
    const term = newTermFromTemplate(activities, 'unit-1', '2026-03-02', '2026-06-01', null);
    expect(term.ended).toEqual([{ id: 'current', validTo: '2026-05-31' }, { id: 'ending', validTo: '2026-05-31' }, { id: 'later', validTo: '2026-05-31' }]);
    expect(term.created.map((c) => c.kind === 'recurring' && c.validTo)).toEqual([null, null, null]);
  });
});
