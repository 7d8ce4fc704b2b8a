/**
 * Transport: the day's pickup list of each bus run, computed on the device from the routes, who
 * is expected, absence notices, marks, closed days and trips (works offline in the bus). Large
 * type for a phone in one hand; a printable A4 version for a driver without a device.
 */
import { useState } from 'preact/hooks';
import { mayWrite } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import { useCurrentUnit, useLocalSession, useToday } from '../../../state';
import { usePickupLists } from '../../../state/transport';
import { NoUnitNotice } from '../../components/NoUnitNotice';
import { QueryStatus } from '../../components/QueryStatus';
import { ScreenHeader } from '../../components/ScreenHeader';
import { DayPicker } from '../attendance/DayPicker';
import { PickupCard } from './PickupCard';
import { RoutesEditor } from './RoutesEditor';

export function TransportScreen() {
  const t = useT();
  const f = useFormat();
  const today = useToday();
  const { unit, isLoading } = useCurrentUnit();
  const [chosenDay, setChosenDay] = useState<string | null>(null);
  const day = chosenDay ?? today;
  const lists = usePickupLists(unit?.runsTransport ? unit.id : null, day);
  // The driver (and the coordinator for them) marks the stops, only on the day itself; the runs
  // are planned by whoever may write routes (the shared write policy the server enforces).
  const roles = useLocalSession().data?.roles ?? [];
  const canMark = day === today && mayWrite(roles, 'transportEvents');
  const canPlan = mayWrite(roles, 'routes') && mayWrite(roles, 'routeStops');
  const [view, setView] = useState<'lists' | 'editor'>('lists');
  const editing = canPlan && view === 'editor';
  return (
    <div class="screen screen--transport">
      <ScreenHeader title={t('transport.title')}>
        <p class="screen__subtitle">{editing ? t('transport.viewEditor') : `${t('transport.pickupTitle')} · ${f.longDay(day)}`}{unit ? ` · ${unit.name}` : ''}</p>
      </ScreenHeader>
      {!unit ? (
        <NoUnitNotice loading={isLoading} />
      ) : !unit.runsTransport ? (
        <p class="callout">{t('transport.notRun')}</p>
      ) : (
        <>
          {canPlan && (
            <div class="view-switch no-print" role="group" aria-label={t('transport.views')}>
              <button type="button" class="button button--secondary" aria-pressed={view === 'lists'} onClick={() => setView('lists')}>{t('transport.viewLists')}</button>
              <button type="button" class="button button--secondary" aria-pressed={view === 'editor'} onClick={() => setView('editor')}>{t('transport.viewEditor')}</button>
            </div>
          )}
          {editing ? <RoutesEditor unit={unit} /> : (
            <>
              <div class="toolbar no-print">
                <DayPicker day={day} today={today} onChange={(d) => setChosenDay(d === today ? null : d)} />
                <button type="button" class="button button--secondary" onClick={() => window.print()}>{t('transport.print')}</button>
              </div>
              <QueryStatus result={lists}>
                {(data) => data.length === 0 ? <p class="callout">{t('transport.empty')}</p> : (
                  <div class="routes">{data.map((list) => <PickupCard key={list.route.id} list={list} canMark={canMark} />)}</div>
                )}
              </QueryStatus>
            </>
          )}
        </>
      )}
    </div>
  );
}
