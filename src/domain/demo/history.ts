/**
 * The invented past of the demo centre: a day mark for every expected participant on every working
 * day before today (mostly present, with illness spells, summer holidays, hospital stays and odd days
 * off), the absence notices behind the planned absences, and the lunches ordered on those days.
 * One WTZ participant has been away for the last working days, so the long-absence reminder fires.
 */
import { addDays, startOfWeek, weekdayOf, workingDaysBetween } from '../calendar';
import type { Day, Weekday } from '../primitives';
import { isSeniorKind } from '../rules/kinds/senior';
import type { AbsenceNotice } from '../entities/absence-notice';
import { dayMarkId, type AbsenceReason, type AttendanceStatus, type DayMark } from '../entities/attendance';
import { mealOrderId, type MealOrder } from '../entities/meal-order';
import { DIETS, type Diet, type Participant } from '../entities/participant';
import type { Unit } from '../entities/unit';
import type { DemoContext } from './context';
import { chance, pick, randInt, type Rand } from './random';

/** Working days of the long absence (more than the units' alert threshold). */
export const LONG_ABSENCE_DAYS = 8;

interface Slot { status: AttendanceStatus; reason: AbsenceReason | null; first: boolean }
const PRESENT: Slot = { status: 'present', reason: null, first: false };

/** Statuses for a person's working days: spells of illness, hospital and holidays, and single days off. */
function statuses(rand: Rand, days: Day[], illness: number, single: number): Slot[] {
  const out: Slot[] = [];
  const spell = (n: number, status: AttendanceStatus, reason: AbsenceReason) => {
    for (let k = 0; k < n && out.length < days.length; k++) out.push({ status, reason, first: k === 0 });
  };
  while (out.length < days.length) {
    const month = (days[out.length] ?? '').slice(5, 7);
    const vacation = month === '07' || month === '08' ? 0.025 : 0.002;
    const r = rand();
    if (r < illness) spell(randInt(rand, 2, 7), chance(rand, 0.2) ? 'excused' : 'absent', 'illness');
    else if (r < illness + 0.001) spell(randInt(rand, 5, 12), 'excused', 'hospital');
    else if (r < illness + 0.001 + vacation) spell(5, 'excused', 'vacation');
    else if (r < illness + 0.001 + vacation + single) {
      out.push({ status: 'absent', reason: pick(rand, [null, null, 'family', 'other', 'illness'] as const), first: true });
    } else out.push(PRESENT);
  }
  return out;
}

const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const toTime = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Arrival and leave times near the opening hours; children come after school. */
function presentTimes(rand: Rand, unit: Unit, p: Participant, open: number, close: number): [string, string, string] {
  let arrival: number;
  let leave = close - randInt(rand, 0, 20);
  let note = '';
  if (unit.kind === 'childrenDayRoom') {
    arrival = open + randInt(rand, 0, 150);
    leave = randInt(rand, Math.min(close, Math.max(arrival + 60, close - 180)), close);
  } else if (p.transport.needsTransport) {
    arrival = open - randInt(rand, 2, 12);
    leave = close;
  } else {
    arrival = open + randInt(rand, -10, 20);
    if (chance(rand, 0.05)) {
      leave = close - randInt(rand, 60, 180);
      note = 'Wcześniejsze wyjście.';
    }
  }
  leave = Math.max(leave, arrival);
  return [toTime(arrival), toTime(leave), note];
}

const REPORTERS: Record<string, readonly string[]> = {
  wtz: ['uczestnik', 'mama', 'opiekun prawny', 'siostra'],
  seniorPlus: ['uczestnik', 'córka', 'syn'],
  activeSeniorHome: ['uczestnik', 'córka', 'syn'],
  childrenDayRoom: ['mama', 'tata'],
};

function noticeFor(ctx: DemoContext, p: Participant, fromDay: Day, toDay: Day, reason: AbsenceReason, note: string, reportedBy: string, reportedOn: Day): AbsenceNotice {
  return { ...ctx.meta(ctx.newId()), participantId: p.id, unitId: p.unitId, fromDay, toDay, reason, note, reportedBy, reportedOn };
}

export interface DemoHistory { dayMarks: DayMark[]; notices: AbsenceNotice[]; mealOrders: MealOrder[] }

/** Marks, notices and meal orders of one unit for the working days before today. */
function unitHistory(ctx: DemoContext, unit: Unit, people: Participant[], longAbsentId: string | null, out: DemoHistory): void {
  const rand = ctx.rand;
  const days = workingDaysBetween(unit, ctx.historyStart, addDays(ctx.today, -1));
  const weekday = days.map(weekdayOf);
  const hours = new Map<number, readonly [number, number]>(unit.openingHours.map((h) => [h.weekday, [toMinutes(h.open), toMinutes(h.close)]]));
  const meals = new Map<Day, Record<Diet, number>>();
  const illness = isSeniorKind(unit.kind) ? 0.016 : 0.012;
  const single = unit.kind === 'childrenDayRoom' ? 0.05 : 0.035;
  for (const p of people) {
    const mine: Day[] = [];
    const mineWeekday: Weekday[] = [];
    days.forEach((d, i) => {
      const w = weekday[i];
      if (w !== undefined && d >= p.admissionDate && p.attendanceWeekdays.includes(w)) { mine.push(d); mineWeekday.push(w); }
    });
    const slots = statuses(rand, mine, illness, single);
    if (p.id === longAbsentId) {
      const from = Math.max(0, slots.length - LONG_ABSENCE_DAYS);
      for (let i = from; i < slots.length; i++) slots[i] = { status: 'absent', reason: 'illness', first: i === from };
    } else {
      // Nobody else is on a streak long enough to raise the long-absence reminder today.
      let streak = 0;
      for (let i = slots.length - 1; i >= 0 && slots[i]?.status !== 'present'; i--) streak++;
      if (streak >= unit.absenceStreakAlertDays) slots[slots.length - 1] = PRESENT;
    }
    let run: { from: Day; to: Day; reason: AbsenceReason } | null = null;
    const closeRun = () => {
      if (!run) return;
      const hospital = run.reason === 'hospital';
      const reportedOn = hospital ? run.from : addDays(run.from, -randInt(rand, 2, 14));
      out.notices.push(noticeFor(ctx, p, run.from, run.to, run.reason, hospital ? 'Pobyt w szpitalu' : 'Urlop', hospital ? 'rodzina' : pick(rand, REPORTERS[unit.kind] ?? ['uczestnik']), reportedOn));
      run = null;
    };
    mine.forEach((day, i) => {
      const slot = slots[i] ?? PRESENT;
      const [open, close] = hours.get(mineWeekday[i] ?? 1) ?? [480, 900];
      let arrival: string | null = null;
      let leave: string | null = null;
      let note = '';
      if (slot.status === 'present') {
        [arrival, leave, note] = presentTimes(rand, unit, p, open, close);
        if (unit.servesMeals) {
          let counts = meals.get(day);
          if (!counts) { counts = Object.fromEntries(DIETS.map((d) => [d, 0])) as Record<Diet, number>; meals.set(day, counts); }
          counts[p.diet] += 1;
        }
      } else if (slot.first && slot.reason === 'illness' && chance(rand, 0.5)) note = 'Zgłoszone telefonicznie.';
      const planned = slot.status === 'excused' && (slot.reason === 'vacation' || slot.reason === 'hospital') ? slot.reason : null;
      if (planned && run && run.reason === planned && !slot.first) run.to = day;
      else { closeRun(); if (planned) run = { from: day, to: day, reason: planned }; }
      // Written out field by field: this runs for every mark, and a spread is several times slower.
      out.dayMarks.push({
        id: dayMarkId(p.id, day), organizationId: ctx.organizationId, hlc: ctx.hlc, changedBy: ctx.adminId, deleted: false,
        participantId: p.id, unitId: unit.id, day, status: slot.status,
        absenceReason: slot.reason, arrivalTime: arrival, leaveTime: leave, note,
      });
    });
    closeRun();
  }
  if (!unit.servesMeals) return;
  for (const day of days) {
    const counts = meals.get(day) ?? (Object.fromEntries(DIETS.map((d) => [d, 0])) as Record<Diet, number>);
    out.mealOrders.push({ ...ctx.meta(mealOrderId(unit.id, day)), unitId: unit.id, day, counts, extra: randInt(rand, 1, 3), status: 'sent', note: '' });
  }
}

/** Notices for the coming days: a holiday next week, a sanatorium stay from today, a doctor's visit, a family trip. */
function comingNotices(ctx: DemoContext, units: { wtz: Participant[]; senior: Participant[]; kids: Participant[] }, skip: Set<string>): AbsenceNotice[] {
  const rand = ctx.rand;
  const nextMonday = addDays(startOfWeek(ctx.today), 7);
  const free = (list: Participant[]) => list.filter((p) => !skip.has(p.id));
  const out: AbsenceNotice[] = [];
  const take = (list: Participant[]) => {
    const candidates = free(list);
    if (candidates.length === 0) return null;
    const p = pick(rand, candidates);
    skip.add(p.id);
    return p;
  };
  const away = take(units.senior) ?? take(units.wtz);
  if (away) out.push(noticeFor(ctx, away, ctx.today, addDays(ctx.today, 13), 'other', 'Turnus w sanatorium', 'córka', addDays(ctx.today, -6)));
  const holiday = take(units.wtz);
  if (holiday) out.push(noticeFor(ctx, holiday, nextMonday, addDays(nextMonday, 4), 'vacation', 'Wyjazd wakacyjny z rodziną', 'mama', addDays(ctx.today, -3)));
  const doctor = take(units.senior);
  if (doctor) out.push(noticeFor(ctx, doctor, addDays(nextMonday, 2), addDays(nextMonday, 2), 'other', 'Wizyta u lekarza specjalisty', 'uczestnik', addDays(ctx.today, -1)));
  const trip = take(units.kids);
  if (trip) out.push(noticeFor(ctx, trip, addDays(nextMonday, 3), addDays(nextMonday, 4), 'family', 'Wyjazd rodzinny', 'mama', ctx.today));
  return out;
}

/** The attendance history, notices and meal orders of the demo centre. */
export function makeHistory(
  ctx: DemoContext, units: { wtz: Unit; senior: Unit; kids: Unit },
  people: { wtz: Participant[]; senior: Participant[]; kids: Participant[] }, longAbsentId: string | null, birthdayId: string | null,
): DemoHistory {
  const out: DemoHistory = { dayMarks: [], notices: [], mealOrders: [] };
  unitHistory(ctx, units.wtz, people.wtz, longAbsentId, out);
  unitHistory(ctx, units.senior, people.senior, null, out);
  unitHistory(ctx, units.kids, people.kids, null, out);
  const skip = new Set([longAbsentId, birthdayId].filter((id): id is string => id !== null));
  out.notices.push(...comingNotices(ctx, people, skip));
  return out;
}
