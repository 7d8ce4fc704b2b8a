/** Today's classes in time order: time, title, room and who leads them. */
import { useT } from '../../../i18n';
import type { TodayOverview } from '../../../state';

/** The "Zajęcia dzisiaj" card. */
export function SessionList({ sessions }: { sessions: TodayOverview['sessions'] }) {
  const t = useT();
  return (
    <section class="card" aria-labelledby="today-sessions">
      <h2 id="today-sessions" class="card__title">{t('today.sessions')}</h2>
      {sessions.length === 0 ? (
        <p class="muted">{t('today.sessionsEmpty')}</p>
      ) : (
        <ul class="timeline">
          {sessions.map((s) => (
            <li key={s.activity.id} class="timeline__item">
              <span class="timeline__time">{t('common.timeRange', { start: s.startTime, end: s.endTime })}</span>
              <span class="timeline__body">
                <span class="timeline__title">{s.activity.title}</span>
                {s.roomName && <span class="timeline__meta">{t('today.room', { room: s.roomName })}</span>}
                {s.staffNames.length > 0 && <span class="timeline__meta">{t('today.staff', { names: s.staffNames.join(', ') })}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
