/** "Not at home" marks from the driver, on the coordinator's Today screen, each one tap from an absence. */
import type { Participant } from '../../../../domain';
import { useT } from '../../../i18n';
import { type TodayOverview } from '../../../state';
import { markDay } from '../../../state/attendance';
import { useNotHome } from '../../../state/transport';
import { fullName } from '../../view/people';

export function NotHomeList({ unitId, overview, people }: { unitId: string; overview: TodayOverview; people: ReadonlyMap<string, Participant> }) {
  const t = useT();
  const events = useNotHome(unitId, overview.day).data ?? [];
  if (events.length === 0) return null;
  const marked = new Set(overview.marks.map((m) => m.participantId));
  return (
    <section class="card" aria-labelledby="today-not-home">
      <h2 id="today-not-home" class="card__title">{t('today.notHome')}</h2>
      <ul class="plain-list">
        {events.map((e) => {
          const person = people.get(e.participantId);
          const name = person ? fullName(person) : '—';
          return (
            <li key={e.id} class="plain-list__item">
              <span>{t('today.notHomeLine', { name, time: e.time })}</span>
              {!marked.has(e.participantId) && (
                <button type="button" class="button button--secondary"
                  onClick={() => void markDay(unitId, overview.day, e.participantId, { status: 'absent', absenceReason: 'other', note: t('today.notHome') })}>
                  {t('today.notHomeToAbsence', { name })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
