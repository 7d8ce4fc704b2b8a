/** A notice when the unit is closed today: a public holiday, a closed day, or a weekday it does not open. */
import { useT } from '../../../i18n';
import type { TodayOverview } from '../../../state';

/** Nothing on an ordinary open day. */
export function DayNotice({ overview }: { overview: Pick<TodayOverview, 'holidayName' | 'closedReason'> }) {
  const t = useT();
  let text: string | null = null;
  if (overview.holidayName) text = t('today.holiday', { name: overview.holidayName });
  else if (overview.closedReason === 'weekday') text = t('today.closedWeekday');
  else if (overview.closedReason) text = t('today.closed', { reason: overview.closedReason });
  if (!text) return null;
  return <p class="callout callout--warning">{text}</p>;
}
