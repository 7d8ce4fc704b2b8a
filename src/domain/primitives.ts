/**
 * Shared value schemas: ids, local days, clock times, phone numbers, PESEL.
 * Every entity schema is built from these, so client and server validate alike.
 */
import * as v from 'valibot';

/** A client-made id: UUIDv7, or a deterministic key such as `dm:<participant>:<day>`. */
export const IdSchema = v.pipe(
  v.string(),
  v.minLength(1, 'required'),
  v.maxLength(120, 'tooLong'),
  v.regex(/^[A-Za-z0-9:_-]+$/, 'invalidId'),
);

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar day written `yyyy-MM-dd` (no time, no zone). */
export function isDay(s: string): boolean {
  const m = DAY_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d <= days;
}

/** A local calendar day `yyyy-MM-dd`. */
export const DaySchema = v.pipe(v.string(), v.check(isDay, 'invalidDay'));
export type Day = string;

/** A clock time `HH:mm`, 00:00–23:59. */
export const TimeSchema = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalidTime'));
export type Time = string;

/** ISO weekday: 1 = Monday … 7 = Sunday (Polish weeks start on Monday). */
export const WeekdaySchema = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(7));
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A Polish or international phone number: digits, spaces, dashes, an optional leading +. */
export const PhoneSchema = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^\+?[0-9][0-9 -]{7,18}[0-9]$/, 'invalidPhone'),
);

export const NameSchema = v.pipe(v.string(), v.trim(), v.minLength(1, 'required'), v.maxLength(100, 'tooLong'));
export const TextSchema = v.pipe(v.string(), v.maxLength(2000, 'tooLong'));

const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/** True when the 11-digit PESEL has a valid check digit. */
export function isPeselChecksumValid(pesel: string): boolean {
  if (!/^\d{11}$/.test(pesel)) return false;
  const digits = [...pesel].map(Number);
  const sum = PESEL_WEIGHTS.reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0);
  return (10 - (sum % 10)) % 10 === digits[10];
}

/** The birth date encoded in a PESEL (month offsets give the century), or null when it is not a real day. */
export function birthDateFromPesel(pesel: string): Day | null {
  if (!/^\d{11}$/.test(pesel)) return null;
  const yy = Number(pesel.slice(0, 2));
  let mm = Number(pesel.slice(2, 4));
  const dd = pesel.slice(4, 6);
  let century: number;
  if (mm > 80) { century = 1800; mm -= 80; }
  else if (mm > 60) { century = 2200; mm -= 60; }
  else if (mm > 40) { century = 2100; mm -= 40; }
  else if (mm > 20) { century = 2000; mm -= 20; }
  else century = 1900;
  const day = `${century + yy}-${String(mm).padStart(2, '0')}-${dd}`;
  return isDay(day) ? day : null;
}

/** An optional PESEL: 11 digits with a valid checksum and a real birth date. */
export const PeselSchema = v.pipe(
  v.string(),
  v.regex(/^\d{11}$/, 'peselFormat'),
  v.check(isPeselChecksumValid, 'peselChecksum'),
  v.check((p) => birthDateFromPesel(p) !== null, 'peselDate'),
);
