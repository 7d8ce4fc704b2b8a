/** Uczestnicy: the unit's participants in Polish surname order, with studio, weekdays, diet and transport needs. */
import { useMemo } from 'preact/hooks';
import { useT } from '../../i18n';
import { useCurrentUnit, useParticipants, useRooms } from '../../state';
import { NoUnitNotice } from '../components/NoUnitNotice';
import { QueryStatus } from '../components/QueryStatus';
import { ScreenHeader } from '../components/ScreenHeader';
import { indexById, listName, weekdayShortKeys } from '../view/people';

/** The Participants screen. */
export function ParticipantsScreen() {
  const t = useT();
  const { unit, isLoading } = useCurrentUnit();
  const participants = useParticipants(unit?.id ?? null);
  const rooms = useRooms(unit?.id ?? null);
  const roomsById = useMemo(() => indexById(rooms.data), [rooms.data]);
  return (
    <div class="screen">
      <ScreenHeader title={t('participants.title')}>
        {unit && <p class="screen__subtitle">{unit.name}</p>}
      </ScreenHeader>
      {!unit ? (
        <NoUnitNotice loading={isLoading} />
      ) : (
        <QueryStatus result={participants}>
          {(list) => list.length === 0 ? <p class="callout">{t('participants.empty')}</p> : (
            <>
              <p class="count-line">{t('count.participants', { count: list.length })}</p>
              <ul class="people">
                {list.map((p) => {
                  const days = weekdayShortKeys(p.attendanceWeekdays).map((k) => t(k)).join(' ');
                  const studio = p.studioId ? roomsById.get(p.studioId)?.name : undefined;
                  return (
                    <li key={p.id} class="person">
                      <p class="person__name">{listName(p)}</p>
                      <dl class="person__facts">
                        <div><dt>{t('participants.studio')}</dt><dd>{studio ?? t('participants.noStudio')}</dd></div>
                        <div><dt>{t('participants.days')}</dt><dd>{days || t('participants.noDays')}</dd></div>
                        <div><dt>{t('participants.diet')}</dt><dd>{t(`diet.${p.diet}`)}</dd></div>
                        <div>
                          <dt>{t('participants.transport')}</dt>
                          <dd>{p.transport.needsTransport ? t('participants.needsTransport', { aid: t(`mobility.${p.transport.mobilityAid}`) }) : t('participants.ownWay')}</dd>
                        </div>
                      </dl>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </QueryStatus>
      )}
    </div>
  );
}
