/**
 * Today's attendance list as rows: each expected person with their day mark, or the absence
 * notice that covers the day, or nothing yet.
 */
import type { AbsenceNotice, DayMark, Participant } from '../../../domain';
import type { TodayOverview } from '../../state';

/** What the badge of a row says. */
export type RowStatus = 'present' | 'absent' | 'excused' | 'noticed' | 'none';

/** One line of the read-only attendance list. */
export interface AttendanceRow {
  participant: Participant;
  status: RowStatus;
  mark: DayMark | null;
  notice: AbsenceNotice | null;
}

/** Rows in the order of `overview.expected` (already Polish-sorted by the state layer). */
export function attendanceRows(overview: Pick<TodayOverview, 'expected' | 'marks' | 'notices'>): AttendanceRow[] {
  const marks = new Map(overview.marks.map((m) => [m.participantId, m]));
  const notices = new Map(overview.notices.map((n) => [n.participantId, n]));
  return overview.expected.map((participant) => {
    const mark = marks.get(participant.id) ?? null;
    const notice = notices.get(participant.id) ?? null;
    const status: RowStatus = mark ? mark.status : notice ? 'noticed' : 'none';
    return { participant, status, mark, notice };
  });
}
