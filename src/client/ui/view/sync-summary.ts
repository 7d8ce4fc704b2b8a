/**
 * What the sync badge says, decided from the sync status: offline, syncing, changes waiting,
 * last error or the time of the last successful sync.
 */
import type { SyncStatus } from '../../state';

/** The badge's colour and wording. */
export type SyncTone = 'offline' | 'syncing' | 'otherTab' | 'pending' | 'error' | 'synced';

export interface SyncSummary {
  tone: SyncTone;
  /** Changes still waiting to be sent (0 when none). */
  pending: number;
  /** The last successful sync time, when known. */
  lastSyncAt: number | null;
}

/** Offline wins over everything (nothing can be sent), then a running sync, then an error. */
export function summarizeSync(status: SyncStatus): SyncSummary {
  const base = { pending: status.pending, lastSyncAt: status.lastSyncAt };
  if (!status.online) return { tone: 'offline', ...base };
  if (status.syncing) return { tone: 'syncing', ...base };
  if (status.otherTab) return { tone: 'otherTab', ...base };
  if (status.lastError) return { tone: 'error', ...base };
  if (status.pending > 0) return { tone: 'pending', ...base };
  return { tone: 'synced', ...base };
}
