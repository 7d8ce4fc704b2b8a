/**
 * Absence notice (zgłoszenie nieobecności): known in advance, it marks the person excused on those
 * days and removes them from the pickup list and the meal count.
 */
import * as v from 'valibot';
import { DaySchema, IdSchema } from '../primitives';
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
  }),
  v.check((n) => n.fromDay <= n.toDay, 'toBeforeFrom'),
);
export type AbsenceNotice = v.InferOutput<typeof AbsenceNoticeSchema>;
