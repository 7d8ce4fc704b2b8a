/**
 * Sign-in on a device that has no session yet (the organization exists on the server).
 * The device name helps the administrator tell tablets apart; it is prefilled with "Tablet".
 * An account with a second factor is answered `totpRequired` after the right password: the form
 * then shows a field for the authenticator app's code (or a recovery code) and sends it along.
 */
import { useState } from 'preact/hooks';
import { useT } from '../../i18n';
import { login, useWipeNotice, type AppError } from '../../state';
import { TextField } from '../components/TextField';
import { errorKey } from '../error-message';
import { StandaloneLayout } from '../shell/StandaloneLayout';
import { InstallNotice } from '../shell/InstallNotice';
import { StorageWarning } from '../shell/StorageWarning';
import { fieldErrorKey } from '../view/form-errors';
import { LOGIN_FIELDS, validateLoginForm, type LoginField, type LoginFormErrors, type LoginFormValues } from '../view/login-form';

/** The login page. */
export function LoginScreen() {
  const t = useT();
  const [values, setValues] = useState<LoginFormValues>(() => ({ login: '', password: '', deviceName: t('login.deviceDefault') }));
  const [errors, setErrors] = useState<LoginFormErrors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);
  const [otp, setOtp] = useState<string | null>(null);
  const wiped = useWipeNotice();
  const set = (field: LoginField) => (value: string) => setValues({ ...values, [field]: value });
  const errorOf = (field: LoginField) => (errors[field] ? t(fieldErrorKey(errors[field])) : undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    const check = validateLoginForm(values);
    if (!check.ok) {
      setErrors(check.errors);
      const first = LOGIN_FIELDS.find((f) => check.errors[f]);
      if (first) document.getElementById(`login-${first}`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    const result = await login({ ...check.request, ...(otp ? { otp } : {}) });
    if (result.ok) return;
    setBusy(false);
    setFailure(result.error);
    if (result.error.code === 'totpRequired') {
      setOtp((current) => current ?? '');
      requestAnimationFrame(() => document.getElementById('login-otp')?.focus());
    }
  };
  const failureText = (f: AppError) => {
    if (f.code === 'unauthorized') return t(otp !== null ? 'login.wrongCode' : 'login.wrongCredentials');
    return t(errorKey(f));
  };

  return (
    <StandaloneLayout>
      <section class="card login" aria-labelledby="login-title">
        <h1 id="login-title" class="card__title">{t('login.title')}</h1>
        {wiped && (
          <div class="callout callout--warning" role="alert">
            <p><strong>{t('wipe.title')}</strong></p>
            <p>{t(wiped === 'lockFailures' ? 'wipe.lockFailures' : wiped === 'deviceRevoked' ? 'error.deviceRevoked' : 'error.accountDisabled')}</p>
          </div>
        )}
        <StorageWarning look="callout" />
        <InstallNotice look="callout" />
        <p>{t('login.intro')}</p>
        <form class="form" noValidate onSubmit={(e) => void submit(e)}>
          <TextField id="login-login" label={t('login.login')} value={values.login} onInput={set('login')} autoComplete="username" required error={errorOf('login')} />
          <TextField id="login-password" label={t('login.password')} value={values.password} onInput={set('password')} type="password" autoComplete="current-password" required error={errorOf('password')} />
          {otp !== null && (
            <TextField id="login-otp" label={t('login.code')} value={otp} onInput={setOtp} hint={t('login.codeHint')} autoComplete="one-time-code" required />
          )}
          <TextField id="login-deviceName" label={t('login.deviceName')} value={values.deviceName} onInput={set('deviceName')} hint={t('login.deviceNameHint')} autoComplete="off" error={errorOf('deviceName')} />
          <div class="form__status" role="alert">
            {failure && <p class="callout callout--error">{failureText(failure)}</p>}
          </div>
          <button type="submit" class="button button--primary button--wide" disabled={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </section>
    </StandaloneLayout>
  );
}
