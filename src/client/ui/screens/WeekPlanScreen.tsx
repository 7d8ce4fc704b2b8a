/** Plan tygodnia: the unit's recurring classes by weekday (Monday first) and upcoming one-off events. */
import { useMemo } from 'preact/hooks';
import { useFormat, useT } from '../../i18n';
import { useActivities, useCurrentUnit, useRooms, useToday } from '../../state';
import { NoUnitNotice } from '../components/NoUnitNotice';
import { QueryStatus } from '../components/QueryStatus';
import { ScreenHeader } from '../components/ScreenHeader';
import { indexById, weekdayLongKey } from '../view/people';
import { buildWeekPlan } from '../view/week-plan';
import { PlanEntry } from './plan/PlanEntry';

/** The Weekly plan screen. */
export function WeekPlanScreen() {
  const t = useT();
  const f = useFormat();
  const today = useToday();
  const { unit, isLoading } = useCurrentUnit();
  const activities = useActivities(unit?.id ?? null);
  const rooms = useRooms(unit?.id ?? null);
  const roomsById = useMemo(() => indexById(rooms.data), [rooms.data]);
  const plan = useMemo(() => (activities.data ? buildWeekPlan(activities.data, today) : null), [activities.data, today]);
  return (
    <div class="screen">
      <ScreenHeader title={t('plan.title')}>
        {unit && <p class="screen__subtitle">{unit.name}</p>}
      </ScreenHeader>
      {!unit ? (
        <NoUnitNotice loading={isLoading} />
      ) : (
        <QueryStatus result={activities}>
          {(list) => list.length === 0 || !plan ? <p class="callout">{t('plan.empty')}</p> : (
            <>
              <div class="week">
                {plan.days.map((day) => (
                  <section key={day.weekday} class="card week__day" aria-labelledby={`plan-day-${day.weekday}`}>
                    <h2 id={`plan-day-${day.weekday}`} class="card__title">{t(weekdayLongKey(day.weekday))}</h2>
                    {day.activities.length === 0 ? <p class="muted">{t('plan.dayEmpty')}</p> : (
                      <ul class="timeline">
                        {day.activities.map((a) => <PlanEntry key={a.id} activity={a} roomName={a.roomId ? roomsById.get(a.roomId)?.name : undefined} today={today} />)}
                      </ul>
                    )}
                  </section>
                ))}
              </div>
              {plan.oneOffs.length > 0 && (
                <section class="card" aria-labelledby="plan-one-off">
                  <h2 id="plan-one-off" class="card__title">{t('plan.oneOff')}</h2>
                  <ul class="timeline">
                    {plan.oneOffs.map((a) => (
                      <PlanEntry key={a.id} activity={a} roomName={a.roomId ? roomsById.get(a.roomId)?.name : undefined} today={today} dayLabel={f.day(a.day)} />
                    ))}
                  </ul>
                </section>
              )}
            </>
          )}
        </QueryStatus>
      )}
    </div>
  );
}
