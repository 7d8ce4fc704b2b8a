/** What the form's sections share: the values, a setter, and the messages of errors and warnings. */
import type { TextKey, Translate } from '../../../i18n';
import type { ParticipantFields } from '../../../state/register';

export interface FormBinding {
  values: ParticipantFields;
  set: (patch: Partial<ParticipantFields>) => void;
  /** The translated error of a field path, when the form was submitted and the field is wrong. */
  error: (path: string) => string | undefined;
  /** The translated warning of a field path (shown at once; it never blocks saving). */
  warning: (path: string) => string | undefined;
  t: Translate;
}

const KNOWN = new Set([
  'required', 'tooLong', 'invalidDay', 'invalidTime', 'peselFormat', 'peselChecksum', 'peselDate', 'peselBirthDateMismatch', 'invalidPhone',
  'invalidPostalCode', 'admissionBeforeBirth', 'dischargeBeforeAdmission', 'dischargeDateRequired', 'reviewBeforeStart', 'invalidOption', 'invalidType',
  'duplicateWeekday', 'invalidWeekday', 'invalidYesNo', 'unknownStudio', 'columnMissing', 'toBeforeFrom', 'invalidEmail', 'loginTaken', 'invalidLogin',
  'passwordTooShort', 'passwordIsLogin', 'passwordTooCommon', 'wrongPassword',
]);

/** The message key of an error code (a generic one for codes without their own sentence). */
export function errorMessageKey(code: string): TextKey {
  return (KNOWN.has(code) ? `form.error.${code}` : 'form.error.invalid') as TextKey;
}

const WARNINGS = new Set(['seniorUnder60', 'certificateExpired', 'rehabReviewOverdue']);

/** The message key of a warning code. */
export function warningMessageKey(code: string): TextKey {
  return (WARNINGS.has(code) ? `form.warning.${code}` : 'form.warning.check') as TextKey;
}
