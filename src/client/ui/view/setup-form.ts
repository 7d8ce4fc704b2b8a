/**
 * The rules of the first-run "Utwórz ośrodek" form: the protocol's SetupRequestSchema (the same
 * rules the server applies) plus the password repeat check, as one error per field. The setup
 * code is asked for once on the first-run page (setup-code.ts), for this form and the demo alike.
 */
import * as v from 'valibot';
import { SetupRequestSchema, passwordIssue, type SetupRequest } from '../../../protocol';
import { issueCode, type FieldErrorCode } from './form-errors';

export const SETUP_FIELDS = ['organizationName', 'city', 'unitName', 'unitKind', 'adminName', 'login', 'password', 'passwordRepeat'] as const;
export type SetupField = (typeof SETUP_FIELDS)[number];
export type SetupFormValues = Record<SetupField, string>;
export type SetupFormErrors = Partial<Record<SetupField, FieldErrorCode>>;

/** An empty form (no unit kind chosen yet). */
export const EMPTY_SETUP_FORM: SetupFormValues = {
  organizationName: '', city: '', unitName: '', unitKind: '', adminName: '', login: '', password: '', passwordRepeat: '',
};

/** The form's part of the setup request (the first-run page adds the setup code). */
export type SetupFormRequest = Omit<SetupRequest, 'setupCode'>;
const SetupFormSchema = v.omit(SetupRequestSchema, ['setupCode']);

/** Either the request to send, or the first error of each invalid field. */
export type SetupValidation = { ok: true; request: SetupFormRequest } | { ok: false; errors: SetupFormErrors };

/** Validates the form exactly as the server will, and checks that both passwords match. */
export function validateSetupForm(values: SetupFormValues): SetupValidation {
  const { passwordRepeat, ...fields } = values;
  const result = v.safeParse(SetupFormSchema, fields);
  const errors: SetupFormErrors = {};
  if (!result.success) {
    for (const issue of result.issues) {
      const key = issue.path?.[0]?.key;
      const field = SETUP_FIELDS.find((f) => f === key);
      if (!field || errors[field]) continue;
      const empty = values[field].trim() === '' && field !== 'unitKind';
      errors[field] = empty ? 'required' : issueCode(issue.message, issue.type);
    }
  }
  // The server also refuses common passwords and Polish words (passwordTooCommon): shown from its answer.
  if (!errors.password && values.password !== '') {
    const weak = passwordIssue(values.password, { login: values.login, displayName: values.adminName });
    if (weak) errors.password = weak;
  }
  if (passwordRepeat === '') errors.passwordRepeat = 'required';
  else if (passwordRepeat !== values.password) errors.passwordRepeat = 'passwordMismatch';
  if (result.success && Object.keys(errors).length === 0) return { ok: true, request: result.output };
  return { ok: false, errors };
}

/** True when the user has typed anything (the form then holds unsaved work). */
export function isSetupFormDirty(values: SetupFormValues): boolean {
  return SETUP_FIELDS.some((f) => values[f] !== EMPTY_SETUP_FORM[f]);
}
