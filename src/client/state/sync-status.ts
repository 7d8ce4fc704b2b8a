/**
 * The sync status the user reads (online, changes waiting, last sync, last error) and the
 * "sync now" action. The engine reports into a signal; `online` follows the browser's events.
 * After each successful sync the queue of export audit entries is sent too.
 */
import type { AppDB } from '../storage/db';
import type { StoredSession } from '../storage/meta';
import { listRejectedChanges, type RejectedChanges } from '../storage/rejected';
import { SyncEngine, type EngineStatus } from '../sync/engine';
import { syncFailure } from './errors';
import { useLiveQuery } from './live-query';
import { flushPendingExports } from './export-audit';
import { runtime, setClockOffset } from './runtime';
import type { QueryResult, SyncStatus } from './types';
import { noteStorageUse } from './storage-status';
import { wipeDevice } from './wipe';

function fromEngine(status: EngineStatus): void {
  // Revoked or disabled: the device must not keep the records (issue 14.5); the sign-in page says why.
  if (status.lastError === 'deviceRevoked' || status.lastError === 'accountDisabled') {
    void wipeDevice(status.lastError);
    return;
  }
  // A sync that went through means the server answers: audit entries of exports made offline go now,
  // not only when someone next opens the reports screen.
  if (status.lastSyncAtMs !== null && status.lastSyncAtMs !== runtime.sync.value.lastSyncAt) {
    void flushPendingExports().catch(() => undefined);
    noteStorageUse();
  }
  runtime.sync.value = {
    ...runtime.sync.value,
    syncing: status.syncing,
    pending: status.pending,
    lastSyncAt: status.lastSyncAtMs,
    lastError: syncFailure(status.lastError),
    otherTab: status.elsewhere,
  };
  if (status.clockOffsetMs !== null) setClockOffset(status.clockOffsetMs);
}

/** Creates and starts the engine for a signed-in session. */
export function startSyncEngine(db: AppDB, session: StoredSession): void {
  stopSyncEngine();
  const engine = new SyncEngine({ db, session, transport: runtime.config.transport, nowMs: runtime.config.nowMs, onStatus: fromEngine });
  runtime.engine = engine;
  if (runtime.config.autoSync) engine.start();
  else void engine.refreshCounts().catch(() => undefined);
}

export function stopSyncEngine(): void {
  runtime.engine?.stop();
  runtime.engine = null;
}

/** Follows the browser's online/offline events. */
export function watchConnectivity(): void {
  if (typeof window === 'undefined') return;
  const update = () => {
    runtime.sync.value = { ...runtime.sync.value, online: navigator.onLine };
  };
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  update();
}

export function useSyncStatus(): SyncStatus {
  return runtime.sync.value;
}

/** How many refused changes the sync card lists (the newest). */
export const REJECTED_LISTED = 20;

const readRejected = (db: AppDB) => listRejectedChanges(db, REJECTED_LISTED);

/** The changes the server refused for good (or that were too large or unreadable to send), newest first. */
export function useRejectedChanges(): QueryResult<RejectedChanges> {
  return useLiveQuery(readRejected, []);
}

/** Syncs now (the button); resolves when the run is over, whatever its outcome (shown in the status). */
export async function syncNow(): Promise<void> {
  await runtime.engine?.sync();
}
