/**
 * The frame of one form field: a visible label, an optional hint and the error message right
 * under the control, linked to it with aria-describedby and aria-invalid.
 */
import type { ComponentChildren } from 'preact';

/** What the control inside the frame must carry to be labelled and described. */
export interface ControlAria {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: 'true';
}

export interface FormFieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (aria: ControlAria) => ComponentChildren;
}

/** Label above, control, hint, then the error (announced with the field when focused). */
export function FormField({ id, label, hint, error, children }: FormFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label class="field__label" for={id}>{label}</label>
      {hint && <p class="field__hint" id={hintId}>{hint}</p>}
      {children({ id, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': 'true' as const } : {}) })}
      {error && <p class="field__error" id={errorId}>{error}</p>}
    </div>
  );
}
