/**
 * The rules of the login form: the protocol's LoginRequestSchema, as one error per field.
 */
import * as v from 'valibot';
import { LoginRequestSchema, type LoginRequest } from '../../../protocol';
import { issueCode, type FieldErrorCode } from './form-errors';

export const LOGIN_FIELDS = ['login', 'password', 'deviceName'] as const;
export type LoginField = (typeof LOGIN_FIELDS)[number];
export type LoginFormValues = Record<LoginField, string>;
export type LoginFormErrors = Partial<Record<LoginField, FieldErrorCode>>;

/** Either the request to send, or the first error of each invalid field. */
export type LoginValidation = { ok: true; request: LoginRequest } | { ok: false; errors: LoginFormErrors };

/** Validates the login form exactly as the server will. */
export function validateLoginForm(values: LoginFormValues): LoginValidation {
  const result = v.safeParse(LoginRequestSchema, values);
  if (result.success) return { ok: true, request: result.output };
  const errors: LoginFormErrors = {};
  for (const issue of result.issues) {
    const field = LOGIN_FIELDS.find((f) => f === issue.path?.[0]?.key);
    if (field && !errors[field]) errors[field] = issueCode(issue.message, issue.type);
  }
  return { ok: false, errors };
}
