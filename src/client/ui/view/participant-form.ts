/**
 * The participant form's data and checks: an empty record with sensible defaults, and the errors
 * and warnings of the current input, by field path, from the same schema and checks the storage
 * and the CSV import use. No Polish here: codes become messages in the form.
 */
import {
  formatHlc, participantErrors, participantWarnings, validateRecord, type Day, type Participant, type UnitKind,
} from '../../../domain';
import type { ParticipantFields } from '../../state';

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

/** Errors by field path (first error of each field), empty when the record can be saved. */
export function participantFormErrors(fields: ParticipantFields): Record<string, string> {
  const out: Record<string, string> = {};
  const checked = validateRecord('participants', { ...META, ...fields, pesel: fields.pesel === '' ? null : fields.pesel });
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

export function participantFormWarnings(fields: ParticipantFields, unitKind: UnitKind, today: Day): Record<string, string> {
  const out: Record<string, string> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.birthDate)) return out;
  for (const f of participantWarnings(fields, unitKind, today)) out[f.path] ??= f.code;
  return out;
}
