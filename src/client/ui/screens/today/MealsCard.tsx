/** Today's meal count, on units that serve meals, with the order flagged when late or missing after the cut-off (issue 13). */
import { orderState } from '../../../../domain';
import { useT } from '../../../i18n';
import { currentTime, useToday, type TodayOverview } from '../../../state';

/** The "Posiłki" card: "Dziś do wydania: 23 posiłki", and "sent late" / "not sent" once the cut-off has passed. */
export function MealsCard({ meals, overview }: { meals: number; overview: Pick<TodayOverview, 'day' | 'mealOrder' | 'mealCutoffTime'> }) {
  const t = useT();
  const today = useToday();
  const cutoff = overview.mealCutoffTime;
  const state = orderState(overview.mealOrder, overview.day, cutoff, today, currentTime());
  const flag = cutoff === null ? null
    : state.kind === 'sent' ? (state.late ? t('meals.orderLate', { time: cutoff }) : null)
      : state.overdue ? t('meals.orderMissing', { time: cutoff }) : null;
  return (
    <section class="card" aria-labelledby="today-meals">
      <h2 id="today-meals" class="card__title">{t('today.meals')}</h2>
      <p class="card__lead">{t('today.mealsCount', { meals: t('count.meals', { count: meals }) })}</p>
      {flag && <p class="callout callout--warning" role="status">{flag}</p>}
    </section>
  );
}
