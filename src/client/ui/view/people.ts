/**
 * Small pure helpers that turn records into what a screen prints: names in both orders,
 * look-up maps, weekday labels and addresses. Kept out of components so they stay thin.
 */
import type { Address, Participant } from '../../../domain';
import type { TextKey } from '../../i18n';

/** "Anna Kowalska": for sentences, reminders and notices. */
export function fullName(p: Pick<Participant, 'firstName' | 'lastName'>): string {
  return `${p.firstName} ${p.lastName}`;
}

/** "Kowalska Anna": for registers sorted by surname. */
export function listName(p: Pick<Participant, 'firstName' | 'lastName'>): string {
  return `${p.lastName} ${p.firstName}`;
}

/** Records by id, for joins (a notice's participant, a session's room). */
export function indexById<T extends { id: string }>(items: readonly T[] | undefined): ReadonlyMap<string, T> {
  return new Map((items ?? []).map((item) => [item.id, item]));
}

type ShortWeekdayKey = `weekday.short.${1 | 2 | 3 | 4 | 5 | 6 | 7}` & TextKey;
type LongWeekdayKey = `weekday.long.${1 | 2 | 3 | 4 | 5 | 6 | 7}` & TextKey;

/** Message keys of the short weekday names, Monday first: [1, 3, 5] → pn, śr, pt. */
export function weekdayShortKeys(weekdays: readonly number[]): ShortWeekdayKey[] {
  return [...new Set(weekdays)]
    .filter((d) => Number.isInteger(d) && d >= 1 && d <= 7)
    .sort((a, b) => a - b)
    .map((d) => `weekday.short.${d}` as ShortWeekdayKey);
}

/** The message key of a weekday's full name (1 = Monday). */
export function weekdayLongKey(weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7): LongWeekdayKey {
  return `weekday.long.${weekday}`;
}

/** "ul. Lipowa 3, 81-001 Gdynia", skipping empty parts. */
export function formatAddress(address: Address): string {
  const town = [address.postalCode, address.city].filter((s) => s.trim() !== '').join(' ');
  return [address.street, town].filter((s) => s.trim() !== '').join(', ');
}
