/**
 * t() itself, as a pure function of a catalog and a language: key lookup, plural choice through
 * Intl.PluralRules, `{name}` interpolation with numbers formatted for the language. A missing key
 * (or a missing parameter) throws in development and tests so it is caught before release, and
 * shows the key in production so the screen still works.
 */
import type { Catalog, CatalogEntries, Language, MessageParams, PluralForms, Translate } from './types';

/** True in `vite dev` and in Vitest: missing keys and parameters throw instead of showing the key. */
const STRICT = import.meta.env.DEV || import.meta.env.MODE === 'test';

const pluralRules = new Map<Language, Intl.PluralRules>();
const numberFormats = new Map<Language, Intl.NumberFormat>();

function rulesFor(lang: Language): Intl.PluralRules {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules;
}

/** Formats a number for the language (Polish: "1 234,5"). */
export function numberFormat(lang: Language): Intl.NumberFormat {
  let nf = numberFormats.get(lang);
  if (!nf) numberFormats.set(lang, (nf = new Intl.NumberFormat(lang)));
  return nf;
}

/** Picks the plural form of `count`: the language's category, else `other`. */
export function choosePlural(forms: PluralForms, count: number, lang: Language): string {
  const category = rulesFor(lang).select(count) as keyof PluralForms | 'zero' | 'two';
  if (category === 'one' || category === 'few' || category === 'many') return forms[category] ?? forms.other;
  return forms.other;
}

function fail(problem: string, key: string): string {
  if (STRICT) throw new Error(`i18n: ${problem} "${key}"`);
  return key;
}

/** Replaces `{name}` with params.name; numbers are formatted for the language. */
export function interpolate(message: string, params: MessageParams | undefined, lang: Language, key: string): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params?.[name];
    if (value === undefined) {
      if (STRICT) fail(`missing parameter {${name}} for`, key);
      return whole;
    }
    return typeof value === 'number' ? numberFormat(lang).format(value) : value;
  });
}

/** Builds t() for one catalog (or a catalog merged with its packs) and language. */
export function createTranslate(catalog: Catalog | CatalogEntries, lang: Language): Translate {
  const entries = catalog as Readonly<Record<string, string | PluralForms | undefined>>;
  return ((key: string, params?: MessageParams) => {
    const entry = Object.hasOwn(entries, key) ? entries[key] : undefined;
    if (entry === undefined) return fail('missing key', key);
    if (typeof entry === 'string') return interpolate(entry, params, lang, key);
    const count = params?.['count'];
    if (typeof count !== 'number') return fail('missing count for plural key', key);
    return interpolate(choosePlural(entry, count, lang), params, lang, key);
  }) as Translate;
}
