// Every message that shows a number, in every catalog (core and packs, Polish and English), rendered
// with 0, 1, 2, 5, 12, 22 and 25: a number may only stand before a word when the message has plural
// forms for it (`count`), because only those agree ("1 prowadzącego", not "1 prowadzących").
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogFor, createTranslate, loadAllPacks, loadCatalog, type Language, type PluralForms } from '../../../src/client/i18n';

const COUNTS = [0, 1, 2, 5, 12, 22, 25];

/**
 * Parameters that carry a bare number (other than `count`). Every placeholder must be listed here
 * or in TEXT_PARAMS, so a new parameter name fails this test until someone decides which it is.
 */
const NUMBER_PARAMS = new Set([
  'used', 'quota', 'delta', 'ordered', 'served', 'late', 'noNotice', 'h', 'm', 'limit',
  'total', 'n', 'line', 'column', 'open', 'present', 'absent', 'excused', 'max', 'avg', 'min', 'position', 'year', 'percent',
]);
/** Parameters that carry words, names, dates, times or phrases already agreed by their own plural key. */
const TEXT_PARAMS = new Set([
  'amount', 'staff', 'name', 'section', 'time', 'message', 'kind', 'reason', 'start', 'end', 'day', 'room', 'names', 'date', 'who',
  'meals', 'days', 'age', 'user', 'device', 'change', 'route', 'status', 'login', 'seen', 'value', 'version',
  'protocol', 'field', 'from', 'to', 'diet', 'allergies', 'a', 'b', 'title', 'hours', 'planned', 'place', 'category',
  'text', 'aid', 'quarter', 'month', 'maxDay', 'event', 'places', 'phone', 'address', 'programme', 'due', 'degree', 'reasons',
]);
/** Words that may follow a bare number because they do not agree with it: units and prepositions. */
const INVARIANT_AFTER: Record<Language, ReadonlySet<string>> = {
  pl: new Set(['h', 'min', 'MB', 'z', 'na', 'do', 'od', 'i', 'w']),
  en: new Set(['h', 'min', 'MB', 'of', 'to', 'and', 'on', 'in', 'per', 'since', 'present']),
};

const pluralRules = { pl: new Intl.PluralRules('pl'), en: new Intl.PluralRules('en') };
const isPlural = (entry: string | PluralForms): entry is PluralForms => typeof entry !== 'string';
const forms = (entry: string | PluralForms): string[] => (isPlural(entry) ? Object.values(entry) as string[] : [entry]);
const placeholders = (message: string): string[] => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

let catalogs: Record<Language, Readonly<Record<string, string | PluralForms>>>;
beforeAll(async () => {
  await loadCatalog('en');
  await loadAllPacks();
  catalogs = { pl: catalogFor('pl'), en: catalogFor('en') };
});

describe.each(['pl', 'en'] as const)('numbers in every %s message', (lang) => {
  it('has every catalog loaded (core and all packs)', () => {
    expect(Object.keys(catalogs[lang]).length).toBeGreaterThan(500);
    expect(catalogs[lang]).toHaveProperty(['plan.conflict.staffRatio']);
  });

  it('knows whether each placeholder is a number or words', () => {
    const unknown = Object.entries(catalogs[lang]).flatMap(([key, entry]) =>
      forms(entry).flatMap(placeholders).filter((p) => p !== 'count' && !NUMBER_PARAMS.has(p) && !TEXT_PARAMS.has(p)).map((p) => `${key}: {${p}}`));
    expect(unknown).toEqual([]);
  });

  it('puts no bare number before a word that would have to agree with it', () => {
    const wrong: string[] = [];
    for (const [key, entry] of Object.entries(catalogs[lang])) {
      for (const message of forms(entry)) {
        for (const [, param, word] of message.matchAll(/\{(\w+)\}[ \u00a0]+([\p{L}]+)/gu)) {
          if (NUMBER_PARAMS.has(param!) && !INVARIANT_AFTER[lang].has(word!)) wrong.push(`${key}: {${param}} ${word}`);
        }
        if (!isPlural(entry) && /\{count\}[ \u00a0]+\p{L}/u.test(message)) wrong.push(`${key}: {count} without plural forms`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has the plural forms its language needs in every counted message', () => {
    const needed = lang === 'pl' ? ['one', 'few', 'many', 'other'] : ['one', 'other'];
    const missing = Object.entries(catalogs[lang]).filter(([, e]) => isPlural(e)).flatMap(([key, e]) =>
      needed.filter((c) => typeof (e as unknown as Record<string, unknown>)[c] !== 'string').map((c) => `${key}.${c}`));
    expect(missing).toEqual([]);
  });

  it.each(COUNTS)('renders every counted message with %i in the form Intl.PluralRules picks', (count) => {
    const t = createTranslate(catalogs[lang], lang);
    const category = pluralRules[lang].select(count) as keyof PluralForms;
    const params = (message: string) => Object.fromEntries(placeholders(message).map((p) => [p, NUMBER_PARAMS.has(p) ? 3 : `«${p}»`]));
    for (const [key, entry] of Object.entries(catalogs[lang])) {
      if (!isPlural(entry)) continue;
      const form = entry[category] ?? entry.other;
      const rendered = (t as (k: string, p: object) => string)(key, { ...params(form), count });
      expect(rendered, key).toBe(form.replace(/\{(\w+)\}/g, (_, p: string) => (p === 'count' ? String(count) : String(params(form)[p]))));
      // In Polish the word right after the number changes between 1 and 5 (1 dzień / 5 dni): a form
      // copied from another category would not.
      const word = (f: string) => /\{count\}[ \u00a0]+([\p{L}]+)/u.exec(f)?.[1];
      if (lang === 'pl' && word(entry.one) !== undefined) expect(word(entry.one), `${key}: one and many`).not.toBe(word(entry.many!));
    }
  });
});

describe('a class with too few staff', () => {
  it('reads "na 1 prowadzącego", not "na 1 prowadzących"', () => {
    const t = createTranslate(catalogs.pl, 'pl') as (k: string, p: object) => string;
    const staff = (count: number) => t('plan.count.staff', { count });
    expect(t('plan.conflict.staffRatio', { title: 'Pracownia', count: 30, staff: staff(1) }))
      .toBe('Pracownia: 30 uczestników na 1 prowadzącego (WTZ: najwyżej 5 osób na prowadzącego).');
    expect(t('plan.conflict.staffRatio', { title: 'Pracownia', count: 12, staff: staff(2) })).toContain('12 uczestników na 2 prowadzących');
  });
});
