/** Previous / next year for the reports of a whole year (the ŚDS register, the WTZ annual report). */
import { useT } from '../../../i18n';
import { Icon } from '../../components/Icon';

export function YearPicker({ year, onYear }: { year: number; onYear: (year: number) => void }) {
  const t = useT();
  return (
    <div class="day-picker no-print" role="group" aria-label={t('reports.kinds.year')}>
      <button type="button" class="button button--secondary button--icon" aria-label={t('reports.kinds.prevYear')} onClick={() => onYear(year - 1)}><Icon name="chevronLeft" /></button>
      <span class="report__month">{year}</span>
      <button type="button" class="button button--secondary button--icon" aria-label={t('reports.kinds.nextYear')} onClick={() => onYear(year + 1)}><Icon name="chevronRight" /></button>
    </div>
  );
}
