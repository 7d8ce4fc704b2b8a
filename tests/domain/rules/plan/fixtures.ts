// Record builders for the planner tests, on top of the shared rule fixtures.
import { formatHlc } from '../../../../src/domain/hlc';
import type { Room } from '../../../../src/domain/entities/room';
import { sessionId, type Session } from '../../../../src/domain/entities/session';
import type { SessionOccurrence } from '../../../../src/domain/rules/plan';
import { meta } from '../fixtures';

export { meta, oneOff, person, recurring, unit } from '../fixtures';

/** A session exception of `activityId` planned on `day` (planned, no change, unless `over` says so). */
export function session(activityId: string, day: string, over: Partial<Session> = {}): Session {
  return {
    ...meta(sessionId(activityId, day)), activityId, unitId: 'unit-1', day, status: 'planned', movedTo: null,
    substituteStaffIds: null, topic: '', notes: '', ...over,
  };
}

/** A later HLC stamp than the fixtures' default, for "last writer wins" cases. */
export const laterHlc = formatHlc({ wall: 1_767_225_600_000 + 60_000, counter: 0, device: 'test' });

export function room(id: string, capacity: number | null, over: Partial<Room> = {}): Room {
  return { ...meta(id), unitId: 'unit-1', name: id, isStudio: false, capacity, ...over };
}

/** An occurrence as a short row: `activityId day start-end`, plus `(moved)` and the staff when asked. */
export const row = (o: SessionOccurrence): string => `${o.activityId} ${o.day} ${o.startTime}-${o.endTime}${o.status === 'moved' ? ' (moved)' : ''}`;
