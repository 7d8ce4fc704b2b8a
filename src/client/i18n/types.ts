/**
 * The types shared by the catalogs and t(): message keys come from the Polish source catalog, so a
 * key that does not exist, or an English catalog that misses one, fails the type check.
 */
import type { pl } from './pl';
import type { PackSources } from './packs';

/** The languages Obecni speaks; Polish is the source and the default. */
export type Language = 'pl' | 'en';
export const LANGUAGES: readonly Language[] = ['pl', 'en'];

/** Plural forms by Intl.PluralRules category; a catalog lists the categories its language uses. */
export interface PluralForms {
  readonly one: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

/** Polish needs one (1), few (2–4, 22–24…), many (0, 5–21…) and other (fractions). */
export interface PolishPlural extends PluralForms {
  readonly few: string;
  readonly many: string;
}

/** Every message: the core catalog (initial bundle) and the packs of the lazily loaded screens. */
type Source = typeof pl & PackSources;

/** Every message key of the source catalog. */
export type MessageKey = keyof Source;
/** Keys whose message has plural forms: t() needs a `count` for them. */
export type PluralKey = { [K in MessageKey]: Source[K] extends string ? never : K }[MessageKey];
/** Keys of plain messages. */
export type TextKey = Exclude<MessageKey, PluralKey>;

/** A translation of a source catalog: exactly its keys, plain strings where it has strings, plurals where it has plurals. */
export type PackCatalog<S> = { readonly [K in keyof S]: S[K] extends string ? string : PluralForms };

/** The core catalog (pl.ts, en.ts): the messages of the initial bundle. */
export type Catalog = PackCatalog<typeof pl>;

/** Messages by key, as t() looks them up (a catalog, or a catalog merged with its loaded packs). */
export type CatalogEntries = Readonly<Record<string, string | PluralForms>>;

/** Values filled into `{name}` placeholders; numbers are formatted for the language. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** The translate function: plural keys need `count`, plain keys take optional parameters. */
export interface Translate {
  (key: PluralKey, params: MessageParams & { readonly count: number }): string;
  (key: TextKey, params?: MessageParams): string;
}
