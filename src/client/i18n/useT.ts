/**
 * Hooks that give components the translate function and formatters of the current language.
 * They read the language signal, so the component re-renders when the language changes.
 */
import { en } from './en';
import { pl } from './pl';
import { language } from './language';
import { createTranslate } from './translate';
import { formatDay, formatLongDay, formatMegabytes, formatMonth, formatNumber, formatTimestamp } from './format';
import type { Catalog, Language, Translate } from './types';

const CATALOGS: Record<Language, Catalog> = { pl, en };
const translators: Record<Language, Translate> = {
  pl: createTranslate(pl, 'pl'),
  en: createTranslate(en, 'en'),
};

/** The catalog of a language. */
export function catalogFor(lang: Language): Catalog {
  return CATALOGS[lang];
}

/** t() for a given language (outside components, or in tests). */
export function translatorFor(lang: Language): Translate {
  return translators[lang];
}

/** t() of the current language; the calling component re-renders on a language change. */
export function useT(): Translate {
  return translators[language.value];
}

/** Formatters bound to the current language. */
export interface Formatters {
  language: Language;
  day(day: string): string;
  longDay(day: string): string;
  /** "listopad 2026" for '2026-11'. */
  month(month: string): string;
  timestamp(ms: number, today: string): string;
  number(n: number): string;
  megabytes(bytes: number): string;
}

/** Date and number formatters of the current language. */
export function useFormat(): Formatters {
  const lang = language.value;
  return {
    language: lang,
    day: (day) => formatDay(day, lang),
    longDay: (day) => formatLongDay(day, lang),
    month: (month) => formatMonth(month, lang),
    timestamp: (ms, today) => formatTimestamp(ms, today, lang),
    number: (n) => formatNumber(n, lang),
    megabytes: (bytes) => formatMegabytes(bytes, lang),
  };
}
