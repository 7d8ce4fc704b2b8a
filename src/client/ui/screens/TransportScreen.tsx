/** Transport: the unit's bus routes with their ordered stops. */
import { useMemo } from 'preact/hooks';
import { useT } from '../../i18n';
import { useCurrentUnit, useParticipants, useRoutes } from '../../state';
import { NoUnitNotice } from '../components/NoUnitNotice';
import { QueryStatus } from '../components/QueryStatus';
import { ScreenHeader } from '../components/ScreenHeader';
import { indexById } from '../view/people';
import { RouteCard } from './transport/RouteCard';

/** The Transport screen. */
export function TransportScreen() {
  const t = useT();
  const { unit, isLoading } = useCurrentUnit();
  const routes = useRoutes(unit?.id ?? null);
  const participants = useParticipants(unit?.id ?? null);
  const people = useMemo(() => indexById(participants.data), [participants.data]);
  return (
    <div class="screen">
      <ScreenHeader title={t('transport.title')}>
        {unit && <p class="screen__subtitle">{unit.name}</p>}
      </ScreenHeader>
      {!unit ? (
        <NoUnitNotice loading={isLoading} />
      ) : !unit.runsTransport ? (
        <p class="callout">{t('transport.notRun')}</p>
      ) : (
        <QueryStatus result={routes}>
          {(list) => list.length === 0 ? <p class="callout">{t('transport.empty')}</p> : (
            <div class="routes">
              {list.map(({ route, stops }) => <RouteCard key={route.id} route={route} stops={stops} people={people} />)}
            </div>
          )}
        </QueryStatus>
      )}
    </div>
  );
}
