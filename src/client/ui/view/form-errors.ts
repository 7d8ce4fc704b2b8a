/**
 * Validation issues (from valibot here, or from the server's `issues`) turned into one error code
 * per form field, which the form shows next to the field in the user's language.
 */
import type { TextKey } from '../../i18n';

/** The field error codes the forms can show. */
export type FieldErrorCode = 'required' | 'tooLong' | 'invalidLogin' | 'passwordTooShort' | 'passwordMismatch' | 'passwordIsLogin' | 'passwordTooCommon'
  | 'wrongPassword' | 'invalidChoice' | 'wrongSetupCode' | 'invalid';

const KNOWN: readonly FieldErrorCode[] = [
  'required', 'tooLong', 'invalidLogin', 'passwordTooShort', 'passwordMismatch', 'passwordIsLogin', 'passwordTooCommon', 'wrongPassword', 'invalidChoice', 'wrongSetupCode', 'invalid',
];

/** valibot issue types without a custom message, mapped to what the user should read. */
const BY_TYPE: Readonly<Record<string, FieldErrorCode>> = {
  min_length: 'required',
  max_length: 'tooLong',
  picklist: 'invalidChoice',
  string: 'required',
};

/** The message key of a field error code. */
export function fieldErrorKey(code: FieldErrorCode): TextKey {
  return `form.error.${code}`;
}

/** One code for an issue: its custom message when we know it, else one derived from its type. */
export function issueCode(message: string, type?: string): FieldErrorCode {
  const known = KNOWN.find((k) => k === message);
  if (known) return known;
  return (type && BY_TYPE[type]) || 'invalid';
}

/** The first error of each field, from issues with a dotted `path` and a `code` (server format). */
export function errorsFromIssues<F extends string>(issues: readonly { path: string; code: string }[], fields: readonly F[]): Partial<Record<F, FieldErrorCode>> {
  const errors: Partial<Record<F, FieldErrorCode>> = {};
  for (const issue of issues) {
    const field = fields.find((f) => f === issue.path.split('.')[0]);
    if (field && !errors[field]) errors[field] = issueCode(issue.code);
  }
  return errors;
}
