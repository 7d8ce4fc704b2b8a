/**
 * Checks of a participant beyond the schema, shared by the form and the CSV import: the PESEL
 * must agree with the birth date; a Senior+ participant under 60 is a warning (the programme is
 * for people aged 60+), not an error; a certificate that has already expired is a warning.
 */
import { ageOn } from '../calendar';
import type { Participant } from '../entities/participant';
import type { UnitKind } from '../entities/unit';
import { birthDateFromPesel, type Day } from '../primitives';

export interface Finding { path: string; code: string }

/** Errors: the record cannot be saved like this. */
export function participantErrors(p: Pick<Participant, 'pesel' | 'birthDate'>): Finding[] {
  const out: Finding[] = [];
  if (p.pesel && birthDateFromPesel(p.pesel) !== null && birthDateFromPesel(p.pesel) !== p.birthDate) {
    out.push({ path: 'pesel', code: 'peselBirthDateMismatch' });
  }
  return out;
}

/** Warnings: worth a second look, but the record may be saved. */
export function participantWarnings(p: Pick<Participant, 'birthDate' | 'disabilityCertificate'>, unitKind: UnitKind, today: Day): Finding[] {
  const out: Finding[] = [];
  if (unitKind === 'seniorPlus' && ageOn(p.birthDate, today) < 60) out.push({ path: 'birthDate', code: 'seniorUnder60' });
  const validUntil = p.disabilityCertificate?.validUntil ?? null;
  if (validUntil !== null && validUntil < today) out.push({ path: 'disabilityCertificate.validUntil', code: 'certificateExpired' });
  return out;
}
