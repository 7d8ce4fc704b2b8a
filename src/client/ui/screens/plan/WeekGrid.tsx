/**
 * The planner's grid: a time axis and one column per day (Monday first; the weekend only where
 * the unit opens or something is planned), blocks placed by time, overlapping blocks side by
 * side, closed days and public holidays marked with no sessions, today's column and the current
 * time marked. Each day is a section with its classes as a list in time order, so a screen reader
 * reads the plan day by day.
 */
import { minutesOf, type PlanConflict, type SessionOccurrence } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import type { CancelledOccurrence, PlanDay } from '../../../state/plan';
import { weekdayLongKey } from '../../view/people';
import { CancelledBlock, PlanBlock } from './PlanBlock';
import type { Names } from './plan-text';
import { placeInLanes, timeAxis } from './week-model';

/** Pixels per minute: a 30-minute class is a 48 px touch target. */
const PX = 1.6;
/** The narrowest lane a block gets before the grid scrolls sideways. */
const LANE_MIN_REM = 5.5;
/** The narrowest day column. */
const DAY_MIN_REM = 9;

export interface WeekGridProps {
  /** The grid's heading for screen readers ("Tydzień 23.11.2026–29.11.2026"). */
  label: string;
  days: readonly PlanDay[];
  occurrences: readonly SessionOccurrence[];
  cancelled: readonly CancelledOccurrence[];
  conflicts: ReadonlyMap<string, PlanConflict[]>;
  names: Names;
  today: string;
  now: string | null;
  onOpen: (sessionId: string) => void;
}

type Item = { startTime: string; endTime: string } & ({ kind: 'occ'; occ: SessionOccurrence } | { kind: 'cancelled'; c: CancelledOccurrence });

export function WeekGrid({ label, days, occurrences, cancelled, conflicts, names, today, now, onOpen }: WeekGridProps) {
  const t = useT();
  const f = useFormat();
  const items = new Map<string, Item[]>(days.map((d) => [d.day, []]));
  for (const o of occurrences) items.get(o.day)?.push({ kind: 'occ', occ: o, startTime: o.startTime, endTime: o.endTime });
  for (const c of cancelled) items.get(c.day)?.push({ kind: 'cancelled', c, startTime: c.activity.startTime, endTime: c.activity.endTime });
  const all = [...items.values()].flat();
  const axis = timeAxis({ days: [...days] }, all);
  const placed = new Map([...items].map(([day, list]) => [day, placeInLanes(list)]));
  const maxLanes = Math.max(1, ...[...placed.values()].flatMap((list) => list.map((p) => p.lanes)));
  const height = (axis.to - axis.from) * PX;
  const hours: number[] = [];
  for (let m = axis.from; m <= axis.to; m += 60) hours.push(m);
  const nowMin = now ? minutesOf(now) : null;
  return (
    <section class="plan-grid-scroll" aria-labelledby="plan-grid-title">
      <h2 id="plan-grid-title" class="visually-hidden">{label}</h2>
      <div class="plan-grid" style={{ gridTemplateColumns: `3.5rem repeat(${days.length}, minmax(${Math.max(DAY_MIN_REM, maxLanes * LANE_MIN_REM)}rem, 1fr))` }}>
        <div class="plan-grid__axis" aria-hidden="true">
          <div class="plan-day__head" />
          <div class="plan-grid__hours" style={{ height: `${height}px` }}>
            {hours.map((m) => <span key={m} class="plan-grid__hour" style={{ top: `${(m - axis.from) * PX}px` }}>{`${String(m / 60).padStart(2, '0')}:00`}</span>)}
          </div>
        </div>
        {days.map((d) => {
          const isToday = d.day === today;
          const list = placed.get(d.day) ?? [];
          const headId = `plan-day-${d.day}`;
          return (
            <section key={d.day} class={`plan-day${isToday ? ' plan-day--today' : ''}${d.closed ? ' plan-day--closed' : ''}`} aria-labelledby={headId}>
              <h3 id={headId} class="plan-day__head">
                <span class="plan-day__name">{t(weekdayLongKey(d.weekday))}</span>{' '}
                <span class="plan-day__date">{f.day(d.day)}{isToday && <span class="plan-day__today"> · {t('plan.todayMark')}</span>}</span>
              </h3>
              <div class="plan-day__body" style={{ height: `${height}px` }}>
                {hours.map((m) => <div key={m} class="plan-day__line" aria-hidden="true" style={{ top: `${(m - axis.from) * PX}px` }} />)}
                {d.closed && (
                  <p class="plan-day__closed">
                    {d.closed.kind === 'holiday' ? t('plan.closed.holiday', { name: d.closed.name })
                      : d.closed.kind === 'closedDay' ? t('plan.closed.closedDay', { reason: d.closed.reason }) : t('plan.closed.weekday')}
                    {' '}{t('plan.closed.noSessions')}
                  </p>
                )}
                {!d.closed && list.length === 0 && <p class="plan-day__empty">{t('plan.dayEmpty')}</p>}
                {list.length > 0 && (
                  <ul class="plan-day__list">
                    {list.map(({ item, lane, lanes }) => (
                      <li key={item.kind === 'occ' ? item.occ.sessionId : `x${item.c.sessionId}`} class="plan-day__slot" style={{
                        top: `${(minutesOf(item.startTime) - axis.from) * PX}px`,
                        height: `${Math.max(48, (minutesOf(item.endTime) - minutesOf(item.startTime)) * PX)}px`,
                        left: `${(lane / lanes) * 100}%`, width: `${100 / lanes}%`,
                      }}>
                        {item.kind === 'occ'
                          ? <PlanBlock occurrence={item.occ} conflicts={conflicts.get(item.occ.sessionId) ?? []} names={names} onOpen={onOpen} />
                          : <CancelledBlock item={item.c} onOpen={onOpen} />}
                      </li>
                    ))}
                  </ul>
                )}
                {isToday && nowMin !== null && nowMin >= axis.from && nowMin <= axis.to && (
                  <div class="plan-day__now" style={{ top: `${(nowMin - axis.from) * PX}px` }}>
                    <span class="visually-hidden">{t('plan.nowLine', { time: now ?? '' })}</span>
                  </div>
                )}
              </div>
            </section>
          );
        })}
      </div>
    </section>
  );
}
