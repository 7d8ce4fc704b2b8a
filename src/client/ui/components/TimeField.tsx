/** A time-of-day field (HH:mm) with a "now" button: arrivals and leaves are written as they happen. */
import { useT } from '../../i18n';
import { FormField } from './FormField';

export interface TimeFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** Fills in the current time; omitted hides the button. */
  now?: () => string;
  error?: string;
}

export function TimeField({ id, label, value, onInput, now, error }: TimeFieldProps) {
  const t = useT();
  return (
    <FormField id={id} label={label} error={error}>
      {(aria) => (
        <div class="time-field">
          <input {...aria} type="time" class="input" name={id} value={value} step={60}
            onInput={(e) => onInput(e.currentTarget.value)} />
          {now && (
            <button type="button" class="button button--secondary" aria-label={t('attendance.nowFor', { field: label })} onClick={() => onInput(now())}>
              {t('attendance.now')}
            </button>
          )}
        </div>
      )}
    </FormField>
  );
}
