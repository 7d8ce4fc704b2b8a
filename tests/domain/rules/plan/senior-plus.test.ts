import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '../../../../src/domain/entities/unit';
import { seniorPlusHoursCheck, type ShortWeekday } from '../../../../src/domain/rules/plan';
import { unit } from './fixtures';

const hours = (open: string, close: string, weekdays = [1, 2, 3, 4, 5]): OpeningHours[] => weekdays.map((weekday) => ({ weekday, open, close }));

const cases: { name: string; openingHours: OpeningHours[]; expected: ShortWeekday[] }[] = [
  { name: '8:00–16:00 Monday to Friday: exactly 8 hours', openingHours: hours('08:00', '16:00'), expected: [] },
  { name: 'longer days and a Saturday are fine', openingHours: [...hours('07:30', '16:30'), { weekday: 6, open: '10:00', close: '12:00' }], expected: [] },
  {
    name: 'a short Friday',
    openingHours: [...hours('08:00', '16:00', [1, 2, 3, 4]), { weekday: 5, open: '08:00', close: '14:00' }],
    expected: [{ weekday: 5, minutes: 360 }],
  },
  {
    name: 'closed on Wednesday, 7 h 59 min on Monday',
    openingHours: [{ weekday: 1, open: '08:00', close: '15:59' }, ...hours('08:00', '16:00', [2, 4, 5])],
    expected: [{ weekday: 1, minutes: 479 }, { weekday: 3, minutes: 0 }],
  },
  { name: 'no hours at all', openingHours: [], expected: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, minutes: 0 })) as ShortWeekday[] },
];

describe('seniorPlusHoursCheck', () => {
  it.each(cases)('$name', ({ openingHours, expected }) => {
    expect(seniorPlusHoursCheck(unit({ kind: 'seniorPlus', openingHours }))).toEqual(expected);
  });
});
