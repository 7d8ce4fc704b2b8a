/** A labelled input of any simple type (date, tel, number, search), built on FormField. */
import { FormField } from './FormField';

export interface InputFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'date' | 'tel' | 'text' | 'search';
  hint?: string;
  warning?: string;
  error?: string;
  required?: boolean;
  autoComplete?: string;
}

export function InputField({ id, label, value, onInput, type = 'text', hint, warning, error, required, autoComplete = 'off' }: InputFieldProps) {
  return (
    <FormField id={id} label={label} hint={hint} warning={warning} error={error}>
      {(aria) => {
        const common = {
          ...aria, class: 'input', name: id, value, autoComplete,
          'aria-required': required ? ('true' as const) : undefined,
          onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
        };
        // Preact types each input type separately, hence one element per type.
        if (type === 'date') return <input {...common} type="date" />;
        if (type === 'tel') return <input {...common} type="tel" />;
        if (type === 'search') return <input {...common} type="search" />;
        return <input {...common} type="text" />;
      }}
    </FormField>
  );
}
