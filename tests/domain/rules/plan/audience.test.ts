import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../../src/domain/entities/activity';
import { audienceMemo, expectedAudience } from '../../../../src/domain/rules/plan';
import { person, recurring } from './fixtures';

const WED = '2026-05-06';
const people = [
  person('mon-fri', { studioId: 'wood' }),
  person('mon-tue', { studioId: 'wood', attendanceWeekdays: [1, 2] }),
  person('sewing', { studioId: 'sew' }),
  person('discharged', { studioId: 'wood', dischargeDate: '2026-05-05', status: 'discharged' }),
  person('leaves-today', { studioId: 'wood', dischargeDate: WED }),
  person('not-yet', { studioId: 'wood', admissionDate: '2026-05-07' }),
  person('suspended', { studioId: 'wood', status: 'suspended' }),
  person('candidate', { status: 'candidate' }),
  person('other-unit', { unitId: 'unit-2', studioId: 'wood' }),
  person('gone', { deleted: true }),
];

const cases: { name: string; audience: Activity['audience']; day?: string; expected: string[] }[] = [
  { name: 'the whole unit: active, admitted, coming that weekday', audience: { type: 'unit' }, expected: ['mon-fri', 'sewing', 'leaves-today'] },
  { name: 'the whole unit on a Tuesday', audience: { type: 'unit' }, day: '2026-05-05', expected: ['mon-fri', 'mon-tue', 'sewing', 'leaves-today'] },
  { name: 'a studio', audience: { type: 'studio', studioId: 'wood' }, expected: ['mon-fri', 'leaves-today'] },
  {
    name: 'chosen people, also outside their weekdays, never the discharged, not yet admitted or inactive',
    audience: { type: 'people', participantIds: ['mon-tue', 'discharged', 'not-yet', 'suspended', 'other-unit', 'gone', 'nobody'] },
    expected: ['mon-tue'],
  },
  { name: 'a not-yet-admitted person from the admission day on', audience: { type: 'studio', studioId: 'wood' }, day: '2026-05-07', expected: ['mon-fri', 'not-yet'] },
];

describe('expectedAudience', () => {
  it.each(cases)('$name', ({ audience, day, expected }) => {
    const activity = recurring('a', { audience });
    expect(expectedAudience(activity, people, day ?? WED).map((p) => p.id)).toEqual(expected);
  });
});

describe('audienceMemo', () => {
  it('gives the same lists as expectedAudience, for every audience and day', () => {
    const memo = audienceMemo(people);
    for (const c of cases) {
      for (const day of ['2026-05-04', '2026-05-05', WED, '2026-05-07', '2026-05-09']) {
        const activity = recurring(c.name, { audience: c.audience });
        expect(memo(activity, day)).toEqual(expectedAudience(activity, people, day));
        expect(memo(activity, day)).toBe(memo(activity, day));
      }
    }
  });
});
