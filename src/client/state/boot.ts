/**
 * Starting the app: open the device database, restore the session (or ask the server whether it
 * is set up), follow connectivity, keep "today" current, and register the service worker.
 */
import { toAppError } from './errors';
import { refreshToday, runtime } from './runtime';
import { openDeviceDb, restoreSession } from './session';
import { reportStorageProblem, watchStorage } from './storage-status';
import { registerServiceWorker } from './sw-bridge';
import { watchConnectivity } from './sync-status';

/** How often "today" is re-read (a tablet left on overnight turns the page at midnight). */
const TODAY_TICK_MS = 30_000;

let started: Promise<void> | null = null;

/** Starts the data layer once; later calls return the same promise. */
export function startApp(): Promise<void> {
  started ??= (async () => {
    watchConnectivity();
    registerServiceWorker();
    setInterval(refreshToday, TODAY_TICK_MS);
    try {
      const db = await openDeviceDb();
      runtime.db.value = db;
      await restoreSession(db);
      void watchStorage();
    } catch (error) {
      const appError = toAppError(error);
      reportStorageProblem(appError);
      runtime.session.value = { data: undefined, isLoading: false, error: appError };
    }
  })();
  return started;
}
