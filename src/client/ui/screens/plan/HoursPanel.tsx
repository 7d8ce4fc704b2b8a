/**
 * WTZ: planned hours per participant per day and for the week against the regulation (at most
 * 7 h a day and 35 h a week; under the unit's target is a shortfall that reduces funding). People
 * with something to check come first; the full table is one tap away.
 */
import { useState } from 'preact/hooks';
import type { HoursIssue } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import type { PlanWeek } from '../../../state/plan';
import { listName, weekdayShortKeys } from '../../view/people';
import { hoursText } from './plan-text';

export function HoursPanel({ week }: { week: PlanWeek }) {
  const t = useT();
  const f = useFormat();
  const [all, setAll] = useState(false);
  const days = week.days.filter((d) => !d.closed);
  const minutes = new Map(week.hours.map((h) => [h.participantId, new Map(h.days.map((d) => [d.day, d.minutes]))]));
  const issues = new Map<string, HoursIssue[]>();
  for (const i of week.hoursIssues) issues.set(i.participantId, [...(issues.get(i.participantId) ?? []), i]);
  const people = week.participants.filter((p) => p.status === 'active' && (all || issues.has(p.id)));
  const flag = (list: HoursIssue[] | undefined, match: (i: HoursIssue) => boolean) => {
    const i = list?.find(match);
    if (!i) return null;
    const over = i.kind === 'dayOverLimit' || i.kind === 'weekOverLimit';
    return <span class={`plan-hours__flag plan-hours__flag--${over ? 'over' : 'short'}`}>{over ? t('plan.hours.over') : t('plan.hours.short')}</span>;
  };
  return (
    <section class="card plan-hours" aria-labelledby="plan-hours-title">
      <h2 id="plan-hours-title" class="card__title">{t('plan.hours.title')}</h2>
      <p>{t('plan.hours.lead')}</p>
      <p role="status" class={issues.size > 0 ? 'callout callout--warning' : 'callout'}>
        {issues.size > 0 ? t('plan.hours.summary', { count: issues.size }) : t('plan.hours.ok')}
      </p>
      <CheckboxRow checked={all} onChange={setAll} label={t('plan.hours.showAll')} />
      {people.length > 0 && (
        <div class="sheet-scroll">
          <table class="plan-hours__table">
            <thead>
              <tr>
                <th scope="col">{t('plan.hours.person')}</th>
                {days.map((d) => <th key={d.day} scope="col">{t(weekdayShortKeys([d.weekday])[0]!)} {f.day(d.day).slice(0, 5)}</th>)}
                <th scope="col">{t('plan.hours.week')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => {
                const mine = issues.get(p.id);
                const byDay = minutes.get(p.id);
                const total = days.reduce((sum, d) => sum + (byDay?.get(d.day) ?? 0), 0);
                return (
                  <tr key={p.id}>
                    <th scope="row">{listName(p)}</th>
                    {days.map((d) => (
                      <td key={d.day}>{hoursText(t, byDay?.get(d.day) ?? 0)} {flag(mine, (i) => i.day === d.day && (i.kind === 'dayOverLimit' || i.kind === 'dayShortfall'))}</td>
                    ))}
                    <td>{hoursText(t, total)} {flag(mine, (i) => i.kind === 'weekOverLimit' || i.kind === 'weekShortfall')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CheckboxRow({ checked, onChange, label }: { checked: boolean; onChange: (on: boolean) => void; label: string }) {
  return (
    <label class="checklist__item no-print" for="plan-hours-all">
      <input id="plan-hours-all" type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      {label}
    </label>
  );
}
