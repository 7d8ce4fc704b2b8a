/**
 * ŚDS: the week against the regulation's standard (Dz.U. 2020 poz. 249): open at least 8 hours on
 * at least 5 days, at least 6 hours of classes on each open day (`sdsHoursCheck` in domain/rules/kinds/sds.ts).
 */
import type { SdsHoursCheck as Check } from '../../../../domain/rules/kinds/sds';
import { useFormat, useT } from '../../../i18n';
import { weekdayLongKey } from '../../view/people';
import { hoursText } from './plan-text';

export function SdsHoursCheck({ check }: { check: Check }) {
  const t = useT();
  const f = useFormat();
  if (check.ok) return <p class="callout plan-senior">{t('plan.sds.ok')}</p>;
  return (
    <div class="callout callout--warning plan-senior" role="status">
      <p>{t('plan.sds.short')}</p>
      {check.shortWeekdays.length > 0 && (
        <>
          <p>{t('plan.sds.longDays', { count: check.longDays })}</p>
          <ul>{check.shortWeekdays.map((s) => <li key={s.weekday}>{t('plan.senior.day', { day: t(weekdayLongKey(s.weekday)), hours: hoursText(t, s.minutes) })}</li>)}</ul>
        </>
      )}
      {check.classShort.length > 0 && (
        <>
          <p>{t('plan.sds.classShort')}</p>
          <ul>{check.classShort.map((d) => <li key={d.day}>{t('plan.sds.classDay', { day: f.day(d.day), hours: hoursText(t, d.minutes) })}</li>)}</ul>
        </>
      )}
    </div>
  );
}
