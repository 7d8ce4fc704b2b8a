/**
 * Who is signed in, and "Wyloguj i usuń dane z tego urządzenia" behind a confirmation that warns
 * about changes not yet sent (they would be lost with the local data).
 */
import { useState } from 'preact/hooks';
import { useT } from '../../../i18n';
import { logoutAndWipe, useLocalSession, useSyncStatus } from '../../../state';
import { ConfirmDialog } from '../../components/ConfirmDialog';

/** The account card of Settings. */
export function AccountCard() {
  const t = useT();
  const session = useLocalSession().data;
  const { pending } = useSyncStatus();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    await logoutAndWipe();
  };
  return (
    <section class="card" aria-labelledby="settings-account">
      <h2 id="settings-account" class="card__title">{t('settings.account')}</h2>
      {session && <p>{t('settings.signedInAs', { name: session.displayName, login: session.login })}</p>}
      <p class="muted">{t('settings.logoutBody')}</p>
      <button type="button" class="button button--danger" onClick={() => setOpen(true)}>{t('settings.logout')}</button>
      {open && (
        <ConfirmDialog
          id="logout-dialog"
          title={t('settings.logoutTitle')}
          confirmLabel={busy ? t('settings.loggingOut') : t('settings.logoutConfirm')}
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={() => setOpen(false)}
        >
          <p>{t('settings.logoutBody')}</p>
          {pending > 0 && <p class="callout callout--warning">{t('settings.logoutUnsent', { count: pending })}</p>}
        </ConfirmDialog>
      )}
    </section>
  );
}
