/**
 * The types shared by the catalogs and t(): message keys come from the Polish source catalog, so a
 * key that does not exist, or an English catalog that misses one, fails the type check.
 */
import type { pl } from './pl';

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

type Source = typeof pl;

/** Every message key of the source catalog. */
export type MessageKey = keyof Source;
/** Keys whose message has plural forms: t() needs a `count` for them. */
export type PluralKey = { [K in MessageKey]: Source[K] extends string ? never : K }[MessageKey];
/** Keys of plain messages. */
export type TextKey = Exclude<MessageKey, PluralKey>;

/** A catalog with exactly the source keys: plain strings where the source has strings, plurals where it has plurals. */
export type Catalog = { readonly [K in MessageKey]: Source[K] extends string ? string : PluralForms };

/** Values filled into `{name}` placeholders; numbers are formatted for the language. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** The translate function: plural keys need `count`, plain keys take optional parameters. */
export interface Translate {
  (key: PluralKey, params: MessageParams & { readonly count: number }): string;
  (key: TextKey, params?: MessageParams): string;
}
