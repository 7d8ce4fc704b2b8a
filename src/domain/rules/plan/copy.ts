/**
 * Copying plans: "copy this week" to another week, and "start a new term from a template". Both
 * return the records to write (without sync metadata, which the write path stamps), so the
 * planner shows what will change and the storage writes it in one transaction.
 *
 * - Copy a week: recurring classes already repeat every week, so what a week adds on top of them
 *   are its one-off activities (trips, outings, events, one-day extra classes). They are copied to
 *   the same weekday of the target week, with a new id; exceptions of single occurrences
 *   (cancelled, moved, substitutes) are facts of their own day and are not copied.
 * - New term: the recurring classes valid on the template day are copied with validity from the
 *   term's first day (to its last day, or open-ended); the old ones end the day before, so the
 *   two terms never overlap. A class that already ends before the new term is left as it is.
 */
import { addDays, diffDays, startOfWeek } from '../../calendar';
import type { Day } from '../../primitives';
import type { Activity } from '../../entities/activity';
import type { SyncMeta } from '../../entities/meta';

type OneOff = Extract<Activity, { kind: 'oneOff' }>;
type Recurring = Extract<Activity, { kind: 'recurring' }>;

/** An activity's own fields, without the sync metadata. */
export type ActivityFields = Activity extends infer A ? (A extends Activity ? Omit<A, keyof SyncMeta> : never) : never;

/** The fields of an activity, without its sync metadata. */
export function activityFields(a: Activity): ActivityFields {
  const { id: _id, organizationId: _o, hlc: _h, changedBy: _c, deleted: _d, ...fields } = a;
  return fields as ActivityFields;
}

/**
 * The one-off activities of the week of `fromWeek`, moved to the same weekdays of the week of
 * `toWeek` (both days may be any day of their week), in day and time order. Nothing when the two
 * weeks are the same.
 */
export function copyWeekOneOffs(activities: readonly Activity[], unitId: string, fromWeek: Day, toWeek: Day): ActivityFields[] {
  const from = startOfWeek(fromWeek);
  const shift = diffDays(from, startOfWeek(toWeek));
  if (shift === 0) return [];
  const end = addDays(from, 6);
  return activities
    .filter((a): a is OneOff => !a.deleted && a.unitId === unitId && a.kind === 'oneOff' && from <= a.day && a.day <= end)
    .sort((a, b) => a.day.localeCompare(b.day) || a.startTime.localeCompare(b.startTime) || a.id.localeCompare(b.id))
    .map((a) => ({ ...(activityFields(a) as Omit<OneOff, keyof SyncMeta>), day: addDays(a.day, shift) }));
}

/** What starting a new term changes: the old classes' new last day, and the new classes. */
export interface NewTerm {
  ended: { id: string; validTo: Day }[];
  created: ActivityFields[];
}

/**
 * A new term from `fromDay` (to `toDay`, or open-ended with null) with the recurring classes of
 * `unitId` valid on `templateDay` as its template.
 */
export function newTermFromTemplate(
  activities: readonly Activity[], unitId: string, templateDay: Day, fromDay: Day, toDay: Day | null,
): NewTerm {
  const template = activities.filter((a): a is Recurring => !a.deleted && a.unitId === unitId && a.kind === 'recurring'
    && a.validFrom <= templateDay && (a.validTo === null || templateDay <= a.validTo));
  const dayBefore = addDays(fromDay, -1);
  const ended = template
    .filter((a) => a.validTo === null || a.validTo >= fromDay)
    .map((a) => ({ id: a.id, validTo: dayBefore < a.validFrom ? a.validFrom : dayBefore }));
  const created = template.map((a) => ({ ...(activityFields(a) as Omit<Recurring, keyof SyncMeta>), validFrom: fromDay, validTo: toDay }));
  return { ended, created };
}
