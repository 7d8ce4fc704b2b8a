/**
 * The printed week (A4 landscape, print CSS in plan.css) for the notice board, or one
 * participant's own week: a table with a column per day and the classes in time order, which
 * reads well on paper where the screen's time grid would be too small.
 */
import { addDays, type SessionOccurrence } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import type { PlanDay } from '../../../state/plan';
import { weekdayLongKey } from '../../view/people';
import { staffNames, type Names } from './plan-text';

export interface PrintWeekProps {
  unitName: string;
  weekStart: string;
  days: readonly PlanDay[];
  occurrences: readonly SessionOccurrence[];
  names: Names;
  /** The participant whose own week is printed, or null for the unit's plan. */
  person: string | null;
}

export function PrintWeek({ unitName, weekStart, days, occurrences, names, person }: PrintWeekProps) {
  const t = useT();
  const f = useFormat();
  const range = { from: f.day(weekStart), to: f.day(addDays(weekStart, 6)) };
  return (
    <section class="plan-print" aria-hidden="true">
      <h2 class="plan-print__title">{person ? t('plan.print.person', { name: person, ...range }) : t('plan.print.title', range)} · {unitName}</h2>
      <table class="plan-print__table">
        <thead>
          <tr>{days.map((d) => <th key={d.day} scope="col">{t(weekdayLongKey(d.weekday))}<br />{f.day(d.day)}</th>)}</tr>
        </thead>
        <tbody>
          <tr>
            {days.map((d) => (
              <td key={d.day}>
                {d.closed ? <p class="plan-print__closed">{d.closed.kind === 'holiday' ? t('plan.closed.holiday', { name: d.closed.name }) : t('plan.closed.weekday')}</p> : (
                  occurrences.filter((o) => o.day === d.day).map((o) => (
                    <div key={o.sessionId} class={`plan-print__item plan-block--${o.activity.category}`}>
                      <strong>{t('common.timeRange', { start: o.startTime, end: o.endTime })}</strong> {o.activity.title}
                      <div class="plan-print__meta">
                        {[o.roomId ? names.rooms.get(o.roomId)?.name : o.activity.kind === 'oneOff' ? o.activity.place : '', staffNames(o.staffIds, names)].filter(Boolean).join(' · ')}
                      </div>
                    </div>
                  ))
                )}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}
