/**
 * A ŚDS's year (issue 19, point 2): the participant register of § 24 of the ŚDS regulation
 * (Dz.U. 2020 poz. 249) with every absence longer than two weeks and its reason (print, XLSX), and
 * the figures the MPiPS-05 report asks of a ŚDS, ready to copy. The monthly attendance list of
 * § 24 is the monthly sheet (`SheetView`).
 */
import { useState } from 'preact/hooks';
import type { AbsenceReasonKey } from '../../../../domain';
import type { LongAbsence, Mpips05Figures } from '../../../../domain/rules/kinds/sds';
import { useFormat, useT } from '../../../i18n';
import { FigureList } from './FigureList';
import { recordPrint } from '../../../state';
import { exportSdsRegister, useSdsYear } from '../../../state/reports';
import { QueryStatus } from '../../components/QueryStatus';
import { ExportStatus, useExport } from '../../components/ExportStatus';
import { listName } from '../../view/people';
import type { ReportViewProps } from './SheetView';
import { YearPicker } from './YearPicker';

export function SdsYearReport({ unit, month, onMonth }: ReportViewProps) {
  const t = useT();
  const f = useFormat();
  const year = Number(month.slice(0, 4));
  const result = useSdsYear(unit.id, year);
  const exp = useExport();
  const data = result.data;
  const reason = (k: AbsenceReasonKey) => (k === 'unspecified' ? t('reports.reason.unspecified') : t(`absenceReason.${k}`));
  const absence = (a: LongAbsence) => t('reports.sds.absence', {
    from: f.day(a.from), to: f.day(a.to), days: t('reports.days', { count: a.days }), reasons: a.reasons.map(reason).join(', '),
  });
  const print = () => {
    if (data) void recordPrint('sdsRegister', unit.id, data.report.from, data.report.to, data.register.length);
    window.print();
  };

  return (
    <section class="card report" aria-labelledby="sds-title">
      <div class="report__head">
        <h2 id="sds-title" class="card__title">
          {t('reports.sds.title')} · {unit.name} · {year}{data?.report.asOf ? ` · ${t('common.asOf', { day: f.day(data.report.asOf) })}` : ''}
        </h2>
        <YearPicker year={year} onYear={(y) => onMonth(`${y}-${month.slice(5, 7)}`)} />
        <div class="report__actions no-print">
          <button type="button" class="button button--primary" onClick={print}>{t('reports.print')}</button>
          <button type="button" class="button button--secondary" disabled={!data || exp.busy}
            onClick={() => data && exp.run(() => exportSdsRegister(data, unit.name), `ewidencja-uczestnikow-${year}.xlsx`)}>
            {t('reports.exportXlsx')}
          </button>
        </div>
      </div>
      <ExportStatus state={exp} />
      <QueryStatus result={result}>
        {(d) => (
          <>
            <p class="muted">{t('reports.sds.basis')}</p>
            {d.register.length === 0 ? <p class="muted">{t('reports.empty')}</p> : (
              <div class="sheet-scroll" role="region" aria-label={t('reports.sds.registerTable')} tabIndex={0}>
                <table class="sheet report-table">
                  <thead>
                    <tr>
                      <th scope="col" class="sheet__name">{t('reports.person')}</th>
                      <th scope="col">{t('reports.sds.birthDate')}</th>
                      <th scope="col">{t('reports.sds.address')}</th>
                      <th scope="col">{t('reports.sds.admitted')}</th>
                      <th scope="col">{t('reports.sds.longAbsences')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.register.map(({ participant: p, absences }) => (
                      <tr key={p.id}>
                        <th scope="row" class="sheet__name">{listName(p)}</th>
                        <td>{f.day(p.birthDate)}</td>
                        <td>{[p.address.street, [p.address.postalCode, p.address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</td>
                        <td>{f.day(p.admissionDate)}</td>
                        <td>{absences.length === 0 ? t('reports.sds.none') : absences.map((a) => <div key={a.from}>{absence(a)}</div>)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Mpips05 figures={d.figures} />
          </>
        )}
      </QueryStatus>
    </section>
  );
}

function Mpips05({ figures: m }: { figures: Mpips05Figures }) {
  const t = useT();
  const f = useFormat();
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const rows: [string, string][] = [
    [t('reports.sds.mpips.places'), f.number(m.places)],
    [t('reports.sds.mpips.enrolled'), f.number(m.enrolled)],
    [t('reports.sds.mpips.served'), f.number(m.served)],
    [t('reports.sds.mpips.women'), f.number(m.servedBySex.female)],
    [t('reports.sds.mpips.men'), f.number(m.servedBySex.male)],
    [t('reports.sds.mpips.unknownSex'), f.number(m.servedBySex.unknown)],
    [t('reports.sds.mpips.admitted'), f.number(m.admitted)],
    [t('reports.sds.mpips.left'), f.number(m.left)],
    [t('reports.sds.mpips.atEnd'), f.number(m.atEnd)],
    [t('reports.sds.mpips.openDays'), f.number(m.openDays)],
    [t('reports.sds.mpips.personDays'), f.number(m.personDays)],
    [t('reports.sds.mpips.average'), m.averageDaily === null ? '–' : f.number(m.averageDaily)],
  ];
  const copy = () => {
    const text = rows.map(([k, v]) => `${k}\t${v}`).join('\n');
    navigator.clipboard.writeText(text).then(() => setCopied('ok'), () => setCopied('failed'));
  };
  return (
    <section aria-labelledby="mpips-title">
      <h3 id="mpips-title" class="report__subtitle">{t('reports.sds.mpipsTitle', { year: String(m.year) })}</h3>
      <FigureList rows={rows} />
      <div class="report__actions no-print">
        <button type="button" class="button button--secondary" onClick={copy}>{t('reports.sds.copy')}</button>
        <span role="status">{copied === 'ok' ? t('reports.sds.copied') : copied === 'failed' ? t('reports.sds.copyFailed') : ''}</span>
      </div>
      <p class="muted">{t('reports.sds.sexNote')}</p>
    </section>
  );
}
