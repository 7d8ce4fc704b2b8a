/** A list of roster rows (the expected people, or those added for the day). */
import type { AttendanceStatus } from '../../../../domain';
import type { ActionResult } from '../../../state';
import type { AttendanceRow } from '../../view/attendance-rows';
import { RosterRow } from './RosterRow';

export interface RosterListProps {
  rows: readonly AttendanceRow[];
  unitId: string;
  day: string;
  canMark: boolean;
  isToday: boolean;
  studios: ReadonlyMap<string, string>;
  onResult: (result: ActionResult, name: string, status: AttendanceStatus | null) => void;
}

export function RosterList({ rows, studios, ...rest }: RosterListProps) {
  return (
    <ul class="roster">
      {rows.map((row) => (
        <RosterRow key={row.participant.id} row={row} {...rest}
          studio={row.participant.studioId ? (studios.get(row.participant.studioId) ?? null) : null} />
      ))}
    </ul>
  );
}
