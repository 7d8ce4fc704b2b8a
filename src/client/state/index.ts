/**
 * The state layer's core: what the shell and the first screens (Today, Settings, first run, login,
 * lock) need, and the shared words every feature uses. Reads are hooks returning
 * `{ data, isLoading, error }`; writes and sign-in changes are actions returning `{ ok }` or an
 * AppError. Each feature has its own module, imported by its screens:
 * `state/attendance`, `state/register`, `state/plan`, `state/transport`, `state/meals`,
 * `state/reports` and `state/admin` (accounts and devices). What this module exports loads with
 * the first page.
 */
export type {
  ActionResult, AppError, AppErrorCode, DaySession, LocalSession, QueryResult, Reminder, StorageInfo, SyncStatus, TodayOverview,
} from './types';
export type { RouteWithStops } from '../storage/queries';
export { startApp } from './boot';
export { configureRuntime } from './runtime';
export {
  currentTime, selectUnit, useActivities, useCurrentUnit, useOrganization, useParticipants, useRooms, useRoutes, useStaff,
  useToday, useTodayOverview, useUnits, type CurrentUnit,
} from './data-hooks';
export {
  exportPendingChanges, loadDemoCentre, login, logoutAndWipe, prepareSignOut, setupOrganization, signInAgain, type PendingChanges,
} from './session';
export { useWipeNotice, type WipeReason } from './wipe';
export { dismissInstallNotice, useInstallNotice } from './install';
export { syncNow, useRejectedChanges, useSyncStatus } from './sync-status';
export { useClockWarning, type ClockWarning } from './clock';
export type { RejectedChange, RejectedChanges } from '../storage/rejected';
export { requestPersistentStorage, useStorageInfo, useStorageProblem, useStorageWarning, type StorageWarning } from './storage-status';
export { applyUpdate, useHasUnsavedWork, useUnsavedWork, useUpdateAvailable } from './sw-bridge';
export { saveChanges, type Change } from './actions';
export { useSetupStatus, useLocalSession } from './session-hooks';
export {
  DEFAULT_LOCK_MINUTES, LOCK_MINUTES_CHOICES, MAX_PIN_FAILURES, WIPE_AFTER_CHOICES, isValidPin, lockNow, needsPassword, setLockMinutes, setPin,
  setWipeAfter, unlock, useLock, type LockState,
} from './lock';
export { loadHistory, type HistoryEntry } from './history';
export { pendingExportCount, recordPrint } from './export-audit';
