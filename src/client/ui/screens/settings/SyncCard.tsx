/** Sync status in Settings: the badge, the last error in words, the changes the server refused, and "Synchronizuj teraz". */
import { useT } from '../../../i18n';
import { useSyncStatus } from '../../../state';
import { errorKey } from '../../error-message';
import { SyncBadge } from '../../shell/SyncBadge';
import { SyncNowButton } from '../../shell/SyncNowButton';
import { RejectedChanges } from './RejectedChanges';

/** The sync card of Settings. */
export function SyncCard() {
  const t = useT();
  const status = useSyncStatus();
  return (
    <section class="card" aria-labelledby="settings-sync">
      <h2 id="settings-sync" class="card__title">{t('settings.sync')}</h2>
      <SyncBadge />
      {status.lastError && <p class="callout callout--error">{t('sync.lastError', { message: t(errorKey(status.lastError)) })}</p>}
      <RejectedChanges />
      <SyncNowButton class="button button--secondary" />
    </section>
  );
}
