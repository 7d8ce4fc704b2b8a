/**
 * One person on the attendance list: initials, name, studio, notice, times, the mark badge, a
 * large "present" toggle (one tap) and "more" for absent / excused / times / note.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AttendanceStatus } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import { type ActionResult } from '../../../state';
import type { ShownContradiction } from '../../../state/transport';
import { markDay, clearDayMark } from '../../../state/attendance';
import { Icon } from '../../components/Icon';
import { MarkBadge } from '../../components/MarkBadge';
import type { AttendanceRow, RowStatus } from '../../view/attendance-rows';
import { initials } from '../../view/attendance-day';
import { fullName, listName } from '../../view/people';
import { ContradictionItem } from '../today/ContradictionItem';
import { MarkPanel } from './MarkPanel';

export interface RosterRowProps {
  row: AttendanceRow;
  unitId: string;
  day: string;
  studio: string | null;
  canMark: boolean;
  isToday: boolean;
  /** The driver marked otherwise (issue 13): shown under the row to decide. */
  conflict: ShownContradiction | null;
  onResult: (result: ActionResult, name: string, status: AttendanceStatus | null) => void;
}

export function RosterRow({ row, unitId, day, studio, canMark, isToday, conflict, onResult }: RosterRowProps) {
  const t = useT();
  const f = useFormat();
  const [open, setOpen] = useState(false);
  // A tap in flight ignores a second tap. A ref, not state: changing what the row looks like
  // before the tick is committed makes the browser render a frame first, which delays the commit
  // by most of a frame (issue 3's bench: about 7 ms of a 9 ms tap).
  const busy = useRef(false);
  // Once the tick is committed the row shows it at once; the live list catches up a moment later.
  const [committed, setCommitted] = useState<RowStatus | null>(null);
  useEffect(() => setCommitted(null), [row.status, row.mark?.hlc]);
  const { participant: p, mark, notice } = row;
  const name = fullName(p);
  const status = committed ?? row.status;
  const present = status === 'present';
  const panelId = `mark-${p.id}`;

  const toggle = async () => {
    if (busy.current) return;
    busy.current = true;
    const result = present ? await clearDayMark(day, p.id) : await markDay(unitId, day, p.id, { status: 'present' });
    busy.current = false;
    if (result.ok) setCommitted(present ? (notice ? 'noticed' : 'none') : 'present');
    onResult(result, name, present ? null : 'present');
  };

  return (
    <li class={`roster__item roster__item--${status}${conflict ? ' roster__item--conflict' : ''}`}>
      <div class="roster__main">
        <span class="avatar" aria-hidden="true">{initials(p)}</span>
        <div class="roster__text">
          <span class="roster__name">{listName(p)}</span>
          <span class="roster__meta">
            {[
              studio ? t('attendance.studioOf', { name: studio }) : null,
              mark?.arrivalTime ? t('attendance.arrival', { time: mark.arrivalTime }) : null,
              mark?.leaveTime ? t('attendance.leave', { time: mark.leaveTime }) : null,
              mark && mark.status !== 'present' && mark.absenceReason ? t(`absenceReason.${mark.absenceReason}`) : null,
              notice && !mark ? t('attendance.noticeInfo', { reason: t(`absenceReason.${notice.reason}`), from: f.day(notice.fromDay), to: f.day(notice.toDay) }) : null,
              mark?.note || null,
            ].filter(Boolean).join(' · ')}
          </span>
        </div>
        <MarkBadge status={status} />
        {canMark && (
          <div class="roster__actions">
            <button type="button" class={`button button--mark${present ? ' button--mark-on' : ''}`} aria-pressed={present}
              aria-label={t('attendance.markPresentFor', { name })} onClick={() => void toggle()}>
              <Icon name="check" /> <span aria-hidden="true">{t('attendance.markPresent')}</span>
            </button>
            <button type="button" class="button button--secondary roster__more" aria-expanded={open} aria-controls={open ? panelId : undefined}
              aria-label={t('attendance.moreFor', { name })} onClick={() => setOpen(!open)}>
              <Icon name="more" /><span class="visually-hidden">{t('attendance.more')}</span>
            </button>
          </div>
        )}
      </div>
      {conflict && <ContradictionItem c={conflict} unitId={unitId} name={name} canDecide={canMark} />}
      {open && canMark && (
        <MarkPanel id={panelId} unitId={unitId} day={day} participantId={p.id} mark={mark} isToday={isToday}
          onClose={() => setOpen(false)}
          onDone={(result, status) => {
            onResult(result, name, status);
            if (result.ok) setOpen(false);
          }} />
      )}
    </li>
  );
}
