/**
 * The printed A4 page of the right of access (GDPR art. 15): what the server holds about one person,
 * laid out for reading on paper. The person's fields with the register form's labels, the records
 * about them (attendance, notices, the driver's marks) one line each, the history of changes with
 * values, and the audit entries. Plain text values; the page is the person's, so it shows all.
 */
import type { AccessExport, AccessRecord } from '../../../protocol';
import type { TextKey } from '../../i18n';

/** The register form's label of each field of a participant (fields without one show their key). */
export const ACCESS_FIELD_LABELS: Partial<Record<string, TextKey>> = {
  firstName: 'form.firstName', lastName: 'form.lastName', birthDate: 'form.birthDate', pesel: 'form.pesel', unitId: 'form.unit',
  studioId: 'form.studio', attendanceWeekdays: 'form.weekdays', admissionDate: 'form.admissionDate', dischargeDate: 'form.dischargeDate',
  dischargeReason: 'form.dischargeReason', status: 'form.status', phone: 'form.phone', contacts: 'form.contacts', address: 'form.contact',
  transport: 'form.transport', diet: 'form.diet', allergies: 'form.allergies', disabilityCertificate: 'form.certificate',
  rehabPlan: 'form.rehab', consents: 'form.consents', notes: 'form.notes',
};

/** Labels of the fields inside a participant's objects and lists (address, contacts, consents...). */
const SUBFIELD_LABELS: Partial<Record<string, TextKey>> = {
  street: 'form.street', postalCode: 'form.postalCode', city: 'form.city', name: 'form.contactName', relation: 'form.contactRelation',
  phone: 'form.contactPhone', isLegalGuardian: 'form.contactGuardian', needsTransport: 'form.needsTransport', mobilityAid: 'form.mobilityAid',
  driverNote: 'form.driverNote', degree: 'form.degree', validUntil: 'form.validUntil', startDate: 'form.rehabStart', reviewDate: 'form.rehabReview',
  dataProcessing: 'form.consentData', photos: 'form.consentPhotos', outings: 'form.consentOutings', signedOn: 'form.consentSigned',
};

/** Fields whose values are codes with a message of their own (`status.active`, `diet.diabetic`...). */
const CODED: Partial<Record<string, string>> = { status: 'status', diet: 'diet', degree: 'degree', mobilityAid: 'mobility' };

/** Fields of the sync machinery, not data about the person. */
const TECHNICAL = new Set(['id', 'organizationId', 'hlc', 'changedBy', 'deleted']);

/** What the page needs to turn stored values into words: the translator and the date format. */
export interface AccessWords { t: (key: TextKey) => string; day: (day: string) => string }

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A stored value as one line of words: dates as dd.MM.yyyy, codes and yes/no translated, objects as "label: value". */
export function plainValue(value: unknown, w: AccessWords, field = ''): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return w.t(value ? 'access.yes' : 'access.no');
  if (field === 'attendanceWeekdays' && Array.isArray(value)) return value.map((d) => w.t(`weekday.short.${String(d)}` as TextKey)).join(' ') || '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => plainValue(v, w)).join('; ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${SUBFIELD_LABELS[k] ? w.t(SUBFIELD_LABELS[k]) : k}: ${plainValue(v, w, k)}`).join(', ');
  }
  if (typeof value === 'string' && ISO_DAY.test(value)) return w.day(value);
  const coded = CODED[field];
  if (coded && typeof value === 'string') return w.t(`${coded}.${value}` as TextKey);
  return String(value);
}

export interface AccessField { field: string; label: TextKey | null; value: string }

/** The person's fields in the form's order, then any other (technical fields left out). */
export function personFields(person: AccessRecord, unitNames: ReadonlyMap<string, string>, w: AccessWords): AccessField[] {
  const order = Object.keys(ACCESS_FIELD_LABELS);
  const keys = Object.keys(person.data).filter((k) => !TECHNICAL.has(k))
    .sort((a, b) => (order.indexOf(a) === -1 ? 99 : order.indexOf(a)) - (order.indexOf(b) === -1 ? 99 : order.indexOf(b)));
  return keys.map((field) => ({
    field,
    label: ACCESS_FIELD_LABELS[field] ?? null,
    value: field === 'unitId' ? (unitNames.get(String(person.data.unitId)) ?? plainValue(person.data.unitId, w)) : plainValue(person.data[field], w, field),
  }));
}

export interface AccessRecordLine { entity: AccessRecord['entity']; id: string; day: string; text: string; deleted: boolean }

/** The records about the person, one line each (by day, then entity), their own fields only (no ids of other records). */
export function recordLines(data: AccessExport, w: AccessWords): AccessRecordLine[] {
  const skip = new Set([...TECHNICAL, 'participantId', 'unitId']);
  return data.records.map((r) => {
    const day = String(r.data.day ?? r.data.fromDay ?? '');
    const text = Object.entries(r.data).filter(([k, v]) => !skip.has(k) && k !== 'day' && !k.endsWith('Id') && v !== null && v !== '').map(([k, v]) => `${k}: ${plainValue(v, w)}`).join(', ');
    return { entity: r.entity, id: r.id, day, text, deleted: r.deleted };
  }).sort((a, b) => a.day.localeCompare(b.day) || a.entity.localeCompare(b.entity) || a.id.localeCompare(b.id));
}

/** One change of the history as text: "field: before → after" per field. */
export function historyText(entry: AccessExport['history'][number], w: AccessWords): string {
  // Codes are translated for the person's own fields only (a mark's `status` is another list).
  const coded = (field: string) => (entry.entity === 'participants' ? field : '');
  return entry.changes.map((c) => `${c.field}: ${plainValue(c.before, w, coded(c.field))} → ${plainValue(c.after, w, coded(c.field))}`).join('; ') || '—';
}

/** An instant as "dd.MM.yyyy HH:mm" in the device's time zone. */
export function instantText(ms: number, w: AccessWords): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${w.day(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
