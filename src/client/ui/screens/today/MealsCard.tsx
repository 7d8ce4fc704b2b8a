/** Today's meal count, on units that serve meals. */
import { useT } from '../../../i18n';

/** The "Posiłki" card: "Dziś do wydania: 23 posiłki". */
export function MealsCard({ meals }: { meals: number }) {
  const t = useT();
  return (
    <section class="card" aria-labelledby="today-meals">
      <h2 id="today-meals" class="card__title">{t('today.meals')}</h2>
      <p class="card__lead">{t('today.mealsCount', { meals: t('count.meals', { count: meals }) })}</p>
    </section>
  );
}
