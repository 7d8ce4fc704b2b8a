/**
 * Hooks that give components the translate function and formatters of the current language.
 * They read the language signal, so the component re-renders when the language changes.
 */
import { effect, signal } from '@preact/signals';
import { pl } from './pl';
import { language } from './language';
import { createTranslate } from './translate';
import { formatDay, formatLongDay, formatMegabytes, formatMonth, formatNumber, formatTimestamp } from './format';
import { PACK_LOADERS, PACK_NAMES, type PackName } from './packs';
import type { CatalogEntries, Language, Translate } from './types';

/**
 * Polish, the source language, is in the initial bundle; English is loaded when first chosen
 * (it is a separate chunk, precached by the service worker, so it also loads offline). The strings of
 * the lazily loaded screens come in packs (packs/index.ts), loaded with their screen in the languages
 * already in use, so t() never meets a key whose pack is missing.
 */
type Loaded = Partial<Record<Language, { entries: CatalogEntries; t: Translate }>>;

const loadedPacks = new Set<PackName>();
const catalogs = signal<Loaded>({ pl: { entries: pl, t: createTranslate(pl, 'pl') } });

function withEntries(loaded: Loaded, lang: Language, entries: CatalogEntries): Loaded {
  return { ...loaded, [lang]: { entries, t: createTranslate(entries, lang) } };
}

/** The core catalog of a language merged with the given packs of that language. */
async function fetchCatalog(lang: Language, packs: readonly PackName[]): Promise<CatalogEntries> {
  const core = lang === 'pl' ? pl : (await import('./en')).en;
  const parts = await Promise.all(packs.map((name) => PACK_LOADERS[name][lang]()));
  return Object.assign({}, core, ...parts) as CatalogEntries;
}

/** Catalog changes run one after another, so a language and a pack loading at once both end up complete. */
let queue: Promise<unknown> = Promise.resolve();
function serially(task: () => Promise<void>): Promise<void> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

/** Loads a language's catalog (once), with the packs already in use; resolves when t() can use it. */
export function loadCatalog(lang: Language): Promise<void> {
  return serially(async () => {
    if (catalogs.value[lang]) return;
    catalogs.value = withEntries(catalogs.value, lang, await fetchCatalog(lang, [...loadedPacks]));
  });
}

/** Loads message packs (once each) in every language already loaded; resolves when t() has them. */
export function loadPacks(...names: PackName[]): Promise<void> {
  return serially(() => addPacks(names));
}

async function addPacks(names: readonly PackName[]): Promise<void> {
  const missing = names.filter((n) => !loadedPacks.has(n));
  if (missing.length === 0) return;
  const langs = Object.keys(catalogs.value) as Language[];
  const parts = await Promise.all(langs.map(async (lang) => [lang, await Promise.all(missing.map((n) => PACK_LOADERS[n][lang]()))] as const));
  let next = catalogs.value;
  for (const [lang, packs] of parts) {
    const current = next[lang]?.entries ?? {};
    next = withEntries(next, lang, Object.assign({}, current, ...packs) as CatalogEntries);
  }
  for (const n of missing) loadedPacks.add(n);
  catalogs.value = next;
}

/** Every pack (tests, and screens rendered outside their section). */
export function loadAllPacks(): Promise<void> {
  return loadPacks(...PACK_NAMES);
}

effect(() => {
  if (language.value !== 'pl') void loadCatalog(language.value);
});

/** The messages of a language (Polish until the language has loaded), with the packs loaded so far. */
export function catalogFor(lang: Language): CatalogEntries {
  return (catalogs.value[lang] ?? catalogs.value.pl!).entries;
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
