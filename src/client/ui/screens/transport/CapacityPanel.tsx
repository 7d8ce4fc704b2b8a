/** The vehicle's occupancy while a route is edited: seats and wheelchair places used, and what does not fit. */
import type { Participant } from '../../../../domain';
import { useT } from '../../../i18n';
import type { RouteCapacity } from '../../../state/transport';
import { fullName } from '../../view/people';

export function CapacityPanel({ capacity, people, names }: { capacity: RouteCapacity; people: ReadonlyMap<string, Participant>; names: string[] }) {
  const t = useT();
  const c = capacity;
  const who = (id: string) => { const p = people.get(id); return p ? fullName(p) : '?'; };
  const problems = c.overSeats || c.overWheelchairs || c.duplicates.length > 0 || c.timesOutOfOrder.length > 0;
  return (
    <section class="capacity" aria-labelledby="capacity-title">
      <h3 id="capacity-title" class="card__subtitle">{t('routes.capacity')}</h3>
      <p class="capacity__numbers">
        <span class={c.overSeats ? 'capacity__over' : undefined}>{t('routes.seatsUsed', { used: c.seatsNeeded, total: c.seats })}</span>
        {' · '}
        <span class={c.overWheelchairs ? 'capacity__over' : undefined}>{t('routes.wheelchairsUsed', { used: c.wheelchairsNeeded, total: c.wheelchairPlaces })}</span>
      </p>
      <div role="status">
        {problems && (
          <ul class="callout callout--warning capacity__problems">
            {c.overSeats && <li>{t('routes.overSeats', { count: c.seatsNeeded - c.seats })}</li>}
            {c.overWheelchairs && <li>{t('routes.overWheelchairs', { count: c.wheelchairsNeeded - c.wheelchairPlaces })}</li>}
            {c.duplicates.map((id) => <li key={id}>{t('routes.duplicate', { name: who(id) })}</li>)}
            {c.timesOutOfOrder.map((i) => <li key={i}>{t('routes.timeOrder', { position: i + 1, name: names[i] ?? '?' })}</li>)}
          </ul>
        )}
      </div>
    </section>
  );
}
