/** Absence notices covering today: who, why, until when and who reported it. */
import type { Participant } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import type { TodayOverview } from '../../../state';
import { fullName } from '../../view/people';

export interface NoticeListProps {
  notices: TodayOverview['notices'];
  people: ReadonlyMap<string, Participant>;
}

/** The "Zgłoszone nieobecności" card. */
export function NoticeList({ notices, people }: NoticeListProps) {
  const t = useT();
  const f = useFormat();
  return (
    <section class="card" aria-labelledby="today-notices">
      <h2 id="today-notices" class="card__title">{t('today.notices')}</h2>
      {notices.length === 0 ? (
        <p class="muted">{t('today.noticesEmpty')}</p>
      ) : (
        <ul class="plain-list">
          {notices.map((n) => {
            const person = people.get(n.participantId);
            return (
              <li key={n.id} class="plain-list__item">
                <span class="plain-list__name">{person ? fullName(person) : t('today.unknownPerson')}</span>
                <span class="plain-list__meta">
                  {t('today.noticeUntil', { reason: t(`absenceReason.${n.reason}`), date: f.day(n.toDay) })}
                  {n.reportedBy.trim() !== '' && <> · {t('today.noticeReportedBy', { who: n.reportedBy })}</>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
