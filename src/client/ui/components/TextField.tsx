/** A labelled text (or password) input with hint and error, built on FormField. */
import { FormField } from './FormField';

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'password';
  autoComplete?: string;
  hint?: string;
  error?: string;
  required?: boolean;
}

/** A large, touch-friendly input; `required` is announced, validation is the form's own. */
export function TextField({ id, label, value, onInput, type = 'text', autoComplete, hint, error, required }: TextFieldProps) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(aria) => {
        const common = {
          ...aria,
          class: 'input',
          name: id,
          value,
          autoComplete,
          spellcheck: false,
          'aria-required': required ? ('true' as const) : undefined,
          onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
        };
        return type === 'password' ? <input {...common} type="password" /> : <input {...common} type="text" />;
      }}
    </FormField>
  );
}
