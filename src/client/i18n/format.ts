/**
 * Dates, clock times and numbers for the UI language. Days are local calendar days 'yyyy-MM-dd':
 * they are turned into a Date at local noon, so no time zone or DST change can move them.
 */
import { format } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import { pl } from 'date-fns/locale/pl';
import type { Language } from './types';
import { numberFormat } from './translate';

const LOCALES = { pl, en: enUS } as const;

/** The Date at local noon of a 'yyyy-MM-dd' day. */
export function dayToDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12);
}

/** "23.11.2026" in both languages (the Polish office format). */
export function formatDay(day: string, lang: Language): string {
  return format(dayToDate(day), 'dd.MM.yyyy', { locale: LOCALES[lang] });
}

/** "poniedziałek, 23 listopada 2026" / "Monday, 23 November 2026". */
export function formatLongDay(day: string, lang: Language): string {
  return format(dayToDate(day), 'EEEE, d MMMM yyyy', { locale: LOCALES[lang] });
}

/** "listopad 2026" / "November 2026" for a 'yyyy-MM' month (the nominative, as on a sheet's title). */
export function formatMonth(month: string, lang: Language): string {
  return format(dayToDate(`${month}-15`), 'LLLL yyyy', { locale: LOCALES[lang] });
}

/** "12:04" for a timestamp on `today`, "22.11 12:04" for an older one. */
export function formatTimestamp(ms: number, today: string, lang: Language): string {
  const date = new Date(ms);
  const sameDay = format(date, 'yyyy-MM-dd') === today;
  return format(date, sameDay ? 'HH:mm' : 'dd.MM HH:mm', { locale: LOCALES[lang] });
}

/** A number in the language's format ("1 234,5" in Polish). */
export function formatNumber(n: number, lang: Language): string {
  return numberFormat(lang).format(n);
}

/** Bytes as megabytes with one decimal ("12,3"). */
export function formatMegabytes(bytes: number, lang: Language): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
}
