/**
 * Absence notice (zgłoszenie nieobecności): known in advance, it marks the person excused on those
 * days and removes them from the pickup list and the meal count.
 */
import * as v from 'valibot';
import { DaySchema, IdSchema, TimeSchema } from '../primitives';
import { ABSENCE_REASONS } from './attendance';
import { syncMetaEntries } from './meta';

export const AbsenceNoticeSchema = v.pipe(
  v.object({
    ...syncMetaEntries,
    participantId: IdSchema,
    unitId: IdSchema,
    fromDay: DaySchema,
    toDay: DaySchema,
    reason: v.picklist(ABSENCE_REASONS),
    note: v.pipe(v.string(), v.maxLength(500)),
    /** Who called: "córka", "uczestnik", "szpital". */
    reportedBy: v.pipe(v.string(), v.maxLength(100)),
    reportedOn: DaySchema,
    /**
     * When on `reportedOn` the notice came in (HH:mm), to tell a notice before the kitchen's cut-off
     * from a late one. Optional: older devices and older records do not have it.
     */
    reportedAt: v.optional(v.nullable(TimeSchema)),
  }),
  v.check((n) => n.fromDay <= n.toDay, 'toBeforeFrom'),
);
export type AbsenceNotice = v.InferOutput<typeof AbsenceNoticeSchema>;
