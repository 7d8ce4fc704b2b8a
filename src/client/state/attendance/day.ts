/** The live attendance day of one unit: the Today overview plus session ticks, logs and added people. */
import { useEffect, useMemo } from 'preact/hooks';
import { suggestedPresent, type Participant, type Session, type SessionMark } from '../../../domain';
import { readAttendanceExtras, readDayData } from '../../storage/queries';
import { keepDayInMemory } from './marks';
import { useLiveQuery } from '../live-query';
import { runtime } from '../runtime';
import { buildTodayOverview } from '../today';
import type { QueryResult, TodayOverview } from '../types';

export interface AttendanceDay extends TodayOverview {
  /** Every participant of the unit (to add someone for the day). */
  participants: Participant[];
  /** People marked on the day who were not expected (added for the day), in Polish order. */
  added: Participant[];
  sessionMarks: SessionMark[];
  /** Session records of the day (studio logs, cancellations). */
  sessionLogs: Session[];
  /** Ticked at a session but without a day mark: suggested as present. */
  suggested: string[];
}

export function useAttendanceDay(unitId: string | null, day: string): QueryResult<AttendanceDay> {
  const db = runtime.db.value;
  // The day's marks in memory: a tap then costs one short transaction (state/attendance.ts).
  useEffect(() => {
    if (unitId && db) keepDayInMemory(unitId, day);
  }, [db, unitId, day]);
  const raw = useLiveQuery(
    unitId ? (db) => Promise.all([readDayData(db, unitId, day, 0), readAttendanceExtras(db, unitId, day)]) : null,
    [unitId, day],
  );
  return useMemo<QueryResult<AttendanceDay>>(() => {
    if (raw.data === undefined) return { data: undefined, isLoading: raw.isLoading, error: raw.error };
    const [data, extras] = raw.data;
    if (data === null) return { data: undefined, isLoading: false, error: { code: 'unknown' } };
    const overview = buildTodayOverview(data, day, false);
    const expectedIds = new Set(overview.expected.map((p) => p.id));
    const markedIds = new Set(overview.marks.map((m) => m.participantId));
    const added = data.participants.filter((p) => markedIds.has(p.id) && !expectedIds.has(p.id));
    return {
      data: {
        ...overview,
        participants: data.participants,
        added,
        sessionMarks: extras.sessionMarks,
        sessionLogs: extras.sessions,
        suggested: suggestedPresent(extras.sessionMarks, overview.marks, day),
      },
      isLoading: false,
      error: null,
    };
  }, [raw, day]);
}
