/**
 * The one-time setup code of the first-run page: typed once, sent with the setup form or the demo
 * load. `take` gives the code to send, or flags the empty field and focuses it; `refused` shows a
 * server refusal of the code on the field (true when the refusal was about the code).
 */
import { useState } from 'preact/hooks';
import type { AppError } from '../../../state';
import type { FieldErrorCode } from '../../view/form-errors';

/** The id of the code's input (focused when it needs fixing). */
export const SETUP_CODE_INPUT = 'first-run-setupCode';

export interface SetupCodeInput {
  value: string;
  error: FieldErrorCode | null;
  set(value: string): void;
  take(): string | null;
  refused(error: AppError): boolean;
}

export function useSetupCode(): SetupCodeInput {
  const [value, setValue] = useState('');
  const [error, setError] = useState<FieldErrorCode | null>(null);
  const flag = (code: FieldErrorCode) => {
    setError(code);
    document.getElementById(SETUP_CODE_INPUT)?.focus();
  };
  return {
    value,
    error,
    set(next) {
      setValue(next);
      if (error) setError(null);
    },
    take() {
      if (value.trim() === '') {
        flag('required');
        return null;
      }
      setError(null);
      return value.trim();
    },
    refused(appError) {
      if (!appError.issues?.some((issue) => issue.path === 'setupCode')) return false;
      flag('wrongSetupCode');
      return true;
    },
  };
}
