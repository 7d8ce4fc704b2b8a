/**
 * Who is signed in, and "Wyloguj i usuń dane z tego urządzenia" behind a confirmation that sends
 * what waits first and names the changes that would be lost (SignOutDialog).
 */
import { useState } from 'preact/hooks';
import { useT } from '../../../i18n';
import { useLocalSession } from '../../../state';
import { SignOutDialog } from '../../components/SignOutDialog';

/** The account card of Settings. */
export function AccountCard() {
  const t = useT();
  const session = useLocalSession().data;
  const [open, setOpen] = useState(false);
  return (
    <section class="card" aria-labelledby="settings-account">
      <h2 id="settings-account" class="card__title">{t('settings.account')}</h2>
      {session && <p>{t('settings.signedInAs', { name: session.displayName, login: session.login })}</p>}
      <p class="muted">{t('settings.logoutBody')}</p>
      <button type="button" class="button button--danger" onClick={() => setOpen(true)}>{t('settings.logout')}</button>
      {open && <SignOutDialog id="logout-dialog" allowExport onCancel={() => setOpen(false)} />}
    </section>
  );
}
