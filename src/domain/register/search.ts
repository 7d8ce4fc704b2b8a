/**
 * The participant register's search and filters. Names are folded once (lower case, no
 * diacritics: "lukasz" finds "Łukasz") into an index, so each keystroke is one pass over
 * precomputed strings even for thousands of people.
 */
import type { Diet, Participant, ParticipantStatus } from '../entities/participant';
import type { Weekday } from '../primitives';
import { foldForSearch, sortPeople } from '../rules/polish-sort';

export interface RegisterFilter {
  /** Free text: any word of the name (in any order), the PESEL or the phone number. */
  query: string;
  studioId: string | null;
  status: ParticipantStatus | null;
  weekday: Weekday | null;
  transport: boolean | null;
  diet: Diet | null;
}

export const EMPTY_FILTER: RegisterFilter = { query: '', studioId: null, status: null, weekday: null, transport: null, diet: null };

/** Whether the filter narrows the list at all (the export then says it writes only the people shown). */
export function isFilterActive(filter: RegisterFilter): boolean {
  return filter.query.trim() !== '' || filter.studioId !== null || filter.status !== null || filter.weekday !== null
    || filter.transport !== null || filter.diet !== null;
}

export interface RegisterIndex { people: Participant[]; haystacks: string[] }

/** Sorts the people in Polish order and folds their searchable text once. */
export function buildRegisterIndex(participants: readonly Participant[]): RegisterIndex {
  const people = sortPeople(participants.filter((p) => !p.deleted));
  const haystacks = people.map((p) => foldForSearch(`${p.firstName} ${p.lastName} ${p.lastName} ${p.firstName} ${p.pesel ?? ''} ${(p.phone ?? '').replace(/\s+/g, '')}`));
  return { people, haystacks };
}

/** The people matching the filter, in Polish order. */
export function filterRegister(index: RegisterIndex, filter: RegisterFilter): Participant[] {
  const words = foldForSearch(filter.query).split(/\s+/).filter(Boolean);
  const out: Participant[] = [];
  for (let i = 0; i < index.people.length; i += 1) {
    const p = index.people[i]!;
    if (filter.status !== null && p.status !== filter.status) continue;
    if (filter.studioId !== null && p.studioId !== filter.studioId) continue;
    if (filter.weekday !== null && !p.attendanceWeekdays.includes(filter.weekday)) continue;
    if (filter.transport !== null && p.transport.needsTransport !== filter.transport) continue;
    if (filter.diet !== null && p.diet !== filter.diet) continue;
    if (words.length > 0) {
      const hay = index.haystacks[i]!;
      if (!words.every((w) => hay.includes(w))) continue;
    }
    out.push(p);
  }
  return out;
}
