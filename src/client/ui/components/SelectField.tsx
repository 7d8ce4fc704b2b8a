/** A labelled select with hint and error, built on FormField. */
import { FormField } from './FormField';

export interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  /** Text of the empty first option; omitted when a value is always chosen. */
  placeholder?: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  required?: boolean;
}

/** A native select: the most reliable control on cheap tablets and with screen readers. */
export function SelectField({ id, label, value, options, placeholder, onChange, hint, error, required }: SelectFieldProps) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(aria) => (
        <select
          {...aria}
          class="input select"
          name={id}
          value={value}
          aria-required={required ? 'true' : undefined}
          onChange={(e) => onChange(e.currentTarget.value)}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </FormField>
  );
}
