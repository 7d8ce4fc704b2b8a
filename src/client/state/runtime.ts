/**
 * The one running instance of the data layer: the open device database, the transport, the sync
 * engine and the signals the hooks read. Tests call {@link configureRuntime} to inject an
 * in-process transport, a database name and a clock.
 */
import { signal } from '@preact/signals';
import { dayInTimeZone } from '../../domain';
import type { SetupStatus } from '../../protocol';
import { DB_NAME, type AppDB } from '../storage/db';
import type { StoredSession } from '../storage/meta';
import type { SyncEngine } from '../sync/engine';
import { HttpTransport, type Transport } from '../sync/transport';
import type { AppError, LocalSession, QueryResult, SyncStatus } from './types';

export interface RuntimeConfig {
  transport: Transport;
  dbName: string;
  nowMs: () => number;
  /** The device's time zone, for "today". */
  timeZone: string;
  /** Start the sync engine's triggers and timers (off in tests that drive sync by hand). */
  autoSync: boolean;
}

function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Warsaw';
  } catch {
    return 'Europe/Warsaw';
  }
}

const loading = { data: undefined, isLoading: true, error: null } as const;

export const runtime = {
  config: {
    transport: new HttpTransport(),
    dbName: DB_NAME,
    nowMs: () => Date.now(),
    timeZone: deviceTimeZone(),
    autoSync: true,
  } as RuntimeConfig,
  db: signal<AppDB | null>(null),
  /** The stored session with its token (never handed to screens). */
  stored: null as StoredSession | null,
  engine: null as SyncEngine | null,
  session: signal<QueryResult<LocalSession | null>>(loading),
  setup: signal<QueryResult<SetupStatus>>(loading),
  sync: signal<SyncStatus>({ online: true, syncing: false, pending: 0, lastSyncAt: null, lastError: null }),
  storageProblem: signal<AppError | null>(null),
  currentUnitId: signal<string | null>(null),
  today: signal<string>(dayInTimeZone(Date.now(), deviceTimeZone())),
  /** The server's clock minus the device's, in ms, as the sync engine last learned it (issue 13). */
  clockOffsetMs: signal<number | null>(null),
};

/**
 * The time the app stamps changes with and counts "today" from: the device's clock corrected by
 * its offset to the server's clock (0 until the first sync told it).
 */
export function correctedNowMs(): number {
  return runtime.config.nowMs() + (runtime.clockOffsetMs.value ?? 0);
}

/** Today (in the device's time zone) by the corrected clock; the signal changes only when the day does. */
export function refreshToday(): void {
  const today = dayInTimeZone(correctedNowMs(), runtime.config.timeZone);
  if (today !== runtime.today.value) runtime.today.value = today;
}

/** Keeps the offset the sync engine learned, and "today" with it. */
export function setClockOffset(offsetMs: number | null): void {
  if (offsetMs === runtime.clockOffsetMs.value) return;
  runtime.clockOffsetMs.value = offsetMs;
  refreshToday();
}

/** Replaces parts of the configuration (tests, or a server on another origin). */
export function configureRuntime(config: Partial<RuntimeConfig>): void {
  runtime.config = { ...runtime.config, ...config };
  runtime.today.value = dayInTimeZone(correctedNowMs(), runtime.config.timeZone);
}

/** The screen-facing part of a stored session. */
export function publicSession(s: StoredSession): LocalSession {
  return { deviceId: s.deviceId, userId: s.userId, displayName: s.displayName, login: s.login, roles: s.roles, unitIds: s.unitIds, organizationId: s.organizationId };
}
