/**
 * Checks of a participant beyond the schema, shared by the form and the CSV import: the PESEL
 * must agree with the birth date, and a struck-off person needs the day they were struck off.
 * Warnings do not block saving: a participant under 60 in a senior home or club (Senior+ and
 * "Aktywni Seniorzy – ASY" are for people aged 60+), a certificate that has already expired, an IPR whose review date has passed.
 */
import { ageOn } from '../calendar';
import type { Participant } from '../entities/participant';
import type { UnitKind } from '../entities/unit';
import { isSeniorKind } from '../rules/kinds/senior';
import { birthDateFromPesel, type Day } from '../primitives';

export interface Finding { path: string; code: string }

/** Errors: the record cannot be saved like this. */
export function participantErrors(p: Pick<Participant, 'pesel' | 'birthDate'> & Partial<Pick<Participant, 'status' | 'dischargeDate'>>): Finding[] {
  const out: Finding[] = [];
  if (p.pesel && birthDateFromPesel(p.pesel) !== null && birthDateFromPesel(p.pesel) !== p.birthDate) {
    out.push({ path: 'pesel', code: 'peselBirthDateMismatch' });
  }
  if (p.status === 'discharged' && p.dischargeDate === null) out.push({ path: 'dischargeDate', code: 'dischargeDateRequired' });
  return out;
}

/** Warnings: worth a second look, but the record may be saved. */
export function participantWarnings(
  p: Pick<Participant, 'birthDate' | 'disabilityCertificate'> & Partial<Pick<Participant, 'rehabPlan' | 'status'>>, unitKind: UnitKind, today: Day,
): Finding[] {
  const out: Finding[] = [];
  if (isSeniorKind(unitKind) && ageOn(p.birthDate, today) < 60) out.push({ path: 'birthDate', code: 'seniorUnder60' });
  const validUntil = p.disabilityCertificate?.validUntil ?? null;
  if (validUntil !== null && validUntil < today) out.push({ path: 'disabilityCertificate.validUntil', code: 'certificateExpired' });
  const review = p.rehabPlan?.reviewDate ?? null;
  if (review !== null && review < today && p.status !== 'discharged') out.push({ path: 'rehabPlan.reviewDate', code: 'rehabReviewOverdue' });
  return out;
}
