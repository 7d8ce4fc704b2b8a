/** Unit (placówka): a centre with its own participants, hours, seats and services. */
import * as v from 'valibot';
import { DaySchema, NameSchema, TimeSchema, WeekdaySchema } from '../primitives';
import { syncMetaEntries } from './meta';

/**
 * `seniorPlus`: a "Senior+" day home (programme 2021–2025, ended on 31 December 2025; such units keep
 * working). `activeSeniorHome` / `activeSeniorClub`: "Dzienny Dom Aktywny Senior" and "Klub Aktywny
 * Senior" funded from 2026 by "Aktywni Seniorzy – ASY" (M.P. 2025 poz. 1255); see rules/kinds/senior.ts.
 */
export const UNIT_KINDS = [
  'wtz', 'seniorPlus', 'activeSeniorHome', 'activeSeniorClub', 'dayHome', 'selfHelpHome', 'childrenDayRoom', 'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const OpeningHoursSchema = v.pipe(
  v.object({ weekday: WeekdaySchema, open: TimeSchema, close: TimeSchema }),
  v.check((h) => h.open < h.close, 'closeBeforeOpen'),
);
export type OpeningHours = v.InferOutput<typeof OpeningHoursSchema>;

export const ClosedDaySchema = v.object({ day: DaySchema, reason: v.pipe(v.string(), v.maxLength(200)) });
export type ClosedDay = v.InferOutput<typeof ClosedDaySchema>;

/** WTZ regulation (Dz.U. 2021 poz. 2284 § 8): at most 7 hours a day. */
export const WTZ_MAX_DAILY_HOURS = 7;

export const UnitSchema = v.object({
  ...syncMetaEntries,
  name: NameSchema,
  kind: v.picklist(UNIT_KINDS),
  address: v.pipe(v.string(), v.maxLength(200)),
  /** Opening hours, at most one entry per weekday; a weekday without an entry is closed. */
  openingHours: v.pipe(
    v.array(OpeningHoursSchema),
    v.check((hs) => new Set(hs.map((h) => h.weekday)).size === hs.length, 'duplicateWeekday'),
  ),
  seats: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000)),
  servesMeals: v.boolean(),
  runsTransport: v.boolean(),
  /** Planned hours of classes per participant per day (WTZ: 7 by default, never more). */
  dailyHoursTarget: v.pipe(v.number(), v.minValue(0), v.maxValue(24)),
  /** Days the unit is closed besides public holidays (a bridge day, a staff training). */
  closedDays: v.array(ClosedDaySchema),
  /** Working days in a row of absence that raise a reminder on the Today screen. */
  absenceStreakAlertDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(365)),
  /** The unit's own rules: working days of absence after which a participant may be struck off (null: no rule). */
  absenceLimitDays: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(365))),
  /** The kitchen's order cut-off for today's meals. */
  mealCutoffTime: v.nullable(TimeSchema),
});
export type Unit = v.InferOutput<typeof UnitSchema>;
