/**
 * Local calendar days and the Polish calendar. Days are `yyyy-MM-dd` strings; all arithmetic works
 * on a plain day count (no Date, no time zone), so daylight-saving changes can never shift a day.
 * The one place an instant meets a day is `dayInTimeZone`, which takes the instant as a parameter.
 * Public holidays (fixed and Easter-based) close every unit.
 */
import { isDay, type Day, type Weekday } from './primitives';
import type { Unit } from './entities/unit';

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a civil date (proleptic Gregorian; H. Hinnant's algorithm). */
function dayNumberOf(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function toNumber(day: Day): number {
  const m = DAY_RE.exec(day);
  if (!m || !isDay(day)) throw new RangeError('invalidDay');
  return dayNumberOf(Number(m[1]), Number(m[2]), Number(m[3]));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function fromNumber(n: number): Day {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** The day `n` days after `day` (before it when `n` is negative). */
export function addDays(day: Day, n: number): Day {
  return fromNumber(toNumber(day) + n);
}

/** Whole days from `a` to `b` (`b - a`): positive when `b` is later. */
export function diffDays(a: Day, b: Day): number {
  return toNumber(b) - toNumber(a);
}

/** Orders two days (for `Array.prototype.sort`). */
export function compareDays(a: Day, b: Day): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ISO weekday of a day: 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: Day): Weekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((toNumber(day) + 3) % 7) + 7) % 7 + 1) as Weekday;
}

/** The Monday of the week containing `day` (Polish weeks start on Monday). */
export function startOfWeek(day: Day): Day {
  return addDays(day, 1 - weekdayOf(day));
}

/** Every day from `from` to `to`, both included; empty when `to` is before `from`. */
export function daysInRange(from: Day, to: Day): Day[] {
  const start = toNumber(from);
  const end = toNumber(to);
  const out: Day[] = [];
  for (let n = start; n <= end; n++) out.push(fromNumber(n));
  return out;
}

/** The month of a day, `yyyy-MM`. */
export function monthOf(day: Day): string {
  return day.slice(0, 7);
}

/** 'yyyy-MM-dd' → 'dd.MM.yyyy', the Polish way of writing a day on documents (and what Polish Excel reads as a date). */
export function polishDay(day: Day): string {
  return `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
}

/** Every day of a month given as `yyyy-MM`. */
export function daysOfMonth(month: string): Day[] {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const mo = m ? Number(m[2]) : 0;
  if (!m || mo < 1 || mo > 12) throw new RangeError('invalidMonth');
  const y = Number(m[1]);
  const first = dayNumberOf(y, mo, 1);
  const next = mo === 12 ? dayNumberOf(y + 1, 1, 1) : dayNumberOf(y, mo + 1, 1);
  return daysInRange(fromNumber(first), fromNumber(next - 1));
}

/** The same day-of-month `n` months later (earlier when negative), clamped to the month's last day. */
export function addMonths(day: Day, n: number): Day {
  const y = Number(day.slice(0, 4));
  const mo = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  const total = y * 12 + (mo - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const last = daysOfMonth(`${pad(ny, 4)}-${pad(nm, 2)}`).length;
  return `${pad(ny, 4)}-${pad(nm, 2)}-${pad(Math.min(d, last), 2)}`;
}

/** Full years of age on `day` of a person born on `birthDate` (0 before the first birthday). */
export function ageOn(birthDate: Day, day: Day): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local day at instant `epochMs` in `timeZone` (the caller passes the instant; nothing reads the clock). */
export function dayInTimeZone(epochMs: number, timeZone = 'Europe/Warsaw'): Day {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, fmt);
  }
  const parts = fmt.formatToParts(epochMs);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian / Meeus–Jones–Butcher algorithm). */
export function easterSunday(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** A public holiday: the day and its Polish name. */
export interface PublicHoliday { day: Day; name: string }

/** The first year in which Christmas Eve is a public holiday (amendment of the Act on public holidays, 2024). */
export const CHRISTMAS_EVE_HOLIDAY_FROM = 2025;

/** Polish public holidays (dni ustawowo wolne od pracy) of a year, sorted by day. */
export function polishPublicHolidays(year: number): PublicHoliday[] {
  const y = pad(year, 4);
  const easter = easterSunday(year);
  const list: PublicHoliday[] = [
    { day: `${y}-01-01`, name: 'Nowy Rok' },
    { day: `${y}-01-06`, name: 'Trzech Króli' },
    { day: easter, name: 'Wielkanoc' },
    { day: addDays(easter, 1), name: 'Poniedziałek Wielkanocny' },
    { day: `${y}-05-01`, name: 'Święto Pracy' },
    { day: `${y}-05-03`, name: 'Święto Konstytucji 3 Maja' },
    { day: addDays(easter, 49), name: 'Zielone Świątki' },
    { day: addDays(easter, 60), name: 'Boże Ciało' },
    { day: `${y}-08-15`, name: 'Wniebowzięcie Najświętszej Maryi Panny' },
    { day: `${y}-11-01`, name: 'Wszystkich Świętych' },
    { day: `${y}-11-11`, name: 'Narodowe Święto Niepodległości' },
  ];
  if (year >= CHRISTMAS_EVE_HOLIDAY_FROM) list.push({ day: `${y}-12-24`, name: 'Wigilia Bożego Narodzenia' });
  list.push(
    { day: `${y}-12-25`, name: 'Boże Narodzenie (pierwszy dzień)' },
    { day: `${y}-12-26`, name: 'Boże Narodzenie (drugi dzień)' },
  );
  return list.sort((p, q) => compareDays(p.day, q.day));
}

const holidayCache = new Map<number, Map<Day, string>>();

function holidaysOf(year: number): Map<Day, string> {
  let map = holidayCache.get(year);
  if (!map) {
    map = new Map(polishPublicHolidays(year).map((h) => [h.day, h.name]));
    holidayCache.set(year, map);
  }
  return map;
}

/** The name of the public holiday on `day`, or null on an ordinary day. */
export function publicHolidayName(day: Day): string | null {
  return holidaysOf(Number(day.slice(0, 4))).get(day) ?? null;
}

/** True when `day` is a Polish public holiday. */
export function isPublicHoliday(day: Day): boolean {
  return publicHolidayName(day) !== null;
}

/** Why a unit is closed on a day: a public holiday, one of its own closed days, or a weekday without hours. */
export type ClosedReason =
  | { kind: 'holiday'; name: string }
  | { kind: 'closedDay'; reason: string }
  | { kind: 'weekday' };

/** Why `unit` is closed on `day`, or null when it is open. */
export function unitClosedReason(unit: Pick<Unit, 'openingHours' | 'closedDays'>, day: Day): ClosedReason | null {
  const holiday = publicHolidayName(day);
  if (holiday !== null) return { kind: 'holiday', name: holiday };
  const closed = unit.closedDays.find((c) => c.day === day);
  if (closed) return { kind: 'closedDay', reason: closed.reason };
  const weekday = weekdayOf(day);
  if (!unit.openingHours.some((h) => h.weekday === weekday)) return { kind: 'weekday' };
  return null;
}

/** True when `unit` is open on `day`. */
export function isUnitOpen(unit: Pick<Unit, 'openingHours' | 'closedDays'>, day: Day): boolean {
  return unitClosedReason(unit, day) === null;
}

/** The days from `from` to `to` (inclusive) on which `unit` is open. */
export function workingDaysBetween(unit: Pick<Unit, 'openingHours' | 'closedDays'>, from: Day, to: Day): Day[] {
  return daysInRange(from, to).filter((day) => isUnitOpen(unit, day));
}
