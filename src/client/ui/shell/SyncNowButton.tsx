/** "Synchronizuj teraz": starts a sync at once; disabled while one runs or when offline. */
import { useT } from '../../i18n';
import { syncNow, useSyncStatus } from '../../state';
import { Icon } from '../components/Icon';

/** A button that asks the sync engine to push and pull now. */
export function SyncNowButton({ class: className = 'button button--ghost' }: { class?: string }) {
  const t = useT();
  const status = useSyncStatus();
  return (
    <button type="button" class={className} disabled={!status.online || status.syncing} onClick={() => void syncNow()}>
      <Icon name="sync" />
      <span class="sync-now__label">{t('sync.now')}</span>
    </button>
  );
}
