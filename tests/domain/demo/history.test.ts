import { describe, expect, it } from 'vitest';
import { addMonths, isPublicHoliday, unitClosedReason, weekdayOf, workingDaysBetween, addDays } from '../../../src/domain/calendar';
import type { DayMark } from '../../../src/domain/entities/attendance';
import { expectedParticipants, noticeCovers } from '../../../src/domain/rules/expected';
import { mealCountsByDiet } from '../../../src/domain/rules/meals';
import { reminders } from '../../../src/domain/rules/today';
import { SCENARIOS, centre } from './helpers';

describe.each(SCENARIOS)('demo history (today $today)', (opts) => {
  const c = centre(opts);
  const marks = c.all('dayMarks');
  const people = c.all('participants');
  const notices = c.all('absenceNotices');
  const historyStart = addMonths(opts.today, -(opts.historyMonths ?? 3));
  const marksBy = new Map<string, DayMark[]>();
  for (const m of marks) marksBy.set(m.participantId, [...(marksBy.get(m.participantId) ?? []), m]);

  it('has no marks on holidays, weekends, closed days, today or later', () => {
    const units = new Map(c.all('units').map((u) => [u.id, u]));
    for (const m of marks) {
      expect(m.day < opts.today).toBe(true);
      expect(m.day >= historyStart).toBe(true);
      expect(isPublicHoliday(m.day)).toBe(false);
      expect(weekdayOf(m.day)).toBeLessThanOrEqual(5);
      const unit = units.get(m.unitId);
      expect(unit && unitClosedReason(unit, m.day)).toBeNull();
    }
  });

  it('marks every expected participant on every working day, and nobody else', () => {
    const marked = new Set(marks.map((m) => `${m.participantId}|${m.day}`));
    let expectedCount = 0;
    for (const unit of c.all('units')) {
      for (const day of workingDaysBetween(unit, historyStart, addDays(opts.today, -1))) {
        for (const p of expectedParticipants(people, unit, day)) {
          expect(marked.has(`${p.id}|${day}`)).toBe(true);
          expectedCount += 1;
        }
      }
    }
    expect(marks).toHaveLength(expectedCount);
  });

  it('about nine in ten are present, with times near the opening hours', () => {
    const present = marks.filter((m) => m.status === 'present');
    const ratio = present.length / marks.length;
    expect(ratio).toBeGreaterThan(0.84);
    expect(ratio).toBeLessThan(0.93);
    const unit = c.unit('wtz');
    for (const m of present.filter((x) => x.unitId === unit.id)) {
      expect(m.arrivalTime! >= '07:45' && m.arrivalTime! <= '08:20').toBe(true);
      expect(m.leaveTime! >= '12:00' && m.leaveTime! <= '15:00').toBe(true);
    }
    for (const m of marks.filter((x) => x.status !== 'present')) expect([m.arrivalTime, m.leaveTime]).toEqual([null, null]);
    expect(marks.some((m) => m.status === 'excused')).toBe(true);
    expect(marks.some((m) => m.absenceReason === 'illness')).toBe(true);
  });

  it('exactly one WTZ participant has a long absence, and the reminder fires for them only', () => {
    const all = c.all('units').flatMap((u) => reminders(people, marksBy, u, opts.today));
    const long = all.filter((r) => r.kind === 'longAbsence');
    expect(long).toHaveLength(1);
    expect(long[0]?.participant.unitId).toBe(c.unit('wtz').id);
    expect(long[0]?.kind === 'longAbsence' && long[0].workingDays).toBeGreaterThanOrEqual(6);
  });

  it('the expired certificate, the coming reviews and the birthday show among the reminders', () => {
    const wtz = reminders(people, marksBy, c.unit('wtz'), opts.today);
    expect(wtz[0]).toMatchObject({ kind: 'certificateExpiring', expired: true });
    expect(wtz.filter((r) => r.kind === 'certificateExpiring' && r.expired)).toHaveLength(1);
    expect(wtz.filter((r) => r.kind === 'certificateExpiring' && !r.expired).length).toBeGreaterThanOrEqual(2);
    expect(wtz.filter((r) => r.kind === 'rehabReviewDue').length).toBeGreaterThanOrEqual(2);
    const birthdays = c.all('units').flatMap((u) => reminders(people, marksBy, u, opts.today)).filter((r) => r.kind === 'birthday');
    expect(birthdays).toHaveLength(1);
  });

  it('has notices ahead, one covering today, and past notices match excused marks', () => {
    expect(notices.filter((n) => noticeCovers(n, opts.today))).toHaveLength(1);
    expect(notices.filter((n) => n.fromDay > opts.today).length).toBeGreaterThanOrEqual(2);
    const owner = new Map(people.map((p) => [p.id, p.unitId]));
    for (const n of notices) {
      expect(owner.get(n.participantId)).toBe(n.unitId);
      if (n.toDay >= opts.today) continue;
      const covered = (marksBy.get(n.participantId) ?? []).filter((m) => noticeCovers(n, m.day));
      expect(covered.length).toBeGreaterThan(0);
      expect(covered.every((m) => m.status === 'excused' && m.absenceReason === n.reason)).toBe(true);
    }
  });

  it('orders lunches on every past working day of the units that serve meals, matching attendance', () => {
    const orders = c.all('mealOrders');
    for (const unit of c.all('units')) {
      const mine = orders.filter((o) => o.unitId === unit.id);
      if (!unit.servesMeals) { expect(mine).toEqual([]); continue; }
      expect(mine.map((o) => o.day)).toEqual(workingDaysBetween(unit, historyStart, addDays(opts.today, -1)));
      for (const o of mine.filter((_, i) => i % 7 === 0)) {
        const dayMarks = marks.filter((m) => m.day === o.day && m.unitId === unit.id);
        expect(o.counts).toEqual(mealCountsByDiet(expectedParticipants(people, unit, o.day), dayMarks, notices, o.day));
        expect(o.status).toBe('sent');
      }
    }
  });

  it('marks class attendance of the group classes held, for the members present that day only', () => {
    const sessionMarks = c.all('sessionMarks');
    const activities = new Map(c.all('activities').map((a) => [a.id, a]));
    const cancelled = new Set(c.all('sessions').filter((s) => s.status === 'cancelled').map((s) => s.id));
    const presentOn = new Map(marks.filter((m) => m.status === 'present').map((m) => [`${m.participantId}|${m.day}`, m]));
    const studioOf = new Map(people.map((p) => [p.id, p.studioId]));
    // A WTZ studio member present on a day has a studio class in the morning and one after lunch.
    const wtz = c.unit('wtz').id;
    const studioDays = marks.filter((m) => m.unitId === wtz && m.status === 'present' && studioOf.get(m.participantId)).length;
    expect(sessionMarks.filter((s) => s.unitId === wtz).length).toBeGreaterThanOrEqual(Math.floor(1.95 * studioDays));
    for (const s of sessionMarks) {
      const a = activities.get(s.activityId);
      expect(a?.unitId).toBe(s.unitId);
      expect(a?.audience.type).not.toBe('unit');
      if (a?.audience.type === 'studio') expect(studioOf.get(s.participantId)).toBe(a.audience.studioId);
      if (a?.audience.type === 'people') expect(a.audience.participantIds).toContain(s.participantId);
      expect(s.sessionId).toBe(`s:${s.activityId}:${s.day}`);
      expect(cancelled.has(s.sessionId)).toBe(false);
      expect(s.day < opts.today && s.day >= historyStart).toBe(true);
      const day = presentOn.get(`${s.participantId}|${s.day}`);
      expect(day).toBeDefined();
      // Someone who left more than half an hour before the class ended missed it.
      if (a && day?.leaveTime && day.leaveTime < addMinutes(a.endTime, -30)) expect(s.present).toBe(false);
    }
    const missed = sessionMarks.filter((s) => !s.present).length;
    expect(missed).toBeGreaterThan(0);
    expect(missed / sessionMarks.length).toBeLessThan(0.05);
  });
});

function addMinutes(time: string, delta: number): string {
  const m = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + delta;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
