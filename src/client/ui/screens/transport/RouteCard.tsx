/** One bus route: direction, departure, vehicle and its stops in order. */
import type { Participant, Route, RouteStop } from '../../../../domain';
import { useT } from '../../../i18n';
import { stopRows } from '../../view/route-stops';

export interface RouteCardProps {
  route: Route;
  stops: readonly RouteStop[];
  people: ReadonlyMap<string, Participant>;
}

/** A card with the route's ordered stop list. */
export function RouteCard({ route, stops, people }: RouteCardProps) {
  const t = useT();
  const rows = stopRows(stops, people);
  const titleId = `route-${route.id}`;
  return (
    <section class="card route" aria-labelledby={titleId}>
      <h2 id={titleId} class="card__title">{route.name}</h2>
      <p class="route__meta">
        <span class="badge badge--none">{t(`direction.${route.direction}`)}</span>{' '}
        {t('transport.departure', { time: route.departureTime })}
        {route.vehicleName.trim() !== '' && <> · {t('transport.vehicle', { name: route.vehicleName })}</>}
        {' · '}{t('count.seats', { count: route.seats })}
        {route.wheelchairPlaces > 0 && <> · {t('transport.wheelchairs', { count: route.wheelchairPlaces })}</>}
      </p>
      {rows.length === 0 ? <p class="muted">{t('transport.noStops')}</p> : (
        <ol class="stops" aria-label={t('transport.stops', { name: route.name })}>
          {rows.map((row) => (
            <li key={row.id} class="stops__item">
              <span class="stops__time">{row.time}</span>
              <span class="stops__body">
                <span class="stops__name">{row.name ?? t('today.unknownPerson')}</span>
                {row.address && <span class="stops__meta">{row.address}</span>}
                {row.mobilityAid && <span class="stops__meta">{t(`mobility.${row.mobilityAid}`)}</span>}
                {row.driverNote && <span class="stops__meta">{row.driverNote}</span>}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
