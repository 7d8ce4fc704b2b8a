/** Today's meals for the kitchen: the total and the count of each diet (diets nobody needs are left out). */
import { useMemo } from 'preact/hooks';
import { DIETS, mealCountsByDiet } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import type { TodayOverview } from '../../../state';

export interface MealsCardProps {
  overview: TodayOverview;
  cutoffTime: string | null;
}

/** The big number and the diet list. */
export function MealsCard({ overview, cutoffTime }: MealsCardProps) {
  const t = useT();
  const f = useFormat();
  const byDiet = useMemo(
    () => mealCountsByDiet(overview.expected, overview.marks, overview.notices, overview.day),
    [overview],
  );
  const diets = DIETS.filter((d) => byDiet[d] > 0);
  return (
    <section class="card meals" aria-labelledby="meals-today">
      <h2 id="meals-today" class="card__title">{t('meals.today')} · {f.day(overview.day)}</h2>
      <p class="big-number">{t('count.meals', { count: overview.mealsToday ?? 0 })}</p>
      <p class="muted">{t('meals.explain')}</p>
      {diets.length > 0 && (
        <>
          <h3 class="meals__diets-title">{t('meals.byDiet')}</h3>
          <ul class="diet-list">
            {diets.map((d) => (
              <li key={d} class="diet-list__item">
                <span>{t(`diet.${d}`)}</span>
                <span class="diet-list__count">{f.number(byDiet[d])}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {cutoffTime && <p class="meals__cutoff">{t('meals.cutoff', { time: cutoffTime })}</p>}
    </section>
  );
}
