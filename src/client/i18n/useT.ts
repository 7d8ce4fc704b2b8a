/**
 * Hooks that give components the translate function and formatters of the current language.
 * They read the language signal, so the component re-renders when the language changes.
 */
import { effect, signal } from '@preact/signals';
import { pl } from './pl';
import { language } from './language';
import { createTranslate } from './translate';
import { formatDay, formatLongDay, formatMegabytes, formatMonth, formatNumber, formatTimestamp } from './format';
import type { Catalog, Language, Translate } from './types';

/**
 * Polish, the source language, is in the initial bundle; English is loaded when first chosen
 * (it is a separate chunk, precached by the service worker, so it also loads offline).
 */
const catalogs = signal<Partial<Record<Language, { catalog: Catalog; t: Translate }>>>({ pl: { catalog: pl, t: createTranslate(pl, 'pl') } });

/** Loads a language's catalog (once); resolves when t() can use it. */
export async function loadCatalog(lang: Language): Promise<void> {
  if (catalogs.value[lang]) return;
  const { en } = await import('./en');
  catalogs.value = { ...catalogs.value, en: { catalog: en, t: createTranslate(en, 'en') } };
}

effect(() => {
  if (language.value !== 'pl') void loadCatalog(language.value);
});

/** The catalog of a language (Polish until the language has loaded). */
export function catalogFor(lang: Language): Catalog {
  return (catalogs.value[lang] ?? catalogs.value.pl!).catalog;
}

/** t() for a given language (outside components, or in tests; Polish until it has loaded). */
export function translatorFor(lang: Language): Translate {
  return (catalogs.value[lang] ?? catalogs.value.pl!).t;
}

/** t() of the current language; the calling component re-renders on a language change. */
export function useT(): Translate {
  return translatorFor(language.value);
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
