// The two catalogs stay in step: same keys, same plural keys, same placeholders; and a missing key
// fails loudly in tests instead of reaching a user.
import { describe, expect, it } from 'vitest';
import { createTranslate, PACK_NAMES, pl, translatorFor, type Catalog, type MessageKey } from '../../../src/client/i18n';
import { en } from '../../../src/client/i18n/en';
import { PACK_LOADERS } from '../../../src/client/i18n/packs';

const placeholders = (value: unknown): string[] => {
  const texts = typeof value === 'string' ? [value] : Object.values(value as Record<string, string>);
  return [...new Set(texts.flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '')))].sort();
};

type Entries = Readonly<Record<string, unknown>>;

/** The core catalogs and every pack, each as a Polish / English pair. */
const pairs: [string, Entries, Entries][] = [['core', pl, en]];
for (const name of PACK_NAMES) {
  pairs.push([name, await PACK_LOADERS[name].pl(), await PACK_LOADERS[name].en()]);
}

describe('catalogs', () => {
  it.each(pairs)('%s: English has exactly the Polish keys', (_name, plEntries, enEntries) => {
    expect(Object.keys(enEntries).sort()).toEqual(Object.keys(plEntries).sort());
  });

  it('no key is in two catalogs (a pack would silently override the core or another pack)', () => {
    const seen = new Map<string, string>();
    for (const [name, plEntries] of pairs) {
      for (const key of Object.keys(plEntries)) {
        expect(seen.get(key), `${key} in ${name}`).toBeUndefined();
        seen.set(key, name);
      }
    }
  });

  it.each(pairs)('%s: plural messages are plural in both languages, and Polish ones have one, few and many', (_name, plEntries, enEntries) => {
    for (const [key, source] of Object.entries(plEntries)) {
      expect(typeof enEntries[key], key).toBe(typeof source);
      if (typeof source !== 'string') expect(Object.keys(source as object).sort(), key).toEqual(['few', 'many', 'one', 'other']);
    }
  });

  it.each(pairs)('%s: every message has the same placeholders in both languages', (_name, plEntries, enEntries) => {
    for (const [key, source] of Object.entries(plEntries)) {
      expect(placeholders(enEntries[key]), key).toEqual(placeholders(source));
    }
  });

  it('has a Polish message for every error code a user can meet', () => {
    const t = translatorFor('pl');
    expect(t('error.quotaExceeded')).toBe('Brak miejsca na tablecie. Ostatnia zmiana nie została zapisana — zwolnij miejsce i spróbuj ponownie.');
  });
});

describe('t()', () => {
  const t = translatorFor('pl');

  it('fills placeholders', () => {
    expect(t('today.unit', { name: 'WTZ „Przystań”' })).toBe('Placówka: WTZ „Przystań”');
  });

  it('throws on a missing key in tests', () => {
    expect(() => t('no.such.key' as MessageKey as 'app.name')).toThrow(/missing key "no.such.key"/);
  });

  it('throws when a placeholder has no value', () => {
    expect(() => t('today.unit')).toThrow(/missing parameter \{name\}/);
  });

  it('throws when a plural message gets no count', () => {
    const untyped = t as unknown as (key: string) => string;
    expect(() => untyped('count.days')).toThrow(/missing count/);
  });

  it('looks keys up in the given catalog only (no fallback that would hide a gap)', () => {
    const partial = { 'app.name': 'Obecni' } as unknown as Catalog;
    const tPartial = createTranslate(partial, 'en');
    expect(tPartial('app.name')).toBe('Obecni');
    expect(() => tPartial('nav.today')).toThrow(/missing key/);
  });
});
