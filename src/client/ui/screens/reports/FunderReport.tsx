/**
 * The funder report of a month, quarter or year, in the shape each funder asks for: a WTZ reports
 * attendance and hours per participant and who was absent beyond the unit's limit; a Senior+ home
 * the people served, person-days, meals and activities by category; a children's day room the
 * children and person-days. Every figure is a sum of the monthly sheets of the period.
 */
import { useState } from 'preact/hooks';
import type { PeriodKind, PeriodReport } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import { recordPrint } from '../../../state';
import { exportPeriodReport, usePeriodReport } from '../../../state/reports';
import { QueryStatus } from '../../components/QueryStatus';
import { listName } from '../../view/people';
import { ExportStatus, useExport } from '../../components/ExportStatus';
import { PeriodPicker, usePeriodLabel } from './PeriodPicker';
import { SeniorFunding } from './SeniorFunding';
import type { ReportViewProps } from './SheetView';

const hours = (minutes: number) => Math.round(minutes / 6) / 10;

export function FunderReport({ unit, month, onMonth }: ReportViewProps) {
  const t = useT();
  const f = useFormat();
  const [kind, setKind] = useState<PeriodKind>('quarter');
  const period = { kind, month };
  const report = usePeriodReport(unit.id, period);
  const exp = useExport();
  const label = usePeriodLabel()(period);
  const data = report.data;
  const categoryLabel = (c: string) => t(`reports.category.${c}` as 'reports.category.other');
  const print = () => {
    if (data) void recordPrint('periodReport', unit.id, data.from, data.to, data.people.length);
    window.print();
  };

  return (
    <section class="card report" aria-labelledby="funder-title">
      <div class="report__head">
        <h2 id="funder-title" class="card__title">
          {t('reports.funderTitle')} · {unit.name} · {label}{data?.asOf ? ` · ${t('common.asOf', { day: f.day(data.asOf) })}` : ''}
        </h2>
        <PeriodPicker period={period} onChange={(p) => { setKind(p.kind); onMonth(p.month); }} />
        <div class="report__actions no-print">
          <button type="button" class="button button--primary" onClick={print}>{t('reports.print')}</button>
          <button type="button" class="button button--secondary" disabled={!data || exp.busy}
            onClick={() => data && exp.run(() => exportPeriodReport(data, categoryLabel), `sprawozdanie-${data.from}-${data.to}.xlsx`)}>
            {t('reports.exportXlsx')}
          </button>
        </div>
      </div>
      <ExportStatus state={exp} />
      <QueryStatus result={report}>
        {(r) => (
          <>
            <p class="muted">{unit.name} · {t(`unitKind.${unit.kind}`)} · {t('reports.periodRange', { from: f.day(r.from), to: f.day(r.to) })}</p>
            <Figures report={r} />
            {r.planned.openDays > 0 && <p class="muted">{t('reports.plannedOpenDays', { count: r.planned.openDays })}</p>}
            {(unit.kind === 'wtz' || unit.kind === 'selfHelpHome' || unit.kind === 'other') && <WtzTable report={r} />}
            {unit.kind !== 'childrenDayRoom' && <Activities report={r} label={categoryLabel} />}
            <SeniorFunding report={r} />
            <MonthsTable report={r} />
          </>
        )}
      </QueryStatus>
    </section>
  );
}

function Figures({ report: r }: { report: PeriodReport }) {
  const t = useT();
  const f = useFormat();
  const kids = r.unit.kind === 'childrenDayRoom';
  const rows: [string, string][] = [
    [t('reports.openDays'), f.number(r.totals.openDays)],
    [t(kids ? 'reports.childrenServed' : 'reports.peopleServed'), f.number(r.totals.peopleServed)],
    [t('reports.personDays'), f.number(r.totals.personDays)],
    [t('reports.absences'), f.number(r.totals.absent)],
    [t('reports.excusedAbsences'), f.number(r.totals.excused)],
  ];
  if (!kids) rows.push([t('reports.hoursTotal'), f.number(hours(r.totals.minutes))]);
  if (r.unit.servesMeals) rows.push([t('reports.mealsServed'), f.number(r.totals.mealsServed)]);
  return (
    <dl class="report-figures">
      {rows.map(([k, v]) => (
        <div key={k} class="report-figures__item"><dt>{k}</dt><dd>{v}</dd></div>
      ))}
    </dl>
  );
}

function WtzTable({ report: r }: { report: PeriodReport }) {
  const t = useT();
  const f = useFormat();
  const limit = r.absenceLimitDays;
  return (
    <>
      <h3 id="wtz-table" class="report__subtitle">{t('reports.wtzTable')}</h3>
      <div class="sheet-scroll" role="region" aria-labelledby="wtz-table" tabIndex={0}>
        <table class="sheet report-table">
          <thead>
            <tr>
              <th scope="col" class="sheet__name">{t('reports.person')}</th>
              <th scope="col">{t('reports.presentLong')}</th>
              <th scope="col">{t('reports.hours')}</th>
              <th scope="col">{t('reports.absentLong')}</th>
              <th scope="col">{t('reports.excusedLong')}</th>
              <th scope="col">{t('reports.dueDays')}</th>
              <th scope="col">{t('reports.rate')}</th>
              <th scope="col">{t('reports.longestAbsence')}</th>
            </tr>
          </thead>
          <tbody>
            {r.people.map((p) => (
              <tr key={p.participant.id}>
                <th scope="row" class="sheet__name">{listName(p.participant)}</th>
                <td class="sheet__num">{f.number(p.totals.present)}</td>
                <td class="sheet__num">{f.number(hours(p.minutes))}</td>
                <td class="sheet__num">{f.number(p.totals.absent)}</td>
                <td class="sheet__num">{f.number(p.totals.excused)}</td>
                <td class="sheet__num">{f.number(p.totals.expectedDays)}</td>
                <td class="sheet__num">{p.rate === null ? '–' : `${f.number(Math.round(p.rate * 1000) / 10)} %`}</td>
                <td class={`sheet__num${limit !== null && p.longestAbsence >= limit ? ' report-table__alert' : ''}`}>{f.number(p.longestAbsence)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" class="sheet__name">{t('reports.people', { count: r.people.length })}</th>
              <td class="sheet__num">{f.number(r.totals.present)}</td>
              <td class="sheet__num">{f.number(hours(r.totals.minutes))}</td>
              <td class="sheet__num">{f.number(r.totals.absent)}</td>
              <td class="sheet__num">{f.number(r.totals.excused)}</td>
              <td class="sheet__num">{f.number(r.totals.expectedDays)}</td>
              <td />
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      {limit === null ? <p class="muted">{t('reports.noLimit')}</p>
        : r.overLimit.length === 0 ? <p>{t('reports.overLimitNone', { limit })}</p> : (
          <>
            <h3 class="report__subtitle">{t('reports.overLimitTitle', { limit })}</h3>
            <ul class="report-list">
              {r.overLimit.map((p) => <li key={p.participant.id}>{listName(p.participant)} — {t('reports.days', { count: p.longestAbsence })}</li>)}
            </ul>
          </>
        )}
    </>
  );
}

function Activities({ report: r, label }: { report: PeriodReport; label: (c: string) => string }) {
  const t = useT();
  const f = useFormat();
  const planned = r.planned.activities > 0 ? <p class="muted">{t('reports.plannedActivities', { count: r.planned.activities })}</p> : null;
  if (r.activities.total === 0) return <><p class="muted">{t('reports.noActivities')}</p>{planned}</>;
  return (
    <>
      <table class="sheet report-table report-table--narrow">
        <caption class="report__subtitle">{t('reports.activitiesHeld')}</caption>
        <thead><tr><th scope="col" class="sheet__name">{t('reports.category')}</th><th scope="col">{t('reports.count')}</th></tr></thead>
        <tbody>
          {r.activities.byCategory.map((c) => (
            <tr key={c.category}><th scope="row" class="sheet__name">{label(c.category)}</th><td class="sheet__num">{f.number(c.count)}</td></tr>
          ))}
        </tbody>
        <tfoot><tr><th scope="row" class="sheet__name">{t('reports.activitiesTotal')}</th><td class="sheet__num">{f.number(r.activities.total)}</td></tr></tfoot>
      </table>
      {planned}
    </>
  );
}

function MonthsTable({ report: r }: { report: PeriodReport }) {
  const t = useT();
  const f = useFormat();
  if (r.monthly.length < 2) return null;
  return (
    <table class="sheet report-table report-table--narrow">
      <caption class="report__subtitle">{t('reports.monthsTable')}</caption>
      <thead>
        <tr>
          <th scope="col" class="sheet__name">{t('reports.monthCol')}</th>
          <th scope="col">{t('reports.openDays')}</th>
          <th scope="col">{t('reports.personDays')}</th>
          <th scope="col">{t('reports.absentLong')}</th>
          <th scope="col">{t('reports.excusedLong')}</th>
          <th scope="col">{t(r.unit.kind === 'childrenDayRoom' ? 'reports.childrenServed' : 'reports.peopleServed')}</th>
        </tr>
      </thead>
      <tbody>
        {r.monthly.map((m) => (
          <tr key={m.month}>
            <th scope="row" class="sheet__name">{f.month(m.month)}</th>
            <td class="sheet__num">{f.number(m.openDays)}</td>
            <td class="sheet__num">{f.number(m.present)}</td>
            <td class="sheet__num">{f.number(m.absent)}</td>
            <td class="sheet__num">{f.number(m.excused)}</td>
            <td class="sheet__num">{f.number(m.peopleServed)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
