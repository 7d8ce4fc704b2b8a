/** A list of roster rows (the expected people, or those added for the day). */
import { Component } from 'preact';
import { useRef } from 'preact/hooks';
import type { AttendanceStatus } from '../../../../domain';
import type { ActionResult } from '../../../state';
import type { ShownContradiction } from '../../../state/transport';
import type { AttendanceRow } from '../../view/attendance-rows';
import { RosterRow, type RosterRowProps } from './RosterRow';

/**
 * Whether a row shows the same thing: live queries hand out fresh objects on every change, so
 * rows compare by id and HLC stamp (a record's stamp changes with every edit). A tick then
 * re-renders its own row, not the 299 others.
 */
function sameRow(a: RosterRowProps, b: RosterRowProps): boolean {
  const stamp = (r: { id: string; hlc: string } | null) => (r ? `${r.id}@${r.hlc}` : '');
  return stamp(a.row.participant) === stamp(b.row.participant) && a.row.status === b.row.status
    && stamp(a.row.mark) === stamp(b.row.mark) && stamp(a.row.notice) === stamp(b.row.notice)
    && stamp(a.conflict?.event ?? null) === stamp(b.conflict?.event ?? null) && a.conflict?.markedAt === b.conflict?.markedAt
    && a.studio === b.studio && a.canMark === b.canMark && a.isToday === b.isToday && a.day === b.day && a.unitId === b.unitId;
}

/** RosterRow that skips re-rendering when its row shows the same thing (preact/compat's memo would patch events app-wide). */
class Row extends Component<RosterRowProps> {
  override shouldComponentUpdate(next: RosterRowProps): boolean {
    return !sameRow(this.props, next);
  }

  override render() {
    return <RosterRow {...this.props} />;
  }
}

export interface RosterListProps {
  rows: readonly AttendanceRow[];
  unitId: string;
  day: string;
  canMark: boolean;
  isToday: boolean;
  studios: ReadonlyMap<string, string>;
  /** The undecided contradiction of each person with the driver's mark (issue 13). */
  conflicts: ReadonlyMap<string, ShownContradiction>;
  onResult: (result: ActionResult, name: string, status: AttendanceStatus | null) => void;
}

export function RosterList({ rows, studios, conflicts, onResult, ...rest }: RosterListProps) {
  // One stable callback for every row (memoised rows keep the first one they got).
  const latest = useRef(onResult);
  latest.current = onResult;
  const stable = useRef<RosterListProps['onResult']>((...args) => latest.current(...args));
  return (
    <ul class="roster">
      {rows.map((row) => (
        <Row key={row.participant.id} row={row} {...rest} onResult={stable.current} conflict={conflicts.get(row.participant.id) ?? null}
          studio={row.participant.studioId ? (studios.get(row.participant.studioId) ?? null) : null} />
      ))}
    </ul>
  );
}
