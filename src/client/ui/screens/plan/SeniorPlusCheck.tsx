/**
 * A senior day home's opening hours against the programme's minimum (8 hours Monday to Friday):
 * Senior+ until 2025, "Dzienny Dom Aktywny Senior" (ASY) from 2026. Clubs have no such rule and
 * never show this check (`needsEightHourOffer` in domain/rules/kinds/senior.ts).
 */
import type { ShortWeekday, UnitKind } from '../../../../domain';
import { useT } from '../../../i18n';
import { weekdayLongKey } from '../../view/people';
import { hoursText } from './plan-text';

export function SeniorPlusCheck({ short, kind }: { short: readonly ShortWeekday[]; kind: UnitKind }) {
  const t = useT();
  const programme = t(kind === 'seniorPlus' ? 'plan.senior.programme.seniorPlus' : 'plan.senior.programme.activeSeniorHome');
  if (short.length === 0) return <p class="callout plan-senior">{t('plan.senior.ok', { programme })}</p>;
  return (
    <div class="callout callout--warning plan-senior" role="status">
      <p>{t('plan.senior.short', { programme })}</p>
      <ul>{short.map((s) => <li key={s.weekday}>{t('plan.senior.day', { day: t(weekdayLongKey(s.weekday)), hours: hoursText(t, s.minutes) })}</li>)}</ul>
    </div>
  );
}
