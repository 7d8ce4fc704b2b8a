/**
 * The contract between the state layer and the screens: what a read hook returns, how errors
 * and action results look, and the shapes the screens render. Screens import these from
 * `state/index.ts` only.
 */
import type {
  AbsenceNotice, Activity, AttendanceCounts, DayMark, FieldIssue, MealOrder, Participant, Reminder,
} from '../../domain';

export type { Reminder } from '../../domain';
export type { StorageInfo } from '../storage/persistence';

/** The result of a live read: data once loaded, or the error that stopped it. */
export interface QueryResult<T> { data: T | undefined; isLoading: boolean; error: AppError | null }

/** Every failure the UI can explain, each with one translated message (ui/error-message.ts). */
export type AppErrorCode =
  | 'quotaExceeded' | 'storageUnavailable' | 'versionChanged'
  | 'network' | 'unauthorized' | 'deviceRevoked' | 'accountDisabled' | 'forbidden' | 'clientTooOld' | 'invalidInput' | 'alreadyInitialized'
  | 'rateLimited' | 'totpRequired' | 'server' | 'unknown';

/** An error as the screens see it: a code and, for invalid input, the fields concerned. */
export interface AppError { code: AppErrorCode; issues?: FieldIssue[] }

export type ActionResult = { ok: true } | { ok: false; error: AppError };

/** The signed-in user of this device (no token: that stays in the state layer). */
export interface LocalSession {
  deviceId: string;
  userId: string;
  displayName: string;
  login: string;
  roles: string[];
  unitIds: string[];
  organizationId: string;
}

export interface SyncStatus {
  online: boolean;
  syncing: boolean;
  /** Changes waiting on this device. */
  pending: number;
  lastSyncAt: number | null;
  lastError: AppError | null;
}

/** One class of the day as the Today screen lists it. */
export interface DaySession {
  activity: Activity;
  startTime: string;
  endTime: string;
  roomName: string | null;
  staffNames: string[];
}

/** Everything the Today screen shows for one unit and day. */
export interface TodayOverview {
  day: string;
  /** The public holiday's name when the day is one. */
  holidayName: string | null;
  /** 'weekday' when the unit does not open on this weekday, a closed day's reason, or null when open. */
  closedReason: string | null;
  /** Who is expected, in Polish name order. */
  expected: Participant[];
  marks: DayMark[];
  /** Absence notices covering the day. */
  notices: AbsenceNotice[];
  counts: AttendanceCounts;
  sessions: DaySession[];
  /** Lunches to order (null when the unit serves no meals). */
  mealsToday: number | null;
  /** The day's lunch order and the unit's cut-off, for the late or missing order flag (issue 13). */
  mealOrder: MealOrder | null;
  mealCutoffTime: string | null;
  reminders: Reminder[];
}
