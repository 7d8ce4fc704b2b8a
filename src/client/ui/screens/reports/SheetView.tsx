/** The monthly attendance sheet (lista obecności) with its month picker, print, CSV and XLSX. */
import { addMonths, monthOf, type Unit } from '../../../../domain';
import { SDS_REGISTER_BASIS_PL } from '../../../../domain/rules/kinds/sds';
import { useFormat, useT } from '../../../i18n';
import { recordPrint } from '../../../state';
import { exportMonthlySheet, useMonthlySheet } from '../../../state/reports';
import { Icon } from '../../components/Icon';
import { QueryStatus } from '../../components/QueryStatus';
import { ExportStatus, useExport } from '../../components/ExportStatus';
import { SheetTable } from './SheetTable';

export interface ReportViewProps { unit: Unit; month: string; onMonth: (month: string) => void }

export function SheetView({ unit, month, onMonth }: ReportViewProps) {
  const t = useT();
  const f = useFormat();
  const sheet = useMonthlySheet(unit.id, month);
  const exp = useExport();
  const monthLabel = f.month(month);
  const shift = (n: number) => onMonth(monthOf(addMonths(`${month}-01`, n)));
  const data = sheet.data;
  // A ŚDS's list follows § 24 of its regulation: the basis goes on the screen, the print and the XLSX.
  const basis = unit.kind === 'selfHelpHome' ? [SDS_REGISTER_BASIS_PL] as const : [];
  const print = () => {
    if (data) void recordPrint('monthlySheet', unit.id, data.days[0]!.day, data.days[data.days.length - 1]!.day, data.rows.length);
    window.print();
  };

  return (
    <section class="card report">
      <div class="report__head">
        <h2 id="sheet-title" class="card__title">
          {t('reports.sheetTitle')} · {unit.name} · {monthLabel}{data?.asOf ? ` · ${t('common.asOf', { day: f.day(data.asOf) })}` : ''}
        </h2>
        <div class="day-picker no-print" role="group" aria-label={t('reports.month')}>
          <button type="button" class="button button--secondary button--icon" aria-label={t('reports.prevMonth')} onClick={() => shift(-1)}><Icon name="chevronLeft" /></button>
          <span class="report__month">{monthLabel}</span>
          <button type="button" class="button button--secondary button--icon" aria-label={t('reports.nextMonth')} onClick={() => shift(1)}><Icon name="chevronRight" /></button>
        </div>
        <div class="report__actions no-print">
          <button type="button" class="button button--primary" onClick={print}>{t('reports.print')}</button>
          <button type="button" class="button button--secondary" disabled={!data || exp.busy}
            onClick={() => data && exp.run(() => exportMonthlySheet(data, unit.name, 'csv'), `lista-obecnosci-${month}.csv`)}>
            {t('reports.exportCsv')}
          </button>
          <button type="button" class="button button--secondary" disabled={!data || exp.busy}
            onClick={() => data && exp.run(() => exportMonthlySheet(data, unit.name, 'xlsx', ...basis), `lista-obecnosci-${month}.xlsx`)}>
            {t('reports.exportXlsx')}
          </button>
        </div>
      </div>
      <ExportStatus state={exp} />
      <QueryStatus result={sheet}>
        {(d) => d.rows.length === 0 ? <p class="muted">{t('reports.empty')}</p> : (
          <>
            {basis.length > 0 && <p>{t('reports.sds.sheetBasis')}</p>}
            <p class="muted">{t('reports.legend')}{d.asOf ? ` ${t('reports.legendAsOf', { day: f.day(d.asOf) })}` : ''}</p>
            <SheetTable sheet={d} captionId="sheet-title" />
            <p>{t('reports.summary', { open: d.openDays, present: d.totals.present, absent: d.totals.absent, excused: d.totals.excused })}</p>
            {d.plannedOpenDays > 0 && <p class="muted">{t('reports.plannedOpenDays', { count: d.plannedOpenDays })}</p>}
            <div class="signature">
              <span>{t('reports.signatureDate')}: ……………………</span>
              <span>{t('reports.signature')}: ……………………………………</span>
            </div>
          </>
        )}
      </QueryStatus>
    </section>
  );
}
