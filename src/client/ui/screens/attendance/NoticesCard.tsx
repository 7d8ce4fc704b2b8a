/** The absence notices covering the day, each removable (undo brings it back), and the form for a new one. */
import type { AbsenceNotice, Participant } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import { type ActionResult } from '../../../state';
import { deleteAbsenceNotice } from '../../../state/attendance';
import { fullName, indexById } from '../../view/people';
import { NoticeForm } from './NoticeForm';

export interface NoticesCardProps {
  unitId: string;
  day: string;
  notices: readonly AbsenceNotice[];
  people: readonly Participant[];
  onResult: (result: ActionResult, message: string) => void;
}

export function NoticesCard({ unitId, day, notices, people, onResult }: NoticesCardProps) {
  const t = useT();
  const f = useFormat();
  const byId = indexById(people);
  return (
    <section class="card" aria-labelledby="notices-title">
      <h2 id="notices-title" class="card__title">{t('attendance.notices')}</h2>
      {notices.length === 0 ? (
        <p class="muted">{t('attendance.noticesEmpty')}</p>
      ) : (
        <ul class="plain-list">
          {notices.map((n) => {
            const person = byId.get(n.participantId);
            const name = person ? fullName(person) : '—';
            return (
              <li key={n.id} class="plain-list__item">
                <div>
                  <strong>{name}</strong>
                  <p class="muted">
                    {t('attendance.noticeLine', { reason: t(`absenceReason.${n.reason}`), from: f.day(n.fromDay), to: f.day(n.toDay) })}
                    {n.reportedBy ? ` · ${t('attendance.noticeBy', { who: n.reportedBy })}` : ''}
                    {n.note ? ` · ${n.note}` : ''}
                  </p>
                </div>
                <button type="button" class="button button--secondary" aria-label={t('attendance.noticeDeleteFor', { name })}
                  onClick={() => void deleteAbsenceNotice(n.id).then((r) => onResult(r, t('attendance.noticeDelete')))}>
                  {t('attendance.noticeDelete')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <NoticeForm unitId={unitId} day={day} people={people} onResult={onResult} />
    </section>
  );
}
