/**
 * The participant form's data and checks: an empty record with sensible defaults, and the errors
 * and warnings of the current input, by field path, from the same schema and checks the storage
 * and the CSV import use. No Polish here: codes become messages in the form.
 */
import {
  formatHlc, isDay, participantErrors, participantWarnings, validateRecord, type Day, type Participant, type UnitKind,
} from '../../../domain';
import type { ParticipantFields } from '../../state/register';

export function emptyParticipant(unitId: string, today: Day): ParticipantFields {
  return {
    firstName: '', lastName: '', birthDate: '', pesel: null, unitId, studioId: null, attendanceWeekdays: [1, 2, 3, 4, 5],
    admissionDate: today, dischargeDate: null, dischargeReason: null, status: 'active', phone: null, contacts: [],
    address: { street: '', postalCode: '', city: '' },
    transport: { needsTransport: false, mobilityAid: 'none', driverNote: '' },
    diet: 'standard', allergies: '', disabilityCertificate: null, rehabPlan: null,
    consents: { dataProcessing: false, photos: false, outings: false, signedOn: null }, notes: '',
  };
}

/** The editable part of a stored participant. */
export function fieldsOf(p: Participant): ParticipantFields {
  const { id: _id, organizationId: _o, hlc: _h, changedBy: _c, deleted: _d, ...fields } = p;
  return fields;
}

const META = { id: 'form', organizationId: 'form', hlc: formatHlc({ wall: 0, counter: 0, device: 'form' }), changedBy: 'form', deleted: false };

/** Record-level checks have no field of their own: show them next to the field they concern. */
const ROOT_PATHS: Record<string, string> = {
  admissionBeforeBirth: 'admissionDate', dischargeBeforeAdmission: 'dischargeDate', reviewBeforeStart: 'rehabPlan.reviewDate',
};

/**
 * What the form saves: names trimmed, an empty PESEL as none, and the discharge fields only on a
 * struck-off person (choosing "aktywny" again is a readmission: the old values stay in the
 * server's history of the record).
 */
export function participantToSave(fields: ParticipantFields): ParticipantFields {
  const discharged = fields.status === 'discharged';
  return {
    ...fields,
    firstName: fields.firstName.trim(),
    lastName: fields.lastName.trim(),
    pesel: fields.pesel === null || fields.pesel.trim() === '' ? null : fields.pesel.replace(/\s+/g, ''),
    dischargeDate: discharged ? fields.dischargeDate : null,
    dischargeReason: discharged && fields.dischargeReason?.trim() ? fields.dischargeReason.trim() : null,
  };
}

/** Errors by field path (first error of each field), empty when the record can be saved. */
export function participantFormErrors(input: ParticipantFields): Record<string, string> {
  const out: Record<string, string> = {};
  const fields = participantToSave(input);
  const checked = validateRecord('participants', { ...META, ...fields });
  if (!checked.ok) {
    for (const issue of checked.issues) {
      const path = issue.path === '' || issue.path === 'rehabPlan' ? (ROOT_PATHS[issue.code] ?? 'birthDate') : issue.path;
      out[path] ??= issue.code;
    }
    return out;
  }
  for (const f of participantErrors(checked.value)) out[f.path] ??= f.code;
  return out;
}

/** The id of the control that shows a field path's message, to move the focus there. */
export function controlIdOf(path: string): string {
  if (path === 'attendanceWeekdays') return 'p-weekday-1';
  const contact = /^contacts\.(\d+)\.(\w+)$/.exec(path);
  if (contact) return `p-contact-${contact[1]}-${contact[2]}`;
  return CONTROL_IDS[path] ?? `p-${path.split('.').at(-1)}`;
}

/** Paths whose control is not named after the field's last segment. */
const CONTROL_IDS: Record<string, string> = {
  'rehabPlan.startDate': 'p-rehabStart', 'rehabPlan.reviewDate': 'p-rehabReview', 'consents.signedOn': 'p-consentSigned',
  'disabilityCertificate.degree': 'p-degree',
};

export function participantFormWarnings(fields: ParticipantFields, unitKind: UnitKind, today: Day): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isDay(fields.birthDate)) return out;
  for (const f of participantWarnings(fields, unitKind, today)) out[f.path] ??= f.code;
  return out;
}
