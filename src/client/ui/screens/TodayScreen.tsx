/**
 * Dziś: the main screen. Today's date in long Polish form, the current unit, whether it is open,
 * the attendance counts, today's classes, reminders, absence notices and meals.
 */
import { useMemo } from 'preact/hooks';
import { useFormat, useT } from '../../i18n';
import { useCurrentUnit, useParticipants, useToday, useTodayOverview } from '../../state';
import { QueryStatus } from '../components/QueryStatus';
import { indexById } from '../view/people';
import { TodayContent } from './today/TodayContent';

/** The Today screen of the current unit. */
export function TodayScreen() {
  const t = useT();
  const f = useFormat();
  const today = useToday();
  const { unit, isLoading } = useCurrentUnit();
  const unitId = unit?.id ?? null;
  const overview = useTodayOverview(unitId, today);
  const participants = useParticipants(unitId);
  const people = useMemo(() => indexById(participants.data), [participants.data]);
  return (
    <div class="screen today">
      <div class="screen__header">
        <p class="screen__eyebrow">{t('today.title')}</p>
        <h1 class="screen__title screen__title--date">{f.longDay(today)}</h1>
        {unit && <p class="screen__subtitle">{t('today.unit', { name: unit.name })}</p>}
      </div>
      {!unit ? (
        isLoading ? <p class="loading" role="status">{t('common.loading')}</p> : <p class="callout">{t('common.noUnit')}</p>
      ) : (
        <>
          {participants.data?.length === 0 && <p class="callout">{t('today.noParticipants')}</p>}
          <QueryStatus result={overview}>{(data) => <TodayContent unitId={unit.id} overview={data} people={people} />}</QueryStatus>
        </>
      )}
    </div>
  );
}
