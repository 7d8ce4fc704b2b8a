/**
 * The device's session: opening the database at start, signing in (setup, demo, login), and
 * signing out with the removal of every record from the device. The bearer token stays here and
 * in the local `meta` table; screens see only the LocalSession.
 */
import { clockOffset, type EntityName } from '../../domain';
import type { LoginRequest, SessionInfo, SetupRequest } from '../../protocol';
import { adoptClockOffset } from '../storage/clock';
import { AppDB } from '../storage/db';
import { toStorageError } from '../storage/errors';
import { getMeta, setMeta, type StoredSession } from '../storage/meta';
import { requestPersistence } from '../storage/persistence';
import { TransportError, type Transport } from '../sync/transport';
import { toAppError } from './errors';
import { publicSession, runtime, setClockOffset } from './runtime';
import { rememberPassword, startLockWatch, wipeIfLockExhausted } from './lock';
import { clearDevice, clearWipeNotice } from './wipe';
import { startSyncEngine, stopSyncEngine } from './sync-status';
import type { ActionResult } from './types';

/** Opens the device database; another tab's upgrade closes it and tells the user to reload. */
export async function openDeviceDb(): Promise<AppDB> {
  const db = new AppDB(runtime.config.dbName);
  db.on('versionchange', () => {
    db.close();
    runtime.storageProblem.value = { code: 'versionChanged' };
    return false;
  });
  try {
    await db.open();
  } catch (error) {
    throw toStorageError(error);
  }
  return db;
}

/** Asks the server whether it is set up (for the first-run page or the login page). */
export async function refreshSetupStatus(): Promise<void> {
  runtime.setup.value = { data: runtime.setup.value.data, isLoading: true, error: null };
  try {
    runtime.setup.value = { data: await runtime.config.transport.setupStatus(), isLoading: false, error: null };
  } catch (error) {
    runtime.setup.value = { data: undefined, isLoading: false, error: toAppError(error) };
  }
}

/** Loads the stored session (if any) and starts syncing it; a locked tablet comes back locked. */
export async function restoreSession(db: AppDB): Promise<void> {
  const stored = await getMeta(db, 'session');
  runtime.currentUnitId.value = (await getMeta(db, 'currentUnitId')) ?? null;
  // "Today" and new stamps follow the server's clock from the first screen on, offline too.
  setClockOffset((await getMeta(db, 'clockOffsetMs')) ?? null);
  runtime.stored = stored ?? null;
  // The lock is read before the session is shown, so a reload never flashes an open screen.
  if (stored) await startLockWatch();
  if (stored && (await wipeIfLockExhausted())) return;
  runtime.session.value = { data: stored ? publicSession(stored) : null, isLoading: false, error: null };
  if (stored) startSyncEngine(db, stored);
  else await refreshSetupStatus();
}

function storedSession(info: SessionInfo): StoredSession {
  return {
    deviceId: info.deviceId, deviceToken: info.deviceToken, userId: info.user.id, displayName: info.user.displayName,
    login: info.user.login, roles: info.user.roles, unitIds: info.user.unitIds, organizationId: info.user.organizationId,
  };
}

/**
 * Stores the sign-in the server answered with. `sentAtMs` is the device's clock when it asked, so
 * the answer's server time gives the offset of the device's clock from its first change on.
 */
async function signIn(info: SessionInfo, sentAtMs: number, password?: string): Promise<void> {
  const db = runtime.db.value;
  if (!db) throw new Error('storageUnavailable');
  if (typeof info.serverTimeMs === 'number') {
    const now = runtime.config.nowMs();
    setClockOffset(await adoptClockOffset(db, clockOffset(info.serverTimeMs, sentAtMs, now), now, info.deviceId));
  }
  const stored = storedSession(info);
  try {
    await setMeta(db, 'session', stored);
  } catch (error) {
    throw toStorageError(error);
  }
  clearWipeNotice();
  runtime.stored = stored;
  await startLockWatch();
  if (password !== undefined) await rememberPassword(password).catch(() => undefined);
  runtime.session.value = { data: publicSession(stored), isLoading: false, error: null };
  startSyncEngine(db, stored);
  void requestPersistence();
}

async function act(task: () => Promise<void>): Promise<ActionResult> {
  try {
    await task();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}

/** A name for this device in the administrator's device list (no personal data). */
function deviceName(): string {
  const ua = typeof navigator === 'undefined' ? '' : navigator.userAgent;
  const kind = /Mobi|Android/i.test(ua) ? (/Tablet|iPad/i.test(ua) ? 'Tablet' : 'Telefon') : /iPad/i.test(ua) ? 'Tablet' : 'Komputer';
  return `${kind} (przeglądarka)`;
}

/** Asks the server for a sign-in and keeps it (with the password for the lock, when typed). */
function signInWith(ask: (transport: Transport) => Promise<SessionInfo>, password?: string): Promise<ActionResult> {
  return act(async () => {
    const sent = runtime.config.nowMs();
    await signIn(await ask(runtime.config.transport), sent, password);
  });
}

export function setupOrganization(request: SetupRequest): Promise<ActionResult> {
  return signInWith((transport) => transport.setup(request), request.password);
}

export function loadDemoCentre(): Promise<ActionResult> {
  return signInWith((transport) => transport.loadDemo(deviceName()));
}

export function login(request: Omit<LoginRequest, 'deviceName'> & { deviceName?: string }): Promise<ActionResult> {
  return signInWith((transport) => transport.login({ ...request, deviceName: request.deviceName ?? deviceName() }), request.password);
}

/**
 * Signs in again on a device whose sign-in expired (issue 14.5): the same person's password buys a
 * new device token; the data and the changes waiting on the device stay and are sent next.
 * Another person's login is refused: they must sign out (and so decide about the waiting changes).
 */
export function signInAgain(password: string): Promise<ActionResult> {
  return act(async () => {
    const db = runtime.db.value;
    const old = runtime.stored;
    if (!db || !old) throw new Error('storageUnavailable');
    const info = await runtime.config.transport.login({ login: old.login, password, deviceName: deviceName() });
    if (info.user.id !== old.userId || info.user.organizationId !== old.organizationId) {
      await runtime.config.transport.logout(info.deviceToken).catch(() => undefined);
      throw new TransportError('forbidden', 403);
    }
    const stored = storedSession(info);
    await setMeta(db, 'session', stored);
    await rememberPassword(password).catch(() => undefined);
    runtime.stored = stored;
    runtime.session.value = { data: publicSession(stored), isLoading: false, error: null };
    startSyncEngine(db, stored);
  });
}

/** Changes waiting on this device, by kind of record (what a sign-out would lose). */
export interface PendingChanges { total: number; byEntity: Partial<Record<EntityName, number>> }

async function countPending(): Promise<PendingChanges> {
  const db = runtime.db.value;
  if (!db) return { total: 0, byEntity: {} };
  const byEntity: Partial<Record<EntityName, number>> = {};
  let total = 0;
  await db.outbox.each((e) => {
    byEntity[e.entity] = (byEntity[e.entity] ?? 0) + 1;
    total += 1;
  });
  return { total, byEntity };
}

/**
 * Before signing out: one last sync (waited for), then the changes still waiting are counted
 * (issue 17.4). The sign-out dialog shows this count, not the one from before the sync.
 */
export async function prepareSignOut(): Promise<PendingChanges> {
  await runtime.engine?.sync().catch(() => false);
  return countPending();
}

/** The changes waiting on this device as a JSON file the user can keep before a sign-out. */
export async function exportPendingChanges(): Promise<Blob> {
  const db = runtime.db.value;
  const entries = db ? await db.outbox.orderBy('seq').toArray() : [];
  const session = runtime.stored;
  const file = {
    kind: 'obecni-unsent-changes', version: 1, exportedAtMs: runtime.config.nowMs(),
    deviceId: session?.deviceId ?? null, userLogin: session?.login ?? null,
    changes: entries.map(({ seq: _seq, ...entry }) => entry),
  };
  return new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
}

/**
 * Signs out: one more sync, then the changes still waiting are counted, and the local database
 * is deleted only when none wait, or when the user confirmed discarding at least as many as wait
 * now (`discard`, the count the dialog named). Otherwise nothing is deleted and the answer
 * carries the new count. The device token is revoked on the server.
 */
export async function logoutAndWipe(discard?: PendingChanges): Promise<{ ok: true } | { ok: false; pending: PendingChanges }> {
  const pending = await prepareSignOut();
  if (pending.total > 0 && (discard === undefined || discard.total < pending.total)) return { ok: false, pending };
  const stored = runtime.stored;
  stopSyncEngine();
  if (stored) await runtime.config.transport.logout(stored.deviceToken).catch(() => undefined);
  await clearDevice();
  return { ok: true };
}
