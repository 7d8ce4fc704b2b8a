import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DayMark, type ReportInput,
} from '../../../../src/domain';
import { ABSENCE_REASON_KEYS, attendedMinutes, monthlySheet, periodMonths, periodRange, periodReport, plannedMinutes, quarterOf } from '../../../../src/domain/rules/reports';
import { addDays, daysInRange, isUnitOpen } from '../../../../src/domain/calendar';
import { mark, notice, oneOff, person, recurring, unit } from '../fixtures';

describe('report periods', () => {
  it.each([
    [{ kind: 'month', month: '2026-11' }, ['2026-11'], '2026-11-01', '2026-11-30'],
    [{ kind: 'quarter', month: '2026-11' }, ['2026-10', '2026-11', '2026-12'], '2026-10-01', '2026-12-31'],
    [{ kind: 'quarter', month: '2026-02' }, ['2026-01', '2026-02', '2026-03'], '2026-01-01', '2026-03-31'],
    [{ kind: 'year', month: '2028-02' }, Array.from({ length: 12 }, (_, i) => `2028-${String(i + 1).padStart(2, '0')}`), '2028-01-01', '2028-12-31'],
  ] as const)('%o spans %o', (period, months, from, to) => {
    expect(periodMonths(period)).toEqual(months);
    expect(periodRange(period)).toEqual({ from, to });
  });

  it('names quarters', () => {
    expect(['2026-01', '2026-04', '2026-09', '2026-12'].map(quarterOf)).toEqual([1, 2, 3, 4]);
  });
});

describe('hours attended', () => {
  const u = unit({ dailyHoursTarget: 7, openingHours: [{ weekday: 1, open: '08:00', close: '14:00' }, { weekday: 2, open: '08:00', close: '16:00' }] });
  it.each([
    ['arrival and leave', { day: '2026-11-02', arrivalTime: '08:30', leaveTime: '13:15' }, 285, true],
    ['arrival only: until closing', { day: '2026-11-02', arrivalTime: '09:00', leaveTime: null }, 300, true],
    ['leave only: from opening', { day: '2026-11-03', arrivalTime: null, leaveTime: '12:00' }, 240, true],
    ['no times, short day: the opening hours', { day: '2026-11-02', arrivalTime: null, leaveTime: null }, 360, false],
    ['no times, long day: the daily target', { day: '2026-11-03', arrivalTime: null, leaveTime: null }, 420, false],
    ['no times on a closed weekday: the daily target', { day: '2026-11-07', arrivalTime: null, leaveTime: null }, 420, false],
  ])('%s', (_, m, minutes, fromTimes) => {
    expect(attendedMinutes(u, m)).toEqual({ minutes, fromTimes });
  });
  it('plans at most the target', () => {
    expect(plannedMinutes(unit({ dailyHoursTarget: 8 }), '2026-11-02')).toBe(420);
  });
});

describe('periodReport', () => {
  const u = unit({ kind: 'seniorPlus', absenceLimitDays: 3 });
  const ala = person('p-ala', { firstName: 'Ala', lastName: 'Żak' });
  const ola = person('p-ola', { firstName: 'Ola', lastName: 'Łoś' });
  const marks: DayMark[] = [
    mark('p-ala', '2026-10-30', 'absent', { absenceReason: 'hospital' }),
    mark('p-ala', '2026-11-02', 'absent', { absenceReason: 'illness' }),
    mark('p-ala', '2026-11-03', 'excused', { absenceReason: null }),
    mark('p-ala', '2026-11-04', 'present', { arrivalTime: '09:00', leaveTime: '12:00' }),
    mark('p-ola', '2026-11-04', 'present', { arrivalTime: null, leaveTime: null }),
    mark('p-ola', '2026-12-01', 'present'),
  ];
  const notices = [notice('p-ola', '2026-11-05', '2026-11-06', { reason: 'family' })];
  const activities = [
    recurring('gym', { category: 'rehabilitation', weekdays: [3] }),
    oneOff('trip', '2026-11-20', { category: 'trip' }),
    oneOff('trip-holiday', '2026-11-11', { category: 'trip' }),
  ];
  const input: ReportInput = { unit: u, participants: [ala, ola], marks, notices, activities, sessions: [] };
  const q = periodReport(input, { kind: 'quarter', month: '2026-11' }, '2099-12-31');

  it('sorts people the Polish way and sums their months', () => {
    expect(q.people.map((p) => p.participant.lastName)).toEqual(['Łoś', 'Żak']);
    const a = q.people.find((p) => p.participant.id === 'p-ala')!;
    expect(a.months.map((m) => m.month)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(a.totals).toMatchObject({ present: 1, absent: 2, excused: 1 });
  });

  it('counts absences by reason, a notice giving the reason of an excused day', () => {
    const a = q.people.find((p) => p.participant.id === 'p-ala')!;
    const o = q.people.find((p) => p.participant.id === 'p-ola')!;
    expect(a.absencesByReason).toMatchObject({ hospital: 1, illness: 1, unspecified: 1, family: 0 });
    expect(o.absencesByReason).toMatchObject({ family: 2 });
    for (const p of q.people) expect(ABSENCE_REASON_KEYS.reduce((s, k) => s + p.absencesByReason[k], 0)).toBe(p.totals.absent + p.totals.excused);
  });

  it('finds the longest absence across the month end and the people over the unit’s limit', () => {
    const a = q.people.find((p) => p.participant.id === 'p-ala')!;
    expect(a.longestAbsence).toBe(3); // Friday 30 Oct, Monday 2 and Tuesday 3 Nov
    expect(q.overLimit.map((p) => p.participant.id)).toEqual(['p-ala']);
  });

  it('adds hours from times or, without them, from the plan', () => {
    const a = q.people.find((p) => p.participant.id === 'p-ala')!;
    const o = q.people.find((p) => p.participant.id === 'p-ola')!;
    expect([a.minutes, a.daysWithTimes]).toEqual([180, 1]);
    expect([o.minutes, o.daysWithTimes]).toEqual([420 + 420, 1]);
    expect(q.totals.minutes).toBe(180 + 840);
  });

  it('gives the Senior+ figures: people served, person-days, meals, activities by category', () => {
    expect(q.totals).toMatchObject({ peopleServed: 2, personDays: 3, mealsServed: 3 });
    // Wednesdays in Oct–Dec 2026: 13, less 11 November (a holiday, which also cancels the trip planned on it).
    expect(q.activities.byCategory).toEqual([{ category: 'rehabilitation', count: 12 }, { category: 'trip', count: 1 }]);
    expect(q.monthly.map((m) => m.peopleServed)).toEqual([0, 2, 1]);
    expect(periodReport({ ...input, unit: { ...u, servesMeals: false } }, { kind: 'month', month: '2026-11' }, '2099-12-31').totals.mealsServed).toBe(0);
  });
});

// The reconciliation property: whatever the marks and notices, every figure of a period report is the
// sum of the same figure on the monthly sheets built on their own, month by month.
describe('reconciliation with the monthly sheets (property)', () => {
  const people = ['a', 'b', 'c', 'd'].map((id, i) => person(`p-${id}`, {
    lastName: ['Ścibor', 'Adamczyk', 'Łukasik', 'Zięba'][i]!, attendanceWeekdays: i === 3 ? [1, 3] : [1, 2, 3, 4, 5],
    admissionDate: i === 2 ? '2026-02-10' : '2020-01-01', dischargeDate: i === 1 ? '2026-05-20' : null, status: i === 1 ? 'discharged' : 'active',
  }));
  const dayArb = fc.integer({ min: 0, max: 364 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
  const markArb = fc.record({
    who: fc.integer({ min: 0, max: 3 }), day: dayArb, status: fc.constantFrom('present', 'absent', 'excused' as const),
    reason: fc.constantFrom(null, 'illness', 'vacation' as const), times: fc.boolean(),
  });
  const noticeArb = fc.record({ who: fc.integer({ min: 0, max: 3 }), day: dayArb, len: fc.integer({ min: 0, max: 20 }) });

  it('sums across quarter and year reports equal the monthly sheets', () => {
    fc.assert(fc.property(fc.array(markArb, { maxLength: 120 }), fc.array(noticeArb, { maxLength: 8 }), fc.integer({ min: 1, max: 12 }), (ms, ns, m) => {
      const marks = ms.map((x) => mark(people[x.who]!.id, x.day, x.status, {
        absenceReason: x.status === 'present' ? null : x.reason, arrivalTime: x.status === 'present' && x.times ? '08:15' : null, leaveTime: x.status === 'present' && x.times ? '13:45' : null,
      }));
      const notices = ns.map((x, i) => notice(people[x.who]!.id, x.day, new Date(Date.parse(x.day) + x.len * 86_400_000).toISOString().slice(0, 10), { id: `n${i}` }));
      const input: ReportInput = { unit: unit(), participants: people, marks, notices, activities: [], sessions: [] };
      const month = `2026-${String(m).padStart(2, '0')}`;
      for (const kind of ['month', 'quarter', 'year'] as const) {
        const r = periodReport(input, { kind, month }, '2099-12-31');
        const sheets = periodMonths({ kind, month }).map((mo) => monthlySheet(unit(), people, marks, notices, mo, '2099-12-31'));
        const sum = (f: (s: (typeof sheets)[number]) => number) => sheets.reduce((a, s) => a + f(s), 0);
        for (const k of ['present', 'absent', 'excused', 'unmarked', 'expectedDays'] as const) {
          expect(r.totals[k]).toBe(sum((s) => s.totals[k]));
          expect(r.people.reduce((a, p) => a + p.totals[k], 0)).toBe(r.totals[k]);
          for (const p of r.people) expect(p.totals[k]).toBe(sum((s) => s.rows.find((row) => row.participant.id === p.participant.id)?.totals[k] ?? 0));
        }
        expect(r.totals.openDays).toBe(sum((s) => s.openDays));
        expect(r.totals.personDays).toBe(sum((s) => s.dayTotals.reduce((a, d) => a + d.present, 0)));
        expect(r.monthly.reduce((a, x) => a + x.present, 0)).toBe(r.totals.present);
        const presentIds = new Set(sheets.flatMap((s) => s.rows.filter((row) => row.totals.present > 0).map((row) => row.participant.id)));
        expect(r.totals.peopleServed).toBe(presentIds.size);
        for (const p of r.people) expect(ABSENCE_REASON_KEYS.reduce((s, k) => s + p.absencesByReason[k], 0)).toBe(p.totals.absent + p.totals.excused);
      }
    }), { numRuns: 60 });
  });
});

// Issue 13, point 3: seen on 7 December, the Q4 report said "Dni otwarcia 61" and 75.4 % for someone
// never absent, and counted the classes still to come. A period not over yet counts days up to today.
describe('a period report as of a day inside the period', () => {
  const TODAY = '2026-12-07';
  const u = unit({ kind: 'seniorPlus' });
  const eva = person('p-eva', { firstName: 'Ewa', lastName: 'Bąk' });
  const input: ReportInput = {
    unit: u, participants: [eva], notices: [], sessions: [],
    marks: daysInRange('2026-10-01', TODAY).filter((d) => isUnitOpen(u, d)).map((d) => mark('p-eva', d, 'present')),
    activities: [recurring('gym', { category: 'rehabilitation', weekdays: [3] })],
  };
  const q4 = periodReport(input, { kind: 'quarter', month: '2026-12' }, TODAY);

  it('counts only the open days so far, with the rest of the quarter apart', () => {
    // October 22 open days, November 20, December 1–7: 5.
    expect(q4.totals.openDays).toBe(47);
    expect(q4.planned.openDays).toBe(16);
    expect(q4.asOf).toBe(TODAY);
  });

  it('gives 100 % to a person never absent', () => {
    expect(q4.people[0]!.rate).toBe(1);
    expect(q4.people[0]!.totals).toMatchObject({ present: 47, expectedDays: 47, unmarked: 0 });
  });

  it('counts the classes held so far and the planned ones apart', () => {
    // Wednesdays 1 Oct – 7 Dec 2026: 9, less 11 November; still to come: 9, 16, 23 and 30 December.
    expect(q4.activities.total).toBe(8);
    expect(q4.planned.activities).toBe(4);
  });

  it('lists only the months begun; a finished period has no "as of" day and nothing planned', () => {
    const year = periodReport(input, { kind: 'year', month: '2026-12' }, '2026-05-10');
    expect(year.monthly.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
    const done = periodReport(input, { kind: 'quarter', month: '2026-11' }, '2027-01-04');
    expect([done.asOf, done.planned]).toEqual([null, { openDays: 0, activities: 0 }]);
  });
});

// The as-of property: whatever the day the report is made on, a person present on every elapsed open
// day has 100 % on every sheet and in every report, nothing after that day is counted, and the report
// still reconciles with the monthly sheets made on the same day.
describe('reports as of any day (property)', () => {
  const u = unit();
  const dayArb = fc.integer({ min: 0, max: 364 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
  const faithful = person('p-faith', { lastName: 'Wierna' });
  const other = person('p-other', { lastName: 'Zmienny' });

  it('a person present on every elapsed open day has 100 %, and future marks count nowhere', () => {
    fc.assert(fc.property(dayArb, fc.constantFrom('month', 'quarter', 'year' as const), fc.array(fc.record({ day: dayArb, status: fc.constantFrom('present', 'absent', 'excused' as const) }), { maxLength: 60 }), (today, kind, extra) => {
      const period = { kind, month: today.slice(0, 7) };
      const { from, to } = periodRange(period);
      const elapsed = daysInRange(from, today).filter((d) => isUnitOpen(u, d));
      // The faithful person is present every elapsed open day and, wrongly, "absent" on every later day.
      const marks = [
        ...elapsed.map((d) => mark(faithful.id, d, 'present')),
        ...daysInRange(addDays(today, 1), to).filter((d) => isUnitOpen(u, d)).map((d) => mark(faithful.id, d, 'absent')),
        ...extra.map((x) => mark(other.id, x.day, x.status)),
      ];
      const input: ReportInput = { unit: u, participants: [faithful, other], marks, notices: [], activities: [], sessions: [] };
      const r = periodReport(input, period, today);
      const sheets = periodMonths(period).map((mo) => monthlySheet(u, [faithful, other], marks, [], mo, today));
      const f = r.people.find((p) => p.participant.id === faithful.id)!;
      expect(f.rate).toBe(elapsed.length === 0 ? null : 1);
      expect(f.totals).toMatchObject({ present: elapsed.length, absent: 0, expectedDays: elapsed.length });
      for (const s of sheets) {
        const row = s.rows.find((x) => x.participant.id === faithful.id)!;
        if (row.totals.expectedDays > 0) expect(row.rate).toBe(1);
        s.days.forEach((d, i) => { if (d.future) expect(s.dayTotals[i]).toEqual({ present: 0, absent: 0, excused: 0 }); });
      }
      expect(r.totals.openDays).toBe(elapsed.length);
      expect(r.totals.openDays + r.planned.openDays).toBe(daysInRange(from, to).filter((d) => isUnitOpen(u, d)).length);
      const sum = (g: (s: (typeof sheets)[number]) => number) => sheets.reduce((a, s) => a + g(s), 0);
      for (const k of ['present', 'absent', 'excused', 'unmarked', 'expectedDays'] as const) expect(r.totals[k]).toBe(sum((s) => s.totals[k]));
      expect(r.totals.openDays).toBe(sum((s) => s.openDays));
      expect(r.monthly.every((m) => `${m.month}-01` <= today)).toBe(true);
    }), { numRuns: 80 });
  });
});

