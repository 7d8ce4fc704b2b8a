/**
 * Contradictions between what the driver marked at a stop and the day's attendance mark (issue 13):
 * the driver found nobody at home (or the run was cancelled by phone) while the day mark says
 * present, or the driver picked the person up (or dropped them off) while the mark says absent or
 * excused. Neither source is trusted over the other: the pair is shown as something to decide,
 * with both sources and their times. Deciding either changes the mark (then the two agree) or
 * keeps it, recording the stamp of the driver's mark it was kept against (`keptAgainst`); a later
 * driver's mark carries a new stamp and raises the question again. Pure: the day is a parameter.
 */
import type { Day } from '../primitives';
import type { DayMark } from '../entities/attendance';
import type { TransportEvent, TransportEventKind } from '../entities/transport-event';

/** `driverAway`: the driver says the person did not travel, the mark says present; `driverCame`: the reverse. */
export type ContradictionKind = 'driverAway' | 'driverCame';

export interface MarkContradiction {
  kind: ContradictionKind;
  participantId: string;
  day: Day;
  mark: DayMark;
  event: TransportEvent;
}

const AWAY: readonly TransportEventKind[] = ['notHome', 'cancelled'];
const CAME: readonly TransportEventKind[] = ['pickedUp', 'droppedOff'];

/** The kind of contradiction between one mark and one driver's mark, or null when they agree. */
export function contradictionOf(mark: Pick<DayMark, 'status'>, event: Pick<TransportEvent, 'kind'>): ContradictionKind | null {
  if (mark.status === 'present' && AWAY.includes(event.kind)) return 'driverAway';
  if (mark.status !== 'present' && CAME.includes(event.kind)) return 'driverCame';
  return null;
}

/**
 * The undecided contradictions of `day`, one per mark and driver's mark (a person on two runs can
 * have two), ordered by the driver's time. Deleted records and other days are ignored.
 */
export function markContradictions(marks: readonly DayMark[], events: readonly TransportEvent[], day: Day): MarkContradiction[] {
  const markOf = new Map<string, DayMark>();
  for (const m of marks) if (!m.deleted && m.day === day) markOf.set(m.participantId, m);
  const out: MarkContradiction[] = [];
  for (const event of events) {
    if (event.deleted || event.day !== day) continue;
    const mark = markOf.get(event.participantId);
    if (!mark || mark.keptAgainst === event.hlc) continue;
    const kind = contradictionOf(mark, event);
    if (kind) out.push({ kind, participantId: event.participantId, day, mark, event });
  }
  return out.sort((a, b) => (a.event.time < b.event.time ? -1 : a.event.time > b.event.time ? 1 : a.event.id < b.event.id ? -1 : 1));
}
