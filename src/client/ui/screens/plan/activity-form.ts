/**
 * The activity form's model: its values (strings as the inputs hold them), the defaults of a new
 * class or trip, the values of a stored activity, the record they make, and the errors shown next
 * to each field. The record is checked with the shared schema too, so what the form lets through
 * is what the write path (and the server) accept.
 */
import {
  isDay, validateRecord, type Activity, type ActivityCategory, type ActivityFields, type Day,
} from '../../../../domain';
import type { TextKey } from '../../../i18n';

const isTime = (s: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(s);

export interface ActivityFormValues {
  kind: 'recurring' | 'oneOff';
  title: string;
  category: ActivityCategory;
  startTime: string;
  endTime: string;
  roomId: string;
  staffIds: string[];
  audienceType: 'unit' | 'studio' | 'people';
  studioId: string;
  participantIds: string[];
  capacity: string;
  weekdays: number[];
  validFrom: string;
  validTo: string;
  day: string;
  place: string;
  needsBus: boolean;
}

export type ActivityFormField = keyof ActivityFormValues;
export type ActivityFormErrors = Partial<Record<ActivityFormField, TextKey>>;

/** A new weekly class from `day` on, or a one-off outing on `day`. */
export function emptyActivityForm(kind: 'recurring' | 'oneOff', day: Day): ActivityFormValues {
  return {
    kind, title: '', category: kind === 'oneOff' ? 'outing' : 'occupationalTherapy',
    startTime: kind === 'oneOff' ? '09:00' : '10:00', endTime: kind === 'oneOff' ? '13:00' : '11:00',
    roomId: '', staffIds: [], audienceType: kind === 'oneOff' ? 'people' : 'unit', studioId: '', participantIds: [], capacity: '',
    weekdays: [], validFrom: day, validTo: '', day, place: '', needsBus: kind === 'oneOff',
  };
}

/** The form's values of a stored activity (for "edit the series"). */
export function activityFormValues(a: Activity): ActivityFormValues {
  const base = emptyActivityForm(a.kind, a.kind === 'oneOff' ? a.day : a.validFrom);
  return {
    ...base, title: a.title, category: a.category, startTime: a.startTime, endTime: a.endTime, roomId: a.roomId ?? '', staffIds: [...a.staffIds],
    audienceType: a.audience.type, studioId: a.audience.type === 'studio' ? a.audience.studioId : '',
    participantIds: a.audience.type === 'people' ? [...a.audience.participantIds] : [], capacity: a.capacity === null ? '' : String(a.capacity),
    ...(a.kind === 'recurring'
      ? { weekdays: [...a.weekdays], validFrom: a.validFrom, validTo: a.validTo ?? '' }
      : { day: a.day, place: a.place, needsBus: a.needsBus }),
  };
}

/** The activity's own fields from the form (assumes `activityFormErrors` found nothing). */
export function activityFromForm(v: ActivityFormValues, unitId: string): ActivityFields {
  const audience = v.audienceType === 'studio' ? { type: 'studio' as const, studioId: v.studioId }
    : v.audienceType === 'people' ? { type: 'people' as const, participantIds: [...v.participantIds] } : { type: 'unit' as const };
  const common = {
    unitId, title: v.title.trim(), category: v.category, roomId: v.roomId === '' ? null : v.roomId, staffIds: [...v.staffIds], audience,
    capacity: v.capacity.trim() === '' ? null : Number(v.capacity.trim()), startTime: v.startTime, endTime: v.endTime,
  };
  if (v.kind === 'recurring') {
    return { ...common, kind: 'recurring', weekdays: [...v.weekdays].sort((a, b) => a - b), validFrom: v.validFrom, validTo: v.validTo === '' ? null : v.validTo };
  }
  return { ...common, kind: 'oneOff', day: v.day, place: v.place.trim(), needsBus: v.needsBus };
}

const SCHEMA_KEYS: Readonly<Record<string, TextKey>> = {
  required: 'form.error.required', endBeforeStart: 'plan.error.endBeforeStart', validToBeforeFrom: 'plan.error.validToBeforeFrom',
  invalidDay: 'form.error.invalidDay', invalidTime: 'form.error.invalidTime', maxLength: 'form.error.tooLong', minLength: 'form.error.required',
};

/** The error of each field, in the user's words (empty when the form can be saved). */
export function activityFormErrors(v: ActivityFormValues): ActivityFormErrors {
  const e: ActivityFormErrors = {};
  if (v.title.trim() === '') e.title = 'form.error.required';
  if (!isTime(v.startTime)) e.startTime = 'form.error.invalidTime';
  if (!isTime(v.endTime)) e.endTime = 'form.error.invalidTime';
  else if (isTime(v.startTime) && v.endTime <= v.startTime) e.endTime = 'plan.error.endBeforeStart';
  const cap = v.capacity.trim();
  if (cap !== '' && !(/^\d+$/.test(cap) && Number(cap) >= 1 && Number(cap) <= 1000)) e.capacity = 'plan.error.capacity';
  if (v.audienceType === 'studio' && v.studioId === '') e.studioId = 'plan.error.studio';
  if (v.audienceType === 'people' && v.participantIds.length === 0) e.participantIds = 'plan.error.people';
  if (v.kind === 'recurring') {
    if (v.weekdays.length === 0) e.weekdays = 'plan.error.weekdays';
    if (!isDay(v.validFrom)) e.validFrom = 'form.error.invalidDay';
    if (v.validTo !== '' && !isDay(v.validTo)) e.validTo = 'form.error.invalidDay';
    else if (v.validTo !== '' && isDay(v.validFrom) && v.validTo < v.validFrom) e.validTo = 'plan.error.validToBeforeFrom';
  } else {
    if (!isDay(v.day)) e.day = 'form.error.invalidDay';
    if ((v.category === 'trip' || v.category === 'outing') && v.place.trim() === '') e.place = 'plan.error.place';
  }
  if (Object.keys(e).length > 0) return e;
  // The shared schema has the last word (lengths, ids): the same check as the write path's.
  const checked = validateRecord('activities', { ...activityFromForm(v, 'unit'), id: 'draft', organizationId: 'org', hlc: '0000000000000-0000-draft', changedBy: 'draft', deleted: false });
  if (!checked.ok) {
    for (const issue of checked.issues) {
      const field = issue.path.split('.')[0] as ActivityFormField;
      if (field in v && !e[field]) e[field] = SCHEMA_KEYS[issue.code] ?? 'form.error.invalid';
    }
  }
  return e;
}

/** A complete activity record for the draft check (the stored one's metadata when editing). */
export function draftActivity(fields: ActivityFields, id: string, existing: Activity | undefined): Activity {
  return { ...fields, id, organizationId: existing?.organizationId ?? 'draft', hlc: existing?.hlc ?? 'draft', changedBy: existing?.changedBy ?? 'draft', deleted: false } as Activity;
}
