/** Reminders for today (certificates, IPR reviews, long absences, birthdays), each naming the person. */
import { useFormat, useT } from '../../../i18n';
import type { TodayOverview } from '../../../state';
import { Icon } from '../../components/Icon';
import { reminderText } from '../../view/reminder-text';

/** The "Przypomnienia" card. */
export function ReminderList({ reminders }: { reminders: TodayOverview['reminders'] }) {
  const t = useT();
  const f = useFormat();
  return (
    <section class="card" aria-labelledby="today-reminders">
      <h2 id="today-reminders" class="card__title">{t('today.reminders')}</h2>
      {reminders.length === 0 ? (
        <p class="muted">{t('today.remindersEmpty')}</p>
      ) : (
        <ul class="plain-list">
          {reminders.map((r) => {
            const text = reminderText(r, t, f);
            return (
              <li key={`${r.kind}:${r.participant.id}`} class={text.urgent ? 'plain-list__item reminder reminder--urgent' : 'plain-list__item reminder'}>
                <span class="plain-list__name">{text.name}</span>
                <span class="plain-list__meta">
                  {text.icon && <span class="reminder__icon"><Icon name={text.icon} /></span>}
                  {text.text}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
