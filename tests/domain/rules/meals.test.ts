import { describe, expect, it } from 'vitest';
import { mealCount, mealCountsByDiet } from '../../../src/domain/rules/meals';
import { mark, notice, person } from './fixtures';

const DAY = '2026-05-06';
const people = [
  person('a', { diet: 'standard' }),
  person('b', { diet: 'diabetic' }),
  person('c', { diet: 'diabetic' }),
  person('d', { diet: 'glutenFree' }),
  person('e', { diet: 'standard' }),
  person('f', { diet: 'easyToDigest' }),
];

describe('mealCount and mealCountsByDiet', () => {
  it('everyone expected eats when nothing is known', () => {
    expect(mealCount(people, [], [], DAY)).toBe(6);
  });

  it('leaves out absent, excused and notified people; a present mark wins over a notice', () => {
    const marks = [
      mark('a', DAY, 'absent'),
      mark('b', DAY, 'excused'),
      mark('c', DAY, 'present'),
      mark('d', '2026-05-05', 'absent'), // another day: ignored
      { ...mark('e', DAY, 'absent'), deleted: true }, // deleted: ignored
    ];
    const notices = [notice('c', DAY, DAY), notice('f', '2026-05-04', '2026-05-08'), notice('e', '2026-05-07', '2026-05-08')];
    expect(mealCount(people, marks, notices, DAY)).toBe(3);
    expect(mealCountsByDiet(people, marks, notices, DAY)).toEqual({
      standard: 1, diabetic: 1, easyToDigest: 0, vegetarian: 0, glutenFree: 1, lactoseFree: 0, other: 0,
    });
  });
});
