/**
 * Attendance charts of a unit: present people day by day over the month, and the average present
 * per open day month by month over the year. Plain SVG bars (no chart library); each chart is an
 * image with a one-sentence summary for screen readers, followed by its data as a table that can
 * be opened (and that screen readers always reach).
 */
import type { MonthlySheet, PeriodReport } from '../../../../domain';
import { useFormat, useT } from '../../../i18n';
import { useMonthlySheet, usePeriodReport } from '../../../state/reports';
import { QueryStatus } from '../../components/QueryStatus';
import { BarChart, type Bar } from './BarChart';
import { PeriodPicker } from './PeriodPicker';
import type { ReportViewProps } from './SheetView';

export function AttendanceCharts({ unit, month, onMonth }: ReportViewProps) {
  const sheet = useMonthlySheet(unit.id, month);
  const year = usePeriodReport(unit.id, { kind: 'year', month });
  return (
    <section class="card report">
      <PeriodPicker period={{ kind: 'month', month }} onChange={(p) => onMonth(p.month)} kinds={['month']} />
      <QueryStatus result={sheet}>{(s) => <MonthChart sheet={s} />}</QueryStatus>
      <QueryStatus result={year}>{(r) => <YearChart report={r} />}</QueryStatus>
    </section>
  );
}

/** A chart's title with "stan na …" when its period is not over. */
function useAsOfTitle() {
  const t = useT();
  const f = useFormat();
  return (title: string, asOf: string | null) => (asOf ? `${title} · ${t('common.asOf', { day: f.day(asOf) })}` : title);
}

function MonthChart({ sheet }: { sheet: MonthlySheet }) {
  const t = useT();
  const f = useFormat();
  const asOfTitle = useAsOfTitle();
  // Days after today are drawn muted and left out of the average and the maximum: they have not happened.
  const bars: Bar[] = sheet.days.map((d, i) => ({
    key: d.day, label: String(Number(d.day.slice(8))), longLabel: f.day(d.day), value: sheet.dayTotals[i]!.present, muted: d.closed !== null || d.future,
    note: d.future ? t('reports.futureShort') : d.closed ? t('reports.closedShort') : undefined,
  }));
  const open = bars.filter((b) => !b.muted);
  const max = (open.length ? open : bars).reduce((m, b) => (b.value > m.value ? b : m), (open.length ? open : bars)[0]!);
  const avg = open.length ? Math.round((open.reduce((s, b) => s + b.value, 0) / open.length) * 10) / 10 : 0;
  return (
    <BarChart id="chart-month" title={asOfTitle(t('reports.chartMonthTitle', { month: f.month(sheet.month) }), sheet.asOf)}
      summary={t('reports.chartMonthSummary', { max: f.number(max.value), maxDay: max.longLabel, avg: f.number(avg) })}
      bars={bars} valueHeader={t('reports.presentCount')} labelHeader={t('reports.day')} />
  );
}

function YearChart({ report }: { report: PeriodReport }) {
  const t = useT();
  const f = useFormat();
  const asOfTitle = useAsOfTitle();
  const bars: Bar[] = report.monthly.map((m) => ({
    key: m.month, label: f.month(m.month).slice(0, 3), longLabel: f.month(m.month),
    value: m.openDays ? Math.round((m.present / m.openDays) * 10) / 10 : 0, muted: m.openDays === 0,
  }));
  const values = bars.filter((b) => !b.muted).map((b) => b.value);
  const year = report.from.slice(0, 4);
  return (
    <BarChart id="chart-year" title={asOfTitle(t('reports.chartYearTitle', { year }), report.asOf)}
      summary={t('reports.chartYearSummary', { year, min: f.number(values.length ? Math.min(...values) : 0), max: f.number(values.length ? Math.max(...values) : 0) })}
      bars={bars} valueHeader={t('reports.average')} labelHeader={t('reports.monthCol')} />
  );
}
