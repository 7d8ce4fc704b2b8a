/**
 * The planner's sentences: each conflict as one line a coordinator understands without colour
 * ("Sala spotkań zajęta jednocześnie: Zebranie i Trening"), its short badge, hours as "6 h 30 min",
 * and the words for categories and audiences.
 */
import type { Activity, ActivityCategory, PlanConflict, PlanConflictKind, Room, StaffMember, Participant } from '../../../../domain';
import type { TextKey, Translate } from '../../../i18n';
import { activityIdOf } from './week-model';

/** What the sentences need to name things. */
export interface Names {
  activities: ReadonlyMap<string, Pick<Activity, 'title'>>;
  rooms: ReadonlyMap<string, Pick<Room, 'name'>>;
  staff: ReadonlyMap<string, Pick<StaffMember, 'firstName' | 'lastName'>>;
  participants: ReadonlyMap<string, Pick<Participant, 'firstName' | 'lastName'>>;
  /** The unit's hours by weekday, for "outside opening hours". */
  unitName: string;
}

const personName = (p: { firstName: string; lastName: string } | undefined) => (p ? `${p.firstName} ${p.lastName}` : '—');

/** "6 h 30 min", "7 h", "0 h". */
export function hoursText(t: Translate, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? t('plan.hours.h', { h }) : t('plan.hours.hm', { h, m });
}

/** The short badge of a conflict kind (text, so the warning never relies on colour alone). */
export function conflictBadgeKey(kind: PlanConflictKind): TextKey {
  return `plan.badge.${kind}`;
}

/** One sentence for a conflict. */
export function conflictText(t: Translate, c: PlanConflict, names: Names): string {
  const titles = c.occurrenceIds.map((id) => names.activities.get(activityIdOf(id))?.title ?? '—');
  const [a = '—', b = a] = titles;
  switch (c.kind) {
    case 'roomDoubleBooked':
      return t('plan.conflict.roomDoubleBooked', { room: names.rooms.get(c.subjectId)?.name ?? '—', a, b });
    case 'staffDoubleBooked':
      return t('plan.conflict.staffDoubleBooked', { name: personName(names.staff.get(c.subjectId)), a, b });
    case 'participantOverlap':
      return t('plan.conflict.participantOverlap', { name: personName(names.participants.get(c.subjectId)), a, b });
    case 'overCapacity':
      return t('plan.conflict.overCapacity', { count: c.count ?? 0, limit: c.limit ?? 0, title: a });
    case 'staffRatio':
      return t('plan.conflict.staffRatio', { count: c.count ?? 0, staff: t('plan.count.staff', { count: (c.limit ?? 0) / 5 }), title: a });
    case 'outsideOpeningHours':
      return t('plan.conflict.outsideOpeningHours', { title: a });
    case 'unitClosed':
      return t('plan.conflict.unitClosed', { title: a });
  }
}

/** A warning as the lists show it: one line for every participant of the same double booking. */
export interface ConflictLine {
  conflict: PlanConflict;
  text: string;
  /** The same warning on another date has the same key (a weekly clash), for "and 3 more dates". */
  key: string;
}

const activitiesKey = (c: PlanConflict) => c.occurrenceIds.map(activityIdOf).join(' ');

/**
 * The conflicts as lines: participant overlaps of the same two occurrences become one line with the
 * number of people ("12 uczestników ma w tym samym czasie…"); every other conflict is its own line.
 */
export function conflictLines(t: Translate, conflicts: readonly PlanConflict[], names: Names): ConflictLine[] {
  const overlaps = new Map<string, PlanConflict[]>();
  const out: (ConflictLine | string)[] = [];
  for (const c of conflicts) {
    if (c.kind !== 'participantOverlap') {
      out.push({ conflict: c, text: conflictText(t, c, names), key: `${c.kind}|${c.subjectId}|${activitiesKey(c)}` });
      continue;
    }
    const key = `${c.day}|${c.occurrenceIds.join(' ')}`;
    const group = overlaps.get(key);
    if (group) group.push(c);
    else {
      overlaps.set(key, [c]);
      out.push(key);
    }
  }
  return out.map((item) => {
    if (typeof item !== 'string') return item;
    const group = overlaps.get(item)!;
    const first = group[0]!;
    if (group.length === 1) return { conflict: first, text: conflictText(t, first, names), key: `${first.kind}|${first.subjectId}|${activitiesKey(first)}` };
    const [a = '—', b = a] = first.occurrenceIds.map((id) => names.activities.get(activityIdOf(id))?.title ?? '—');
    return { conflict: first, text: t('plan.conflict.participantsOverlap', { count: group.length, a, b }), key: `${first.kind}|group|${activitiesKey(first)}` };
  });
}

export function categoryKey(category: ActivityCategory): TextKey {
  return `plan.category.${category}`;
}

/** The look-up maps of a week's records. */
export function namesOf(week: { activities: readonly Activity[]; rooms: readonly Room[]; staff: readonly StaffMember[]; participants: readonly Participant[]; unit: { name: string } }, extra?: Activity): Names {
  const activities = new Map<string, Pick<Activity, 'title'>>(week.activities.map((a) => [a.id, a]));
  if (extra) activities.set(extra.id, extra);
  return {
    activities,
    rooms: new Map(week.rooms.map((r) => [r.id, r])),
    staff: new Map(week.staff.map((s) => [s.id, s])),
    participants: new Map(week.participants.map((p) => [p.id, p])),
    unitName: week.unit.name,
  };
}

/** "Anna Nowak, Jan Kos" for staff ids (unknown ids skipped). */
export function staffNames(ids: readonly string[], names: Names): string {
  return ids.map((id) => names.staff.get(id)).filter((s) => s !== undefined).map((s) => `${s.firstName} ${s.lastName}`).join(', ');
}
