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
  /** A note that does not block saving (a Senior+ participant under 60), shown under the control. */
  warning?: string;
  error?: string;
  children: (aria: ControlAria) => ComponentChildren;
}

/** Label above, hint, control, then a warning and the error (announced with the field when focused). */
export function FormField({ id, label, hint, warning, error, children }: FormFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const warningId = warning ? `${id}-warning` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, warningId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label class="field__label" for={id}>{label}</label>
      {hint && <p class="field__hint" id={hintId}>{hint}</p>}
      {children({ id, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': 'true' as const } : {}) })}
      {warning && <p class="field__warning" id={warningId}>{warning}</p>}
      {error && <p class="field__error" id={errorId}>{error}</p>}
    </div>
  );
}
