// The weeks of the 2026 daylight-saving changes (Sun 29 March, Sun 25 October in Poland), expanded
// under several process time zones: days and times are strings, so the result never changes.
// Node re-reads process.env.TZ when it is assigned, which the sanity check below confirms.
import { afterAll, describe, expect, it } from 'vitest';
import { expandSessions, plannedHours } from '../../../../src/domain/rules/plan';
import { person, recurring, row, session, unit } from './fixtures';

const ZONES = ['Europe/Warsaw', 'America/New_York', 'Pacific/Auckland', 'Asia/Kolkata', 'UTC'];
const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

const activities = [
  recurring('daily', { startTime: '08:00', endTime: '15:00' }),
  recurring('weekend', { weekdays: [6, 7], startTime: '01:30', endTime: '03:30' }),
];
const openDaily = unit({ openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '00:00', close: '23:59' })) });

const weeks = [
  {
    name: 'spring forward: 2026-03-23..29',
    from: '2026-03-23', to: '2026-03-29',
    moved: session('daily', '2026-03-27', { status: 'moved', movedTo: { day: '2026-03-29', startTime: '02:00', endTime: '03:00' } }),
    expected: [
      'daily 2026-03-23 08:00-15:00', 'daily 2026-03-24 08:00-15:00', 'daily 2026-03-25 08:00-15:00', 'daily 2026-03-26 08:00-15:00',
      'weekend 2026-03-28 01:30-03:30', 'weekend 2026-03-29 01:30-03:30', 'daily 2026-03-29 02:00-03:00 (moved)',
    ],
  },
  {
    name: 'fall back: 2026-10-19..25',
    from: '2026-10-19', to: '2026-10-25',
    moved: session('daily', '2026-10-23', { status: 'moved', movedTo: { day: '2026-10-25', startTime: '02:00', endTime: '03:00' } }),
    expected: [
      'daily 2026-10-19 08:00-15:00', 'daily 2026-10-20 08:00-15:00', 'daily 2026-10-21 08:00-15:00', 'daily 2026-10-22 08:00-15:00',
      'weekend 2026-10-24 01:30-03:30', 'weekend 2026-10-25 01:30-03:30', 'daily 2026-10-25 02:00-03:00 (moved)',
    ],
  },
];

describe('DST weeks', () => {
  it('the time zone switch takes effect in this process (sanity check of the test itself)', () => {
    process.env.TZ = 'Europe/Warsaw';
    const before = new Date(2026, 2, 28, 12).getTimezoneOffset();
    const after = new Date(2026, 2, 30, 12).getTimezoneOffset();
    expect([before, after]).toEqual([-60, -120]);
    process.env.TZ = 'UTC';
    expect(new Date(2026, 2, 30, 12).getTimezoneOffset()).toBe(0);
  });

  for (const w of weeks) {
    it.each(ZONES)(`${w.name} under TZ=%s: same days, same times, 7 h a day, no 23- or 25-hour day`, (zone) => {
      process.env.TZ = zone;
      const list = expandSessions(activities, [w.moved], openDaily, w.from, w.to);
      expect(list.map(row)).toEqual(w.expected);
      const [hours] = plannedHours(list.filter((o) => o.activityId === 'daily' && o.status === 'planned'), [person('p')]);
      expect(hours?.days.map((d) => d.minutes)).toEqual([420, 420, 420, 420]);
      expect(hours?.weeks).toEqual([{ weekStart: w.from, minutes: 4 * 420 }]);
    });
  }
});
