/**
 * The online/offline badge: "Offline · 3 zmiany czekają", "Synchronizacja…", "Zsynchronizowano 12:04".
 * A polite live region, so a screen reader hears when the connection or the queue changes.
 */
import { useFormat, useT } from '../../i18n';
import { useSyncStatus, useToday } from '../../state';
import { summarizeSync } from '../view/sync-summary';

/** The sync state in words and colour, for the header and the Settings screen. */
export function SyncBadge() {
  const t = useT();
  const f = useFormat();
  const today = useToday();
  const summary = summarizeSync(useSyncStatus());
  const pending = summary.pending > 0 ? t('sync.pending', { count: summary.pending }) : null;
  const synced = summary.lastSyncAt !== null ? t('sync.synced', { time: f.timestamp(summary.lastSyncAt, today) }) : t('sync.notYet');
  let parts: string[];
  switch (summary.tone) {
    case 'offline':
      parts = [t('sync.offline'), pending ?? t('sync.allSaved')];
      break;
    case 'syncing':
      parts = [t('sync.syncing')];
      break;
    case 'otherTab':
      parts = [t('sync.otherTab'), pending ?? synced];
      break;
    case 'error':
      parts = [t('sync.failed'), ...(pending ? [pending] : [])];
      break;
    case 'pending':
      parts = [t('sync.online'), pending ?? ''];
      break;
    case 'synced':
      parts = [synced];
      break;
  }
  return (
    <p class={`sync-badge sync-badge--${summary.tone}`} role="status">
      <span class="sync-badge__dot" aria-hidden="true" />
      <span class="sync-badge__text">{parts.join(' · ')}</span>
    </p>
  );
}
