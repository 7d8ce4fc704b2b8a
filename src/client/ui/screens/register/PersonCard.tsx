/** One person of the register: name (surname first) and status, studio, days, diet, transport, and the edit button. */
import type { Participant } from '../../../../domain';
import { useT } from '../../../i18n';
import { listName, weekdayShortKeys } from '../../view/people';

export interface PersonCardProps {
  person: Participant;
  /** The studio's name; `showStudio` is false in units without studios (a Senior+ home). */
  studio: string | undefined;
  showStudio: boolean;
  onEdit: () => void;
}

export function PersonCard({ person: p, studio, showStudio, onEdit }: PersonCardProps) {
  const t = useT();
  const days = weekdayShortKeys(p.attendanceWeekdays).map((k) => t(k)).join(' ');
  return (
    <li class="person">
      <p class="person__name">{listName(p)}{p.status !== 'active' && <span class="badge badge--none"> {t(`status.${p.status}`)}</span>}</p>
      <dl class="person__facts">
        {showStudio && <div><dt>{t('participants.studio')}</dt><dd>{studio ?? t('participants.noStudio')}</dd></div>}
        <div><dt>{t('participants.days')}</dt><dd>{days || t('participants.noDays')}</dd></div>
        <div><dt>{t('participants.diet')}</dt><dd>{t(`diet.${p.diet}`)}</dd></div>
        <div>
          <dt>{t('participants.transport')}</dt>
          <dd>{p.transport.needsTransport ? t('participants.needsTransport', { aid: t(`mobility.${p.transport.mobilityAid}`) }) : t('participants.ownWay')}</dd>
        </div>
      </dl>
      <button type="button" class="button button--secondary" aria-label={t('register.editFor', { name: listName(p) })} onClick={onEdit}>
        {t('register.edit')}
      </button>
    </li>
  );
}
