/** Choosing the day of the attendance list: previous / next day, a date field and "today". */
import { addDays, isDay } from '../../../../domain';
import { useT } from '../../../i18n';
import { Icon } from '../../components/Icon';

export interface DayPickerProps { day: string; today: string; onChange: (day: string) => void }

export function DayPicker({ day, today, onChange }: DayPickerProps) {
  const t = useT();
  return (
    <div class="day-picker" role="group" aria-label={t('attendance.dayLabel')}>
      <button type="button" class="button button--secondary button--icon" aria-label={t('attendance.prevDay')} onClick={() => onChange(addDays(day, -1))}>
        <Icon name="chevronLeft" />
      </button>
      <label class="day-picker__field">
        <span class="visually-hidden">{t('attendance.dayLabel')}</span>
        <input type="date" class="input" value={day} onChange={(e) => {
          const value = e.currentTarget.value;
          if (isDay(value)) onChange(value);
        }} />
      </label>
      <button type="button" class="button button--secondary button--icon" aria-label={t('attendance.nextDay')} onClick={() => onChange(addDays(day, 1))}>
        <Icon name="chevronRight" />
      </button>
      <button type="button" class="button button--secondary" disabled={day === today} onClick={() => onChange(today)}>{t('attendance.today')}</button>
    </div>
  );
}
