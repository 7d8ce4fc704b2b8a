// Dates and numbers as Polish offices write them; days never shift with the time zone.
import { describe, expect, it } from 'vitest';
import { formatDay, formatLongDay, formatMegabytes, formatNumber, formatTimestamp } from '../../../src/client/i18n';

describe('formatting', () => {
  it.each([
    ['2026-11-23', 'poniedziałek, 23 listopada 2026'],
    ['2026-01-01', 'czwartek, 1 stycznia 2026'],
    ['2026-03-29', 'niedziela, 29 marca 2026'],
    ['2026-10-25', 'niedziela, 25 października 2026'],
    ['2024-02-29', 'czwartek, 29 lutego 2024'],
  ])('long Polish date of %s', (day, expected) => {
    expect(formatLongDay(day, 'pl')).toBe(expected);
  });

  it('long English date', () => {
    expect(formatLongDay('2026-11-23', 'en')).toBe('Monday, 23 November 2026');
  });

  it('short date dd.MM.yyyy', () => {
    expect(formatDay('2026-03-05', 'pl')).toBe('05.03.2026');
  });

  it('numbers with Polish separators', () => {
    expect(formatNumber(1234.5, 'pl')).toBe('1234,5');
    expect(formatNumber(12345.5, 'pl')).toBe('12\u00a0345,5');
    expect(formatMegabytes(5.5 * 1024 * 1024, 'pl')).toBe('5,5');
  });

  it('a sync time of today is just the clock, an older one carries the date', () => {
    const ms = new Date(2026, 10, 23, 12, 4).getTime();
    expect(formatTimestamp(ms, '2026-11-23', 'pl')).toBe('12:04');
    expect(formatTimestamp(ms, '2026-11-24', 'pl')).toBe('23.11 12:04');
  });
});
