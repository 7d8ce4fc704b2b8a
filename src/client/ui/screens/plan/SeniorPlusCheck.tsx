/** Senior+: the unit's opening hours against the programme's minimum (8 hours Monday to Friday). */
import type { ShortWeekday } from '../../../../domain';
import { useT } from '../../../i18n';
import { weekdayLongKey } from '../../view/people';
import { hoursText } from './plan-text';

export function SeniorPlusCheck({ short }: { short: readonly ShortWeekday[] }) {
  const t = useT();
  if (short.length === 0) return <p class="callout plan-senior">{t('plan.senior.ok')}</p>;
  return (
    <div class="callout callout--warning plan-senior" role="status">
      <p>{t('plan.senior.short')}</p>
      <ul>{short.map((s) => <li key={s.weekday}>{t('plan.senior.day', { day: t(weekdayLongKey(s.weekday)), hours: hoursText(t, s.minutes) })}</li>)}</ul>
    </div>
  );
}
