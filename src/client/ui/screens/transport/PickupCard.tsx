/**
 * One run's list for the driver: who to pick up (or take home) in stop order, in large type, with
 * a tap to call and a map link; the people not travelling today underneath, with the reason.
 */
import type { PickupStop, TransportEvent, TransportEventKind } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import { markStop, type PickupListWithEvents } from '../../../state/transport';
import { fullName } from '../../view/people';

function mapUrl(address: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
}

function StopItem({ s, index, list, event, canMark }: { s: PickupStop; index: number; list: PickupListWithEvents; event: TransportEvent | undefined; canMark: boolean }) {
  const t = useT();
  const kinds: TransportEventKind[] = [list.route.direction === 'home' ? 'droppedOff' : 'pickedUp', 'notHome', 'cancelled'];
  const name = fullName(s.participant);
  const phone = s.participant.phone;
  const aid = s.participant.transport.mobilityAid;
  return (
    <li class="pickup__stop">
      <span class="pickup__number" aria-hidden="true">{index}</span>
      <div class="pickup__body">
        <p class="pickup__line"><span class="pickup__time">{s.stop.plannedTime}</span> <strong class="pickup__name">{name}</strong></p>
        <p class="pickup__address">{s.address}</p>
        {aid !== 'none' && <p class="pickup__aid">{t(`mobility.${aid}`)}</p>}
        {s.participant.transport.driverNote && <p class="pickup__note">{s.participant.transport.driverNote}</p>}
        {event && <p class="pickup__event" role="status">{t('transport.eventAt', { event: t(`transport.event.${event.kind}`), time: event.time })}</p>}
        {canMark && (
          <p class="pickup__actions no-print">
            {kinds.map((k) => (
              <button key={k} type="button" class={event?.kind === k ? 'button button--primary' : 'button button--secondary'} aria-pressed={event?.kind === k}
                aria-label={t('transport.markFor', { event: t(`transport.event.${k}`), name })}
                onClick={() => void markStop(list.route.id, list.route.unitId, s.participant.id, list.day, k)}>
                {t(`transport.event.${k}`)}
              </button>
            ))}
          </p>
        )}
        <p class="pickup__actions no-print">
          {phone && <a class="button button--secondary" href={`tel:${phone.replace(/\s+/g, '')}`} aria-label={t('transport.callFor', { name, phone })}>{t('transport.call', { phone })}</a>}
          {s.address && <a class="button button--secondary" href={mapUrl(s.address)} target="_blank" rel="noopener noreferrer" aria-label={t('transport.mapFor', { name })}>{t('transport.map')}</a>}
        </p>
        {phone && <p class="pickup__phone print-only">{phone}</p>}
      </div>
    </li>
  );
}

export function PickupCard({ list, canMark }: { list: PickupListWithEvents; canMark: boolean }) {
  const t = useT();
  const f = useFormat();
  const served = list.stops.filter((s) => s.skip === null);
  const skipped = list.stops.filter((s) => s.skip !== null && s.skip !== 'inactive');
  const titleId = `pickup-${list.route.id}`;
  const reason = (s: PickupStop) => s.skip === 'notice' && s.notice ? t('transport.skip.noticeUntil', { date: f.day(s.notice.toDay) }) : t(`transport.skip.${s.skip ?? 'notDue'}`);
  return (
    <section class="card pickup" aria-labelledby={titleId}>
      <h2 id={titleId} class="card__title">{list.route.name}</h2>
      {/* On paper every run starts a page: it carries its own day. */}
      <p class="print-only pickup__day">{t('transport.pickupTitle')} · {f.longDay(list.day)}</p>
      <p class="route__meta">
        <span class="badge badge--none">{t(`direction.${list.route.direction}`)}</span>{' '}
        {t('transport.departure', { time: list.route.departureTime })}
        {list.route.vehicleName.trim() !== '' && <> · {t('transport.vehicle', { name: list.route.vehicleName })}</>}
      </p>
      {list.closed ? <p class="callout callout--warning">{t('transport.closed')}</p> : (
        <>
          <p class="pickup__count">
            {t(list.route.direction === 'home' ? 'transport.toServeHome' : 'transport.toServe', { count: list.toServe })}
            {list.wheelchairs > 0 && <> · {t('transport.wheelchairsToday', { count: list.wheelchairs, places: list.route.wheelchairPlaces })}</>}
          </p>
          {/* Wheelchair users travel in their wheelchair places, not on seats (as in the route editor). */}
          {list.toServe - list.wheelchairs > list.route.seats && <p class="callout callout--warning">{t('transport.overSeats')}</p>}
          {list.wheelchairs > list.route.wheelchairPlaces && <p class="callout callout--warning">{t('transport.overWheelchairs')}</p>}
          {list.trips.map((a) => <p key={a.id} class="callout callout--info">{t('transport.trip', { title: a.title, start: a.startTime, end: a.endTime })}</p>)}
          <ol class="pickup__list" aria-label={t('transport.stops', { name: list.route.name })}>
            {served.map((s, i) => <StopItem key={s.stop.id} s={s} index={i + 1} list={list} event={list.events.get(s.participant.id)} canMark={canMark} />)}
          </ol>
          {skipped.length > 0 && (
            <>
              <h3 class="card__subtitle">{t('transport.notToday')}</h3>
              <ul class="plain-list pickup__skipped">
                {skipped.map((s) => (
                  <li key={s.stop.id} class="plain-list__item">
                    <span class="plain-list__name">{fullName(s.participant)}</span>
                    <span class="plain-list__meta">{reason(s)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
