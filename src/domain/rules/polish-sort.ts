/**
 * Polish alphabetical order and diacritic-insensitive search for people's names. One shared
 * collator, because lists of participants are sorted on every screen and a collator is costly to build.
 */

const collator = new Intl.Collator('pl', { sensitivity: 'base' });

/** Anything with a Polish first and last name. */
export interface PersonName { lastName: string; firstName: string }

/** Orders two people by last name, then first name, in Polish alphabetical order (Ł after L, Ś after S). */
export function comparePeople(a: PersonName, b: PersonName): number {
  return collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName);
}

/** Compares two strings in Polish alphabetical order, ignoring case. */
export function comparePolish(a: string, b: string): number {
  return collator.compare(a, b);
}

/** A new array of the people in Polish name order (the input is left untouched). */
export function sortPeople<T extends PersonName>(list: readonly T[]): T[] {
  return [...list].sort(comparePeople);
}

/** Lower case without diacritics (ł → l too), so "lukasz" finds "Łukasz" and "zolw" finds "Żółw". */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase();
}
