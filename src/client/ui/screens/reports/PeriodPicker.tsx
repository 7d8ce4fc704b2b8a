/** Chooses a report period: month, quarter or year, and steps back and forth through them. */
import { addMonths, monthOf, type PeriodKind, type ReportPeriod } from '../../../../domain';
import { quarterOf } from '../../../../domain/rules/reports';
import { useFormat, useT } from '../../../i18n';
import { Icon } from '../../components/Icon';

const KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year'];
const STEP: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };

export function usePeriodLabel(): (p: ReportPeriod) => string {
  const t = useT();
  const f = useFormat();
  return (p) => p.kind === 'month' ? f.month(p.month)
    : p.kind === 'quarter' ? t('reports.quarterLabel', { quarter: t(`reports.quarter.${quarterOf(p.month) as 1 | 2 | 3 | 4}`), year: p.month.slice(0, 4) })
      : p.month.slice(0, 4);
}

export function PeriodPicker({ period, onChange, kinds = KINDS }: { period: ReportPeriod; onChange: (p: ReportPeriod) => void; kinds?: readonly PeriodKind[] }) {
  const t = useT();
  const label = usePeriodLabel()(period);
  const shift = (n: number) => onChange({ ...period, month: monthOf(addMonths(`${period.month}-01`, n * STEP[period.kind])) });
  return (
    <div class="report__period no-print">
      {kinds.length > 1 && (
        <div class="report-views" role="group" aria-label={t('reports.period')}>
          {kinds.map((k) => (
            <button key={k} type="button" class={`segmented__option${period.kind === k ? ' segmented__option--on' : ''}`} aria-pressed={period.kind === k}
              onClick={() => onChange({ ...period, kind: k })}>
              {t(`reports.period.${k}`)}
            </button>
          ))}
        </div>
      )}
      <div class="day-picker" role="group" aria-label={t('reports.period')}>
        <button type="button" class="button button--secondary button--icon" aria-label={t('reports.prevPeriod')} onClick={() => shift(-1)}><Icon name="chevronLeft" /></button>
        <span class="report__month" aria-live="polite">{label}</span>
        <button type="button" class="button button--secondary button--icon" aria-label={t('reports.nextPeriod')} onClick={() => shift(1)}><Icon name="chevronRight" /></button>
      </div>
    </div>
  );
}
