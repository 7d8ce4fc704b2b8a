/**
 * The WTZ annual report to the county (issue 19, point 3; § 21 of Dz.U. 2021 poz. 2284, due by
 * 1 March): participants and their degrees of disability, overall attendance in each month, who left
 * and why, how many made progress ("brak danych" while IPR review outcomes are not recorded). Print
 * and XLSX, both recorded in the audit log.
 */
import type { DegreeKey, WtzAnnualReport as Report } from '../../../../domain/rules/kinds/wtz-annual';
import { DEGREE_KEYS } from '../../../../domain/rules/kinds/wtz-annual';
import { useFormat, useT } from '../../../i18n';
import { recordPrint } from '../../../state';
import { exportWtzAnnual, useWtzAnnual } from '../../../state/reports';
import { QueryStatus } from '../../components/QueryStatus';
import { ExportStatus, useExport } from '../../components/ExportStatus';
import { listName } from '../../view/people';
import { FigureList } from './FigureList';
import type { ReportViewProps } from './SheetView';
import { YearPicker } from './YearPicker';

export function WtzAnnualReport({ unit, month, onMonth }: ReportViewProps) {
  const t = useT();
  const f = useFormat();
  const year = Number(month.slice(0, 4));
  const result = useWtzAnnual(unit.id, year);
  const exp = useExport();
  const data = result.data;
  const print = () => {
    if (data) void recordPrint('wtzAnnualReport', unit.id, `${year}-01-01`, `${year}-12-31`, data.people.length);
    window.print();
  };
  return (
    <section class="card report" aria-labelledby="wtz-annual-title">
      <div class="report__head">
        <h2 id="wtz-annual-title" class="card__title">
          {t('reports.wtz.title')} · {unit.name} · {year}{data?.asOf ? ` · ${t('common.asOf', { day: f.day(data.asOf) })}` : ''}
        </h2>
        <YearPicker year={year} onYear={(y) => onMonth(`${y}-${month.slice(5, 7)}`)} />
        <div class="report__actions no-print">
          <button type="button" class="button button--primary" onClick={print}>{t('reports.print')}</button>
          <button type="button" class="button button--secondary" disabled={!data || exp.busy}
            onClick={() => data && exp.run(() => exportWtzAnnual(data, unit.id, unit.name), `sprawozdanie-roczne-wtz-${year}.xlsx`)}>
            {t('reports.exportXlsx')}
          </button>
        </div>
      </div>
      <ExportStatus state={exp} />
      <QueryStatus result={result}>{(r) => <Body report={r} />}</QueryStatus>
    </section>
  );
}

function Body({ report: r }: { report: Report }) {
  const t = useT();
  const f = useFormat();
  const degree = (k: DegreeKey) => t(`reports.wtz.degree.${k}`);
  const pct = (v: number | null) => (v === null ? '–' : `${f.number(Math.round(v * 1000) / 10)} %`);
  return (
    <>
      <p class="muted">{t('reports.wtz.basis', { due: f.day(r.dueDay) })}</p>
      <FigureList rows={[
        [t('reports.funding.places'), f.number(r.places)],
        [t('reports.wtz.people'), f.number(r.people.length)],
        ...DEGREE_KEYS.map((k) => [t('reports.wtz.ofDegree', { degree: degree(k) }), f.number(r.byDegree[k])] as const),
        [t('reports.wtz.atEnd'), f.number(r.atEnd)],
        [t('reports.wtz.leftCount'), f.number(r.left.length)],
        [t('reports.wtz.progress'), r.progress === null ? t('reports.wtz.noData') : f.number(r.progress)],
      ]} />
      {r.progress === null && <p class="muted">{t('reports.wtz.progressNote', { count: r.iprReviewsDue })}</p>}

      <table class="sheet report-table">
        <caption class="report__subtitle">{t('reports.wtz.peopleTable')}</caption>
        <thead>
          <tr>
            <th scope="col" class="sheet__name">{t('reports.person')}</th>
            <th scope="col">{t('reports.wtz.degree')}</th>
            <th scope="col">{t('reports.sds.admitted')}</th>
            <th scope="col">{t('reports.wtz.presentDays')}</th>
            <th scope="col">{t('reports.rate')}</th>
            <th scope="col">{t('reports.wtz.leftOn')}</th>
          </tr>
        </thead>
        <tbody>
          {r.people.map((p) => (
            <tr key={p.participant.id}>
              <th scope="row" class="sheet__name">{listName(p.participant)}</th>
              <td>{degree(p.degree)}</td>
              <td>{f.day(p.participant.admissionDate)}</td>
              <td class="sheet__num">{f.number(p.present)}</td>
              <td class="sheet__num">{pct(p.rate)}</td>
              <td>{p.leftOn ? f.day(p.leftOn) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <table class="sheet report-table report-table--narrow">
        <caption class="report__subtitle">{t('reports.wtz.monthsTable')}</caption>
        <thead>
          <tr>
            <th scope="col" class="sheet__name">{t('reports.monthCol')}</th>
            <th scope="col">{t('reports.openDays')}</th>
            <th scope="col">{t('reports.personDays')}</th>
            <th scope="col">{t('reports.wtz.due')}</th>
            <th scope="col">{t('reports.rate')}</th>
            <th scope="col">{t('reports.sds.mpips.average')}</th>
          </tr>
        </thead>
        <tbody>
          {r.months.map((m) => (
            <tr key={m.month}>
              <th scope="row" class="sheet__name">{f.month(m.month)}</th>
              <td class="sheet__num">{f.number(m.openDays)}</td>
              <td class="sheet__num">{f.number(m.present)}</td>
              <td class="sheet__num">{f.number(m.due)}</td>
              <td class="sheet__num">{pct(m.rate)}</td>
              <td class="sheet__num">{m.averageDaily === null ? '–' : f.number(m.averageDaily)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3 class="report__subtitle">{t('reports.wtz.leftTitle')}</h3>
      {r.left.length === 0 ? <p>{t('reports.wtz.noneLeft')}</p> : (
        <ul class="report-list">
          {r.left.map((l) => (
            <li key={l.participant.id}>{listName(l.participant)} — {f.day(l.day)}: {l.reason || t('reports.reason.unspecified')}</li>
          ))}
        </ul>
      )}
      <h3 class="report__subtitle">{t('reports.wtz.councilTitle')}</h3>
      <p>{t('reports.wtz.councilNoData')}</p>
      <div class="signature">
        <span>{t('reports.signatureDate')}: ……………………</span>
        <span>{t('reports.signature')}: ……………………………………</span>
      </div>
    </>
  );
}
