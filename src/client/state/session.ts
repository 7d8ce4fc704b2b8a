/**
 * The device's session: opening the database at start, signing in (setup, demo, login), and
 * signing out with the removal of every record from the device. The bearer token stays here and
 * in the local `meta` table; screens see only the LocalSession.
 */
import type { LoginRequest, SessionInfo, SetupRequest } from '../../protocol';
import { AppDB } from '../storage/db';
import { toStorageError } from '../storage/errors';
import { getMeta, setMeta, type StoredSession } from '../storage/meta';
import { requestPersistence } from '../storage/persistence';
import { SyncEngine } from '../sync/engine';
import { toAppError } from './errors';
import { publicSession, runtime } from './runtime';
import { resetLock, startLockWatch } from './lock';
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

/** Loads the stored session (if any) and starts syncing it. */
export async function restoreSession(db: AppDB): Promise<void> {
  const stored = await getMeta(db, 'session');
  runtime.currentUnitId.value = (await getMeta(db, 'currentUnitId')) ?? null;
  runtime.stored = stored ?? null;
  runtime.session.value = { data: stored ? publicSession(stored) : null, isLoading: false, error: null };
  if (stored) {
    await startLockWatch();
    startSyncEngine(db, stored);
  } else {
    await refreshSetupStatus();
  }
}

async function signIn(info: SessionInfo): Promise<void> {
  const db = runtime.db.value;
  if (!db) throw new Error('storageUnavailable');
  const stored: StoredSession = {
    deviceId: info.deviceId, deviceToken: info.deviceToken, userId: info.user.id, displayName: info.user.displayName,
    login: info.user.login, roles: info.user.roles, unitIds: info.user.unitIds, organizationId: info.user.organizationId,
  };
  try {
    await setMeta(db, 'session', stored);
  } catch (error) {
    throw toStorageError(error);
  }
  runtime.stored = stored;
  runtime.session.value = { data: publicSession(stored), isLoading: false, error: null };
  await startLockWatch();
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

export function setupOrganization(request: SetupRequest): Promise<ActionResult> {
  return act(async () => signIn(await runtime.config.transport.setup(request)));
}

/** Loads the demo centre with the server's one-time setup code, and signs in as its administrator. */
export function loadDemoCentre(setupCode: string): Promise<ActionResult> {
  return act(async () => signIn(await runtime.config.transport.loadDemo(deviceName(), setupCode)));
}

export function login(request: Omit<LoginRequest, 'deviceName'> & { deviceName?: string }): Promise<ActionResult> {
  return act(async () => signIn(await runtime.config.transport.login({ ...request, deviceName: request.deviceName ?? deviceName() })));
}

/**
 * Signs out: a last sync attempt (so waiting changes reach the server when it can be reached),
 * the device token revoked on the server, and the local database deleted.
 */
export async function logoutAndWipe(): Promise<void> {
  const stored = runtime.stored;
  const engine: SyncEngine | null = runtime.engine;
  if (engine) await engine.sync().catch(() => false);
  stopSyncEngine();
  if (stored) await runtime.config.transport.logout(stored.deviceToken).catch(() => undefined);
  const old = runtime.db.value;
  runtime.db.value = null;
  runtime.stored = null;
  if (old) {
    old.close();
    await old.delete().catch(() => undefined);
  }
  runtime.currentUnitId.value = null;
  resetLock();
  try {
    runtime.db.value = await openDeviceDb();
    runtime.session.value = { data: null, isLoading: false, error: null };
  } catch (error) {
    runtime.session.value = { data: undefined, isLoading: false, error: toAppError(error) };
  }
  await refreshSetupStatus();
}
