import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays, addMonths, ageOn, compareDays, dayInTimeZone, daysInRange, daysOfMonth, diffDays, easterSunday,
  isPublicHoliday, monthOf, polishPublicHolidays, publicHolidayName, startOfWeek, unitClosedReason, weekdayOf,
  workingDaysBetween,
} from '../../src/domain/calendar';
import type { OpeningHours } from '../../src/domain/entities/unit';

const EASTER_AND_CORPUS_CHRISTI: [number, string, string][] = [
  [2024, '2024-03-31', '2024-05-30'],
  [2025, '2025-04-20', '2025-06-19'],
  [2026, '2026-04-05', '2026-06-04'],
  [2027, '2027-03-28', '2027-05-27'],
  [2028, '2028-04-16', '2028-06-15'],
  [2029, '2029-04-01', '2029-05-31'],
  [2030, '2030-04-21', '2030-06-20'],
  [2031, '2031-04-13', '2031-06-12'],
  [2032, '2032-03-28', '2032-05-27'],
];

describe('Easter and the Easter-based holidays', () => {
  it.each(EASTER_AND_CORPUS_CHRISTI)('%i: Easter %s, Corpus Christi %s', (year, easter, corpus) => {
    expect(easterSunday(year)).toBe(easter);
    const byName = new Map(polishPublicHolidays(year).map((h) => [h.name, h.day]));
    expect(byName.get('Wielkanoc')).toBe(easter);
    expect(byName.get('Boże Ciało')).toBe(corpus);
    expect(publicHolidayName(corpus)).toBe('Boże Ciało');
    expect(weekdayOf(corpus)).toBe(4);
  });
});

describe('polishPublicHolidays', () => {
  it('lists every holiday of 2026 in order, with Polish names', () => {
    expect(polishPublicHolidays(2026)).toEqual([
      { day: '2026-01-01', name: 'Nowy Rok' },
      { day: '2026-01-06', name: 'Trzech Króli' },
      { day: '2026-04-05', name: 'Wielkanoc' },
      { day: '2026-04-06', name: 'Poniedziałek Wielkanocny' },
      { day: '2026-05-01', name: 'Święto Pracy' },
      { day: '2026-05-03', name: 'Święto Konstytucji 3 Maja' },
      { day: '2026-05-24', name: 'Zielone Świątki' },
      { day: '2026-06-04', name: 'Boże Ciało' },
      { day: '2026-08-15', name: 'Wniebowzięcie Najświętszej Maryi Panny' },
      { day: '2026-11-01', name: 'Wszystkich Świętych' },
      { day: '2026-11-11', name: 'Narodowe Święto Niepodległości' },
      { day: '2026-12-24', name: 'Wigilia Bożego Narodzenia' },
      { day: '2026-12-25', name: 'Boże Narodzenie (pierwszy dzień)' },
      { day: '2026-12-26', name: 'Boże Narodzenie (drugi dzień)' },
    ]);
  });

  it.each([
    ['2023-12-24', false], ['2024-12-24', false], ['2025-12-24', true], ['2030-12-24', true],
    ['2024-12-25', true], ['2024-12-26', true], ['2024-12-27', false],
  ] as const)('Christmas Eve is a holiday only from 2025: %s → %s', (day, holiday) => {
    expect(isPublicHoliday(day)).toBe(holiday);
  });

  it.each([
    ['2026-04-06', 'Poniedziałek Wielkanocny'], ['2026-05-02', null], ['2026-11-11', 'Narodowe Święto Niepodległości'],
    ['2025-06-08', 'Zielone Świątki'], ['2026-03-31', null],
  ] as const)('publicHolidayName(%s) = %s', (day, name) => {
    expect(publicHolidayName(day)).toBe(name);
  });
});

describe('day arithmetic across the DST changes, whatever the process time zone', () => {
  const originalTz = process.env.TZ;
  afterEach(() => { process.env.TZ = originalTz; });

  it.each(['Europe/Warsaw', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])('TZ=%s', (tz) => {
    process.env.TZ = tz;
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-03-30', -2)).toBe('2026-03-28');
    expect(addDays('2026-10-24', 1)).toBe('2026-10-25');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2026-10-26', -1)).toBe('2026-10-25');
    expect(diffDays('2026-03-01', '2026-04-01')).toBe(31);
    expect(diffDays('2026-10-01', '2026-11-01')).toBe(31);
    expect(diffDays('2026-10-26', '2026-10-24')).toBe(-2);
    expect(weekdayOf('2026-03-29')).toBe(7);
    expect(weekdayOf('2026-03-30')).toBe(1);
    expect(weekdayOf('2026-10-25')).toBe(7);
    expect(weekdayOf('2026-10-26')).toBe(1);
    expect(daysInRange('2026-03-28', '2026-03-31')).toEqual(['2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31']);
  });

  it.each([
    ['2026-03-29T00:30:00Z', '2026-03-29'], // 01:30 CET, before the switch
    ['2026-03-29T01:30:00Z', '2026-03-29'], // 03:30 CEST, after the switch
    ['2026-03-28T22:59:00Z', '2026-03-28'], // 23:59 CET
    ['2026-03-28T23:00:00Z', '2026-03-29'], // midnight CET
    ['2026-03-29T21:59:00Z', '2026-03-29'], // 23:59 CEST
    ['2026-03-29T22:00:00Z', '2026-03-30'], // midnight CEST
    ['2026-10-24T21:59:00Z', '2026-10-24'], // 23:59 CEST
    ['2026-10-24T22:00:00Z', '2026-10-25'], // midnight CEST
    ['2026-10-25T22:30:00Z', '2026-10-25'], // 23:30 CET, after the switch back
    ['2026-10-25T23:00:00Z', '2026-10-26'], // midnight CET
    ['2026-12-31T23:30:00Z', '2027-01-01'],
  ])('dayInTimeZone(%s) in Warsaw is %s', (iso, day) => {
    process.env.TZ = 'America/Los_Angeles';
    expect(dayInTimeZone(Date.parse(iso))).toBe(day);
    expect(dayInTimeZone(Date.parse(iso), 'Europe/Warsaw')).toBe(day);
  });

  it('dayInTimeZone honours another zone', () => {
    expect(dayInTimeZone(Date.parse('2026-03-29T00:30:00Z'), 'America/New_York')).toBe('2026-03-28');
    expect(dayInTimeZone(Date.parse('2026-03-29T00:30:00Z'), 'UTC')).toBe('2026-03-29');
  });
});

describe('weeks, months and ranges', () => {
  it.each([
    ['2026-03-30', '2026-03-30'], ['2026-04-05', '2026-03-30'], ['2026-04-01', '2026-03-30'],
    ['2026-01-01', '2025-12-29'], ['2026-10-25', '2026-10-19'],
  ])('the week of %s starts on Monday %s', (day, monday) => {
    expect(startOfWeek(day)).toBe(monday);
    expect(weekdayOf(startOfWeek(day))).toBe(1);
  });

  it.each([
    ['2024-02', 29], ['2025-02', 28], ['2000-02', 29], ['2100-02', 28], ['2026-04', 30], ['2026-12', 31],
  ] as const)('%s has %i days', (month, count) => {
    const days = daysOfMonth(month);
    expect(days).toHaveLength(count);
    expect(days[0]).toBe(`${month}-01`);
    expect(days.at(-1)).toBe(`${month}-${count}`);
    expect(days.every((d) => monthOf(d) === month)).toBe(true);
  });

  it('daysInRange is empty when the end is before the start', () => {
    expect(daysInRange('2026-05-02', '2026-05-01')).toEqual([]);
    expect(daysInRange('2026-05-02', '2026-05-02')).toEqual(['2026-05-02']);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'], ['2024-01-31', 1, '2024-02-29'], ['2026-05-15', -3, '2026-02-15'],
    ['2026-01-10', -1, '2025-12-10'], ['2026-11-30', 14, '2028-01-30'],
  ] as const)('addMonths(%s, %i) = %s', (day, n, expected) => {
    expect(addMonths(day, n)).toBe(expected);
  });

  it('compareDays sorts days chronologically', () => {
    expect(['2026-10-02', '2025-12-31', '2026-01-15'].sort(compareDays)).toEqual(['2025-12-31', '2026-01-15', '2026-10-02']);
  });

  it('rejects malformed days instead of guessing', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => weekdayOf('26-1-1')).toThrow(RangeError);
    expect(() => daysOfMonth('2026-13')).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  it.each([
    ['1960-05-10', '2026-05-09', 65], ['1960-05-10', '2026-05-10', 66], ['1960-05-10', '2026-12-31', 66],
    ['2008-02-29', '2026-02-28', 17], ['2008-02-29', '2026-03-01', 18], ['2026-01-01', '2026-01-01', 0],
  ] as const)('born %s, on %s: %i full years', (birth, day, age) => {
    expect(ageOn(birth, day)).toBe(age);
  });
});

describe('unitClosedReason and workingDaysBetween', () => {
  const weekdays = (open: string, close: string, days: number[]): OpeningHours[] =>
    days.map((weekday) => ({ weekday, open, close }));
  const unit = {
    openingHours: weekdays('08:00', '15:00', [1, 2, 3, 4, 5]),
    closedDays: [{ day: '2026-05-04', reason: 'Szkolenie kadry' }, { day: '2026-05-01', reason: 'Majówka' }],
  };

  it.each([
    ['2026-04-30', null], // Thursday
    ['2026-05-01', { kind: 'holiday', name: 'Święto Pracy' }], // a holiday wins over the unit's own closed day
    ['2026-05-02', { kind: 'weekday' }], // Saturday
    ['2026-05-03', { kind: 'holiday', name: 'Święto Konstytucji 3 Maja' }],
    ['2026-05-04', { kind: 'closedDay', reason: 'Szkolenie kadry' }],
    ['2026-05-05', null],
    ['2026-06-04', { kind: 'holiday', name: 'Boże Ciało' }],
  ] as const)('%s → %j', (day, reason) => {
    expect(unitClosedReason(unit, day)).toEqual(reason);
  });

  it('a unit open on Saturdays is open on an ordinary Saturday', () => {
    const saturdays = { openingHours: weekdays('09:00', '13:00', [6]), closedDays: [] };
    expect(unitClosedReason(saturdays, '2026-05-09')).toBeNull();
    expect(unitClosedReason(saturdays, '2026-05-08')).toEqual({ kind: 'weekday' });
  });

  it('lists the working days of a week with a holiday and a closed day', () => {
    expect(workingDaysBetween(unit, '2026-04-27', '2026-05-10')).toEqual([
      '2026-04-27', '2026-04-28', '2026-04-29', '2026-04-30', '2026-05-05', '2026-05-06', '2026-05-07', '2026-05-08',
    ]);
  });

  it('Easter week: Monday is closed, Tuesday open', () => {
    expect(workingDaysBetween(unit, '2026-04-03', '2026-04-07')).toEqual(['2026-04-03', '2026-04-07']);
  });
});
