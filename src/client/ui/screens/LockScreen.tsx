/**
 * The idle lock: nothing of the app is rendered behind it (no screen of the previous user can be
 * read), only the name of who is signed in, a PIN field (the full password after too many wrong
 * PINs), how many attempts are left before the device's data is wiped, and the way out for
 * another person (which still names the changes a sign-out would lose).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../../i18n';
import { MAX_PIN_FAILURES, needsPassword, unlock, useLocalSession, useLock } from '../../state';
import { LazyScreen } from '../shell/LazyScreen';
import { StandaloneLayout } from '../shell/StandaloneLayout';

/** The sign-out dialog is rarely opened from the lock, so its code loads when it is. */
const loadSignOutDialog = () => import('../components/SignOutDialog').then((m) => m.SignOutDialog);

export function LockScreen() {
  const t = useT();
  const session = useLocalSession().data;
  const lock = useLock();
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const byPassword = needsPassword(lock);
  useEffect(() => input.current?.focus(), [byPassword]);
  const pinsLeft = MAX_PIN_FAILURES - lock.failures;
  const beforeWipe = lock.wipeAfter - lock.failures;
  const failed = lock.failures > 0;

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    // Cleared at once, so what is typed after the answer is never wiped by it.
    setSecret('');
    const ok = await unlock(secret);
    setBusy(false);
    if (!ok) input.current?.focus();
  };

  const error = byPassword
    ? [lock.failures > MAX_PIN_FAILURES ? t('lock.wrongPassword') : '', t('lock.wipeWarning', { count: beforeWipe })].filter(Boolean).join(' ')
    : t('lock.wrong', { count: pinsLeft });

  return (
    <StandaloneLayout>
      <section class="card lock" aria-labelledby="lock-title">
        <h1 id="lock-title" class="screen__title">{t('lock.title')}</h1>
        {session && <p>{t('lock.signedIn', { name: session.displayName })}</p>}
        <p class="muted">{t(byPassword ? 'lock.passwordBody' : 'lock.body')}</p>
        {!byPassword || lock.hasPassword ? (
          <form class="form" onSubmit={(e) => void submit(e)}>
            <div class={failed ? 'field field--invalid' : 'field'}>
              {byPassword ? (
                <>
                  <label class="field__label" for="lock-password">{t('lock.password')}</label>
                  <input key="password" ref={input} id="lock-password" class="input" type="password" autoComplete="current-password" value={secret}
                    onInput={(e) => setSecret(e.currentTarget.value)} aria-describedby="lock-error" aria-invalid="true" />
                </>
              ) : (
                <>
                  <label class="field__label" for="lock-pin">{t('lock.pin')}</label>
                  <input key="pin" ref={input} id="lock-pin" class="input input--pin" type="password" inputMode="numeric" autoComplete="off" maxLength={8}
                    value={secret} onInput={(e) => setSecret(e.currentTarget.value.replace(/\D/g, ''))}
                    aria-describedby={failed ? 'lock-error' : undefined} aria-invalid={failed ? 'true' : undefined} />
                </>
              )}
              {failed && <p id="lock-error" class="field__error" role="alert">{error}</p>}
            </div>
            <button type="submit" class="button button--primary button--wide" disabled={busy || (byPassword ? secret.length === 0 : secret.length < 4)}>{t('lock.unlock')}</button>
          </form>
        ) : (
          <p class="callout callout--error" role="alert">{t('lock.tooMany')}</p>
        )}
        <button type="button" class="button button--secondary button--wide" onClick={() => setLeaving(true)}>{t('lock.otherPerson')}</button>
        {leaving && <LazyScreen load={loadSignOutDialog} props={{ id: 'lock-leave', allowExport: false, onCancel: () => setLeaving(false) }} />}
      </section>
    </StandaloneLayout>
  );
}
