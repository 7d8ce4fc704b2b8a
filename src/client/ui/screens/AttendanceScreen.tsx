/** Obecność: today's expected people with their mark (present, absent, excused), a reported absence, or none yet. */
import { useMemo } from 'preact/hooks';
import { useFormat, useT } from '../../i18n';
import { useCurrentUnit, useToday, useTodayOverview } from '../../state';
import { MarkBadge } from '../components/MarkBadge';
import { NoUnitNotice } from '../components/NoUnitNotice';
import { QueryStatus } from '../components/QueryStatus';
import { ScreenHeader } from '../components/ScreenHeader';
import { CountTiles } from './today/CountTiles';
import { attendanceRows } from '../view/attendance-rows';
import { listName } from '../view/people';

/** The Attendance screen (read-only list for today). */
export function AttendanceScreen() {
  const t = useT();
  const f = useFormat();
  const today = useToday();
  const { unit, isLoading } = useCurrentUnit();
  const overview = useTodayOverview(unit?.id ?? null, today);
  const rows = useMemo(() => (overview.data ? attendanceRows(overview.data) : []), [overview.data]);
  return (
    <div class="screen">
      <ScreenHeader title={t('attendance.title')}>
        <p class="screen__subtitle">{f.longDay(today)}{unit ? ` · ${unit.name}` : ''}</p>
      </ScreenHeader>
      {!unit ? (
        <NoUnitNotice loading={isLoading} />
      ) : (
        <QueryStatus result={overview}>
          {(data) => (
            <>
              <h2 id="attendance-counts" class="visually-hidden">{t('today.counts')}</h2>
              <CountTiles counts={data.counts} labelledBy="attendance-counts" />
              <section class="card" aria-labelledby="attendance-list">
                <h2 id="attendance-list" class="card__title">{t('attendance.subtitle')}</h2>
                {rows.length === 0 ? (
                  <p class="muted">{t('attendance.empty')}</p>
                ) : (
                  <ul class="roster">
                    {rows.map((row) => (
                      <li key={row.participant.id} class="roster__item">
                        <span class="roster__name">{listName(row.participant)}</span>
                        {row.mark?.arrivalTime && <span class="roster__meta">{t('attendance.arrival', { time: row.mark.arrivalTime })}</span>}
                        <MarkBadge status={row.status} />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </>
          )}
        </QueryStatus>
      )}
    </div>
  );
}
