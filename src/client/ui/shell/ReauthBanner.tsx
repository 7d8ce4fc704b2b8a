/**
 * "Logowanie wygasło": the server refused this device's sign-in without revoking it (issue 14.5).
 * The data and the changes waiting stay; the signed-in person types their password here and the
 * device syncs again. (A revoked device or a disabled account is wiped instead, state/wipe.ts.)
 */
import { useState } from 'preact/hooks';
import { useT } from '../../i18n';
import { signInAgain, useLocalSession, useSyncStatus, type AppError } from '../../state';
import { TextField } from '../components/TextField';
import { errorKey } from '../error-message';

export function ReauthBanner() {
  const t = useT();
  const { lastError } = useSyncStatus();
  const session = useLocalSession().data;
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);
  if (lastError?.code !== 'unauthorized' || !session) return null;
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    const result = await signInAgain(password);
    setBusy(false);
    if (result.ok) setPassword('');
    else setFailure(result.error);
  };
  return (
    <section class="banner banner--warning reauth" aria-labelledby="reauth-title">
      <div class="banner__text">
        <h2 id="reauth-title" class="banner__title">{t('reauth.title')}</h2>
        <p>{t('reauth.body', { login: session.login })}</p>
      </div>
      <form class="reauth__form" onSubmit={(e) => void submit(e)}>
        <TextField id="reauth-password" label={t('reauth.password')} type="password" autoComplete="current-password" value={password} onInput={setPassword}
          error={failure ? t(failure.code === 'unauthorized' ? 'login.wrongCredentials' : errorKey(failure)) : undefined} />
        <button type="submit" class="button button--primary" disabled={busy || password === ''}>{t('reauth.submit')}</button>
      </form>
    </section>
  );
}
