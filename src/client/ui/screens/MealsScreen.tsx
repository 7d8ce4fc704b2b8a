/** Posiłki: today's meal count for the current unit, by diet, and the kitchen's order cut-off. */
import { useT } from '../../i18n';
import { useCurrentUnit, useToday, useTodayOverview } from '../../state';
import { NoUnitNotice } from '../components/NoUnitNotice';
import { QueryStatus } from '../components/QueryStatus';
import { ScreenHeader } from '../components/ScreenHeader';
import { MealsCard } from './meals/MealsCard';

/** The Meals screen. */
export function MealsScreen() {
  const t = useT();
  const today = useToday();
  const { unit, isLoading } = useCurrentUnit();
  const overview = useTodayOverview(unit?.servesMeals ? unit.id : null, today);
  return (
    <div class="screen">
      <ScreenHeader title={t('meals.title')}>
        {unit && <p class="screen__subtitle">{unit.name}</p>}
      </ScreenHeader>
      {!unit ? (
        <NoUnitNotice loading={isLoading} />
      ) : !unit.servesMeals ? (
        <p class="callout">{t('meals.notServed')}</p>
      ) : (
        <QueryStatus result={overview}>{(data) => <MealsCard overview={data} cutoffTime={unit.mealCutoffTime} />}</QueryStatus>
      )}
    </div>
  );
}
