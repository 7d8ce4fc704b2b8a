/**
 * The idle lock: nothing of the app is rendered behind it (no screen of the previous user can be
 * read), only the name of who is signed in, a PIN field, and the way out for another person.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../../i18n';
import { MAX_PIN_FAILURES, logoutAndWipe, unlock, useLocalSession, useLock } from '../../state';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { StandaloneLayout } from '../shell/StandaloneLayout';

export function LockScreen() {
  const t = useT();
  const session = useLocalSession().data;
  const lock = useLock();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const left = MAX_PIN_FAILURES - lock.failures;

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const ok = await unlock(pin);
    setBusy(false);
    if (!ok) {
      setPin('');
      input.current?.focus();
    }
  };

  return (
    <StandaloneLayout>
      <section class="card lock" aria-labelledby="lock-title">
        <h1 id="lock-title" class="screen__title">{t('lock.title')}</h1>
        {session && <p>{t('lock.signedIn', { name: session.displayName })}</p>}
        <p class="muted">{t('lock.body')}</p>
        {left > 0 ? (
          <form class="form" onSubmit={(e) => void submit(e)}>
            <div class={lock.failures > 0 ? 'field field--invalid' : 'field'}>
              <label class="field__label" for="lock-pin">{t('lock.pin')}</label>
              <input ref={input} id="lock-pin" class="input input--pin" type="password" inputMode="numeric" autoComplete="off" maxLength={8}
                value={pin} onInput={(e) => setPin(e.currentTarget.value.replace(/\D/g, ''))}
                aria-describedby={lock.failures > 0 ? 'lock-error' : undefined} aria-invalid={lock.failures > 0 ? 'true' : undefined} />
              {lock.failures > 0 && <p id="lock-error" class="field__error" role="alert">{t('lock.wrong', { count: left })}</p>}
            </div>
            <button type="submit" class="button button--primary button--wide" disabled={busy || pin.length < 4}>{t('lock.unlock')}</button>
          </form>
        ) : (
          <p class="callout callout--error" role="alert">{t('lock.tooMany')}</p>
        )}
        <button type="button" class="button button--secondary button--wide" onClick={() => setLeaving(true)}>{t('lock.otherPerson')}</button>
        {leaving && (
          <ConfirmDialog id="lock-leave" title={t('settings.logoutTitle')} confirmLabel={t('settings.logoutConfirm')}
            onConfirm={() => void logoutAndWipe()} onCancel={() => setLeaving(false)}>
            <p>{t('settings.logoutBody')}</p>
          </ConfirmDialog>
        )}
      </section>
    </StandaloneLayout>
  );
}
