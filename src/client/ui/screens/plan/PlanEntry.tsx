/** One class in the weekly plan: time, title, room, and its validity when it starts later or ends. */
import type { Activity, Day } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';

export interface PlanEntryProps {
  activity: Activity;
  roomName: string | undefined;
  today: Day;
  /** The date of a one-off event, shown before its time. */
  dayLabel?: string;
}

/** A timeline row of the plan. */
export function PlanEntry({ activity, roomName, today, dayLabel }: PlanEntryProps) {
  const t = useT();
  const f = useFormat();
  const time = t('common.timeRange', { start: activity.startTime, end: activity.endTime });
  return (
    <li class="timeline__item">
      <span class="timeline__time">
        {dayLabel && <span class="timeline__date">{dayLabel}</span>}
        {time}
      </span>
      <span class="timeline__body">
        <span class="timeline__title">{activity.title}</span>
        {roomName && <span class="timeline__meta">{t('today.room', { room: roomName })}</span>}
        {activity.kind === 'oneOff' && activity.place.trim() !== '' && <span class="timeline__meta">{t('plan.place', { place: activity.place })}</span>}
        {activity.kind === 'recurring' && activity.validFrom > today && <span class="timeline__meta">{t('plan.from', { date: f.day(activity.validFrom) })}</span>}
        {activity.kind === 'recurring' && activity.validTo !== null && <span class="timeline__meta">{t('plan.until', { date: f.day(activity.validTo) })}</span>}
      </span>
    </li>
  );
}
