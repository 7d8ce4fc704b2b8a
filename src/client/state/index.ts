/**
 * The state layer's public face: the module screens import for data. Reads are hooks returning
 * `{ data, isLoading, error }`; writes and session changes are actions returning `{ ok }` or an
 * AppError. The lazily loaded screens' own parts have faces of their own (`planner`, `reporting`,
 * `registry`, `kitchen`, `route-editing`): what is exported here loads with the first page, so
 * their computations would otherwise be in the initial bundle.
 */
export type {
  ActionResult, AppError, AppErrorCode, DaySession, LocalSession, QueryResult, Reminder, StorageInfo, SyncStatus, TodayOverview,
} from './types';
export type { RouteWithStops } from '../storage/queries';
export { startApp } from './boot';
export { configureRuntime } from './runtime';
export {
  selectUnit, useActivities, useCurrentUnit, useOrganization, useParticipants, useRooms, useRoutes, useStaff,
  useToday, useTodayOverview, useUnits, type CurrentUnit,
} from './data-hooks';
export { loadDemoCentre, login, logoutAndWipe, setupOrganization } from './session';
export { syncNow, useRejectedChanges, useSyncStatus } from './sync-status';
export type { RejectedChange, RejectedChanges } from '../storage/rejected';
export { requestPersistentStorage, useStorageInfo, useStorageProblem } from './storage-status';
export { applyUpdate, useHasUnsavedWork, useUnsavedWork, useUpdateAvailable } from './sw-bridge';
export { saveChanges, type Change } from './actions';
export { useSetupStatus, useLocalSession } from './session-hooks';
export {
  clearDayMark, currentTime, deleteAbsenceNotice, forgetLastChange, markDay, markRemainingPresent, markSession,
  saveAbsenceNotice, saveStudioLog, undoLastChange, useLastChange, type NoticeInput, type UndoInfo,
} from './attendance';
export { useAttendanceDay, type AttendanceDay } from './attendance-hooks';
export type { ExportLogEntry } from '../../protocol';
export type { MonthlySheet, PeriodReport, PersonPeriod, ReportPeriod } from '../../domain';
export { markStop, useNotHome, usePickupLists, type PickupListWithEvents } from './transport';
export type { PickupList, PickupStop } from '../../domain';
export {
  DEFAULT_LOCK_MINUTES, LOCK_MINUTES_CHOICES, MAX_PIN_FAILURES, isValidPin, lockNow, setLockMinutes, setPin, unlock, useLock, type LockState,
} from './lock';
export { loadHistory, type HistoryEntry } from './history';
export type { ParticipantFields } from './register';
export {
  createAccount, loadAccounts, revokeDevice, updateAccount, type AccountInfo, type AccountsResponse, type DeviceInfo, type NewAccount,
} from './admin';
export type { MealsDay } from './meals';
export type { MealMonthSummary, MealPersonRow, MealDayRow, RouteCapacity } from '../../domain';
export type { RouteDraft, RouteFields, SaveRouteResult, StopDraft } from './transport-routes';
