/** Posiłki: a day's lunches for the unit (today by default, tomorrow for planning), by diet, the order and the cut-off. */
import { useState } from 'preact/hooks';
import { mayWrite } from '../../../../domain';
import { useT } from '../../../i18n';
import { useCurrentUnit, useLocalSession, useToday } from '../../../state';
import { useKitchenDay, useMealsDay } from '../../../state/meals';
import { NoUnitNotice } from '../../components/NoUnitNotice';
import { QueryStatus } from '../../components/QueryStatus';
import { ScreenHeader } from '../../components/ScreenHeader';
import { DayPicker } from '../attendance/DayPicker';
import { KitchenDayCard } from './KitchenDayCard';
import { MealMonthCard } from './MealMonthCard';
import { MealsDayCard } from './MealsDayCard';

/** Roles that settle the month (the fees): the per-participant summary is theirs, never the kitchen's. */
const SETTLERS = ['administrator', 'coordinator'];

export function MealsScreen() {
  const t = useT();
  const today = useToday();
  const { unit, isLoading } = useCurrentUnit();
  const session = useLocalSession().data;
  const roles = session?.roles ?? [];
  const [chosenDay, setChosenDay] = useState<string | null>(null);
  const day = chosenDay ?? today;
  const canSettle = roles.some((r) => SETTLERS.includes(r));
  const [view, setView] = useState<'day' | 'month'>('day');
  const monthView = canSettle && view === 'month';
  const meals = useMealsDay(unit?.servesMeals && !monthView ? unit.id : null, day);
  // The kitchen cooks for all its units: one total with a row per unit (issue 13).
  const isKitchen = roles.includes('kitchen');
  const kitchen = useKitchenDay(isKitchen && !monthView ? (session?.unitIds ?? []) : [], day);
  return (
    <div class="screen screen--meals">
      <ScreenHeader title={t('meals.title')}>
        {unit && <p class="screen__subtitle">{unit.name}</p>}
      </ScreenHeader>
      {!unit ? (
        <NoUnitNotice loading={isLoading} />
      ) : !unit.servesMeals ? (
        <p class="callout">{t('meals.notServed')}</p>
      ) : (
        <>
          {canSettle && (
            <div class="view-switch no-print" role="group" aria-label={t('meals.views')}>
              <button type="button" class="button button--secondary" aria-pressed={view === 'day'} onClick={() => setView('day')}>{t('meals.dayView')}</button>
              <button type="button" class="button button--secondary" aria-pressed={view === 'month'} onClick={() => setView('month')}>{t('meals.monthView')}</button>
            </div>
          )}
          {monthView ? <MealMonthCard unit={unit} today={today} /> : (
            <>
              <DayPicker day={day} today={today} onChange={(d) => setChosenDay(d === today ? null : d)} />
              {isKitchen && kitchen.data && kitchen.data.rows.length > 0 && <KitchenDayCard day={day} kitchen={kitchen.data} />}
              <QueryStatus result={meals}>
                {(data) => <MealsDayCard unitId={unit.id} meals={data} today={today} cutoffTime={unit.mealCutoffTime} canSend={mayWrite(roles, 'mealOrders')} />}
              </QueryStatus>
            </>
          )}
        </>
      )}
    </div>
  );
}
