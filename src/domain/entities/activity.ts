/** Activity (zajęcia): a weekly recurring class or a one-off trip, outing or event. */
import * as v from 'valibot';
import { DaySchema, IdSchema, NameSchema, TimeSchema, WeekdaySchema } from '../primitives';
import { syncMetaEntries } from './meta';

export const ACTIVITY_CATEGORIES = [
  'occupationalTherapy', 'rehabilitation', 'computerClass', 'musicTherapy', 'cooking', 'nordicWalking',
  'art', 'psychologicalSupport', 'education', 'trip', 'outing', 'event', 'other',
  /** Dementia prevention (profilaktyka otępienna), added by "Aktywni Seniorzy – ASY" (M.P. 2025 poz. 1255). */
  'dementiaPrevention',
] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];

export const AudienceSchema = v.variant('type', [
  v.object({ type: v.literal('unit') }),
  v.object({ type: v.literal('studio'), studioId: IdSchema }),
  v.object({ type: v.literal('people'), participantIds: v.array(IdSchema) }),
]);
export type Audience = v.InferOutput<typeof AudienceSchema>;

const common = {
  ...syncMetaEntries,
  unitId: IdSchema,
  title: NameSchema,
  category: v.picklist(ACTIVITY_CATEGORIES),
  roomId: v.nullable(IdSchema),
  staffIds: v.array(IdSchema),
  audience: AudienceSchema,
  capacity: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
  startTime: TimeSchema,
  endTime: TimeSchema,
};

export const RecurringActivitySchema = v.object({
  ...common,
  kind: v.literal('recurring'),
  weekdays: v.pipe(v.array(WeekdaySchema), v.minLength(1, 'required')),
  validFrom: DaySchema,
  validTo: v.nullable(DaySchema),
});

export const OneOffActivitySchema = v.object({
  ...common,
  kind: v.literal('oneOff'),
  day: DaySchema,
  /** A place outside the centre (trip, outing), empty when at the centre. */
  place: v.pipe(v.string(), v.maxLength(200)),
  needsBus: v.boolean(),
});

export const ActivitySchema = v.pipe(
  v.variant('kind', [RecurringActivitySchema, OneOffActivitySchema]),
  v.check((a) => a.startTime < a.endTime, 'endBeforeStart'),
  v.check((a) => a.kind !== 'recurring' || a.validTo === null || a.validFrom <= a.validTo, 'validToBeforeFrom'),
);
export type Activity = v.InferOutput<typeof ActivitySchema>;
