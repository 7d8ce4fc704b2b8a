import { describe, expect, it } from 'vitest';
import { mealMonthSummary, noticeInTime } from '../../../src/domain/rules/meals-month';
import { mealSummaryToCsv } from '../../../src/domain/rules/meals-month-csv';
import type { MealOrder } from '../../../src/domain/entities/meal-order';
import { mark, meta, notice, person, unit } from './fixtures';

// May 2026: Fri 1 (holiday), Mon 4, Tue 5, Wed 6, Thu 7, Fri 8 … up to Fri 8 as "today".
const MONTH = '2026-05';
const UNTIL = '2026-05-08';

describe('noticeInTime', () => {
  it.each([
    { why: 'reported the day before', reportedOn: '2026-05-05', reportedAt: '14:00', cutoff: '09:00', out: true },
    { why: 'same day before the cut-off', reportedOn: '2026-05-06', reportedAt: '08:30', cutoff: '09:00', out: true },
    { why: 'same day at the cut-off', reportedOn: '2026-05-06', reportedAt: '09:00', cutoff: '09:00', out: true },
    { why: 'same day after the cut-off', reportedOn: '2026-05-06', reportedAt: '09:01', cutoff: '09:00', out: false },
    { why: 'same day, time unknown (older record)', reportedOn: '2026-05-06', reportedAt: undefined, cutoff: '09:00', out: false },
    { why: 'same day, no cut-off in the unit', reportedOn: '2026-05-06', reportedAt: '12:00', cutoff: null, out: true },
    { why: 'reported afterwards', reportedOn: '2026-05-07', reportedAt: '07:00', cutoff: null, out: false },
  ])('$why → $out', ({ reportedOn, reportedAt, cutoff, out }) => {
    expect(noticeInTime({ reportedOn, reportedAt }, '2026-05-06', cutoff)).toBe(out);
  });
});

function order(day: string, standard: number, extra = 0): MealOrder {
  return {
    ...meta(`mo:unit-1:${day}`), unitId: 'unit-1', day, extra, status: 'sent', note: '',
    counts: { standard, diabetic: 0, easyToDigest: 0, vegetarian: 0, glutenFree: 0, lactoseFree: 0, other: 0 },
  };
}

describe('mealMonthSummary', () => {
  const ala = person('ala', { firstName: 'Ala', lastName: 'Łęcka', diet: 'diabetic' });
  const bob = person('bob', { firstName: 'Bob', lastName: 'Lis', diet: 'standard' });
  const cel = person('cel', { firstName: 'Cel', lastName: 'Żak', diet: 'standard', attendanceWeekdays: [1, 3, 5] });
  const old = person('old', { firstName: 'Old', lastName: 'Gone', status: 'discharged', dischargeDate: '2026-03-31' });
  const marks = [
    // Ala: present Mon–Wed; Thu absent after a late notice; Fri absent with no notice.
    mark('ala', '2026-05-04', 'present'), mark('ala', '2026-05-05', 'present'), mark('ala', '2026-05-06', 'present'),
    mark('ala', '2026-05-07', 'excused'), mark('ala', '2026-05-08', 'absent'),
    // Bob: present Mon; away Tue–Fri on a notice given the week before, but came on Wed anyway
    // (served without an order: three days off in time, not four).
    mark('bob', '2026-05-04', 'present'), mark('bob', '2026-05-06', 'present'),
    // Cel (Mon/Wed/Fri): present Mon and, although not due, Tuesday too; Wed/Fri unmarked.
    mark('cel', '2026-05-04', 'present'), mark('cel', '2026-05-05', 'present'),
  ];
  const notices = [
    notice('ala', '2026-05-07', '2026-05-07', { reportedOn: '2026-05-07', reportedAt: '10:15' }),
    notice('bob', '2026-05-05', '2026-05-08', { reportedOn: '2026-04-30' }),
  ];
  const orders = [order('2026-05-04', 3), order('2026-05-05', 2, 1)];
  const s = mealMonthSummary(unit(), [cel, bob, ala, old], marks, notices, orders, MONTH, UNTIL);

  it('lists the open days up to today, holidays and weekends left out', () => {
    expect(s.days.map((d) => d.day)).toEqual(['2026-05-04', '2026-05-05', '2026-05-06', '2026-05-07', '2026-05-08']);
  });

  it('stands "as of" today while the month runs, and says so in the CSV title (issue 13)', () => {
    expect(s.asOf).toBe(UNTIL);
    expect(mealSummaryToCsv(s, 'ŚDS', (d) => d).slice(1).split('\r\n')[0]).toBe('Posiłki — zestawienie miesięczne;ŚDS;2026-05;stan na 08.05.2026');
    expect(mealMonthSummary(unit(), [ala], [], [], [], MONTH, '2026-06-01').asOf).toBeNull();
  });

  it('per participant, in Polish name order: ordered, served, notices in time and late, absences without notice', () => {
    expect(s.rows.map((r) => [r.participant.lastName, r.diet, r.ordered, r.served, r.noticeInTime, r.noticeLate, r.absentNoNotice])).toEqual([
      ['Lis', 'standard', 1, 2, 3, 0, 0],
      ['Łęcka', 'diabetic', 5, 3, 0, 1, 1],
      ['Żak', 'standard', 3, 2, 0, 0, 0],
    ]);
  });

  it('per day: ordered by the rules, the order as sent (with extra), served from present marks', () => {
    expect(s.days.map((d) => [d.day.slice(8), d.ordered, d.sent, d.served])).toEqual([
      ['04', 3, 3, 3], ['05', 1, 3, 2], ['06', 2, null, 2], ['07', 1, null, 0], ['08', 2, null, 0],
    ]);
    expect(s.totals).toEqual({ ordered: 9, served: 7, sent: 6, noticeInTime: 3, noticeLate: 1, absentNoNotice: 1 });
  });

  it('per diet', () => {
    expect(s.byDiet.standard).toEqual({ people: 2, ordered: 4, served: 4 });
    expect(s.byDiet.diabetic).toEqual({ people: 1, ordered: 5, served: 3 });
    expect(s.byDiet.glutenFree).toEqual({ people: 0, ordered: 0, served: 0 });
  });

  it('leaves out the future, deleted records, other units and draft orders', () => {
    const other = person('x', { unitId: 'unit-2' });
    const t = mealMonthSummary(unit(), [ala, other], [{ ...mark('ala', '2026-05-04', 'present'), deleted: true }, mark('x', '2026-05-04', 'present')],
      [], [{ ...order('2026-05-04', 9), status: 'draft' }], MONTH, '2026-05-05');
    expect(t.days.map((d) => [d.day.slice(8), d.ordered, d.sent, d.served])).toEqual([['04', 1, null, 0], ['05', 1, null, 0]]);
    expect(t.rows.map((r) => r.participant.id)).toEqual(['ala']);
  });

  it('a closed day (bridge day) orders nothing', () => {
    const t = mealMonthSummary(unit({ closedDays: [{ day: '2026-05-04', reason: 'szkolenie' }] }), [bob], [], [], [], MONTH, UNTIL);
    expect(t.days.map((d) => d.day)).not.toContain('2026-05-04');
    expect(t.rows[0]?.ordered).toBe(4);
  });

  it('exports CSV for Excel: BOM, semicolons, Polish headers and dates, diet names from the caller', () => {
    const csv = mealSummaryToCsv(s, 'WTZ „Przystań”', (d) => (d === 'diabetic' ? 'cukrzycowa' : 'podstawowa'));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('Nazwisko;Imię;Dieta;Zamówione;Wydane;Nieobecność zgłoszona w terminie;Nieobecność zgłoszona po terminie;Nieobecność bez zgłoszenia');
    expect(lines[3]).toBe('Łęcka;Ala;cukrzycowa;5;3;0;1;1');
    expect(lines).toContain('Razem;;;9;7;3;1;1');
    expect(lines).toContain('05.05.2026;1;3;2');
    expect(lines).toContain('06.05.2026;2;;2');
  });
});
