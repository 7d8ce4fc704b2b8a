/**
 * "Utwórz ośrodek": organization, first unit and administrator account. Validated with the
 * protocol's SetupRequestSchema (plus the password repeat) on submit and then on every change;
 * each error sits under its field, and the first invalid field gets the focus.
 */
import { useState } from 'preact/hooks';
import { UNIT_KINDS } from '../../../../domain';
import { useT } from '../../../i18n';
import { setupOrganization, useUnsavedWork, type AppError } from '../../../state';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { errorKey } from '../../error-message';
import { errorsFromIssues, fieldErrorKey } from '../../view/form-errors';
import {
  EMPTY_SETUP_FORM, SETUP_FIELDS, isSetupFormDirty, validateSetupForm, type SetupField, type SetupFormErrors,
} from '../../view/setup-form';
import type { SetupCodeInput } from './useSetupCode';

const TEXT_FIELDS = [
  { field: 'organizationName', label: 'firstRun.organizationName', hint: 'firstRun.organizationNameHint', auto: 'organization', required: true },
  { field: 'city', label: 'firstRun.city', auto: 'address-level2', required: false },
  { field: 'unitName', label: 'firstRun.unitName', required: true },
] as const;

const ACCOUNT_FIELDS = [
  { field: 'adminName', label: 'firstRun.adminName', auto: 'name', type: 'text' },
  { field: 'login', label: 'firstRun.login', hint: 'firstRun.loginHint', auto: 'username', type: 'text' },
  { field: 'password', label: 'firstRun.password', hint: 'firstRun.passwordHint', auto: 'new-password', type: 'password' },
  { field: 'passwordRepeat', label: 'firstRun.passwordRepeat', auto: 'new-password', type: 'password' },
] as const;

/** The setup form, sent with the page's setup code; on success the state layer signs in and the app opens. */
export function SetupForm({ code }: { code: SetupCodeInput }) {
  const t = useT();
  const [values, setValues] = useState(EMPTY_SETUP_FORM);
  const [errors, setErrors] = useState<SetupFormErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<AppError | null>(null);
  useUnsavedWork(isSetupFormDirty(values));

  const set = (field: SetupField) => (value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    if (submitted) {
      const check = validateSetupForm(next);
      setErrors(check.ok ? {} : check.errors);
    }
  };
  const errorOf = (field: SetupField) => (errors[field] ? t(fieldErrorKey(errors[field])) : undefined);
  const focusFirst = (found: SetupFormErrors) => {
    const first = SETUP_FIELDS.find((f) => found[f]);
    if (first) document.getElementById(`setup-${first}`)?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setSubmitted(true);
    setServerError(null);
    const check = validateSetupForm(values);
    if (!check.ok) {
      setErrors(check.errors);
      focusFirst(check.errors);
      return;
    }
    setErrors({});
    const setupCode = code.take();
    if (setupCode === null) return;
    setBusy(true);
    const result = await setupOrganization({ ...check.request, setupCode });
    if (result.ok) return;
    setBusy(false);
    if (code.refused(result.error)) return;
    const fromServer = errorsFromIssues(result.error.issues ?? [], SETUP_FIELDS);
    setErrors(fromServer);
    setServerError(result.error);
    focusFirst(fromServer);
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <section class="card choice" aria-labelledby="setup-title">
      <h2 id="setup-title" class="card__title">{t('firstRun.createTitle')}</h2>
      <p>{t('firstRun.createBody')}</p>
      <form class="form" noValidate onSubmit={(e) => void submit(e)}>
        {TEXT_FIELDS.map((f) => (
          <TextField key={f.field} id={`setup-${f.field}`} label={t(f.label)} value={values[f.field]} onInput={set(f.field)}
            hint={'hint' in f ? t(f.hint) : undefined} autoComplete={'auto' in f ? f.auto : 'off'} required={f.required} error={errorOf(f.field)} />
        ))}
        <SelectField id="setup-unitKind" label={t('firstRun.unitKind')} value={values.unitKind} onChange={set('unitKind')} required
          placeholder={t('firstRun.unitKindPlaceholder')} error={errorOf('unitKind')}
          options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))} />
        {ACCOUNT_FIELDS.map((f) => (
          <TextField key={f.field} id={`setup-${f.field}`} label={t(f.label)} value={values[f.field]} onInput={set(f.field)} type={f.type}
            hint={'hint' in f ? t(f.hint) : undefined} autoComplete={f.auto} required error={errorOf(f.field)} />
        ))}
        <div class="form__status" role="alert">
          {serverError ? <p class="callout callout--error">{t(errorKey(serverError))}</p> : hasErrors && <p class="field__error">{t('firstRun.fixErrors')}</p>}
        </div>
        <button type="submit" class="button button--primary button--wide" disabled={busy}>
          {busy ? t('firstRun.submitting') : t('firstRun.submit')}
        </button>
      </form>
    </section>
  );
}
