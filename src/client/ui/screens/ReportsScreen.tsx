/**
 * Raporty: the monthly attendance sheet of the chosen unit (lista obecności), to print on A4
 * landscape with a signature line, or to download as CSV for Excel.
 */
import { useState } from 'preact/hooks';
import { addMonths, monthOf } from '../../../domain';
import { useFormat, useT } from '../../i18n';
import { monthlySheetCsv, useCurrentUnit, useMonthlySheet, useToday } from '../../state';
import { NoUnitNotice } from '../components/NoUnitNotice';
import { QueryStatus } from '../components/QueryStatus';
import { ScreenHeader } from '../components/ScreenHeader';
import { download } from '../view/download';
import { Icon } from '../components/Icon';
import { SheetTable } from './reports/SheetTable';

export function ReportsScreen() {
  const t = useT();
  const f = useFormat();
  const today = useToday();
  const { unit, isLoading } = useCurrentUnit();
  const [month, setMonth] = useState(() => monthOf(today));
  const sheet = useMonthlySheet(unit?.id ?? null, month);
  const monthLabel = f.month(month);
  const shift = (n: number) => setMonth(monthOf(addMonths(`${month}-01`, n)));

  return (
    <div class="screen screen--report">
      <ScreenHeader title={t('reports.title')} />
      {!unit ? (
        <NoUnitNotice loading={isLoading} />
      ) : (
        <section class="card report">
          <div class="report__head">
            <h2 id="sheet-title" class="card__title">{t('reports.sheetTitle')} · {unit.name} · {monthLabel}</h2>
            <div class="day-picker no-print" role="group" aria-label={t('reports.month')}>
              <button type="button" class="button button--secondary button--icon" aria-label={t('reports.prevMonth')} onClick={() => shift(-1)}><Icon name="chevronLeft" /></button>
              <span class="report__month">{monthLabel}</span>
              <button type="button" class="button button--secondary button--icon" aria-label={t('reports.nextMonth')} onClick={() => shift(1)}><Icon name="chevronRight" /></button>
              <button type="button" class="button button--primary" onClick={() => window.print()}>{t('reports.print')}</button>
              <button type="button" class="button button--secondary" disabled={!sheet.data}
                onClick={() => sheet.data && download(monthlySheetCsv(sheet.data, unit.name), `lista-obecnosci-${month}.csv`)}>
                {t('reports.exportCsv')}
              </button>
            </div>
          </div>
          <QueryStatus result={sheet}>
            {(data) => data.rows.length === 0 ? <p class="muted">{t('reports.empty')}</p> : (
              <>
                <p class="muted">{t('reports.legend')}</p>
                <SheetTable sheet={data} captionId="sheet-title" />
                <p>{t('reports.summary', { open: data.openDays, present: data.totals.present, absent: data.totals.absent, excused: data.totals.excused })}</p>
                <div class="signature">
                  <span>{t('reports.signatureDate')}: ……………………</span>
                  <span>{t('reports.signature')}: ……………………………………</span>
                </div>
              </>
            )}
          </QueryStatus>
        </section>
      )}
    </div>
  );
}
