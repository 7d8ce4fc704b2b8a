/**
 * Removing everything Obecni keeps on this device: the sync engine stops, the device database is
 * deleted and opened empty, the lock forgotten, and the app returns to the sign-in page. Used by
 * sign-out (after its checks, session.ts), by the lock after too many failed attempts, and when
 * the server refuses the device as revoked or its account as disabled (issue 14.5). The reason of
 * a wipe the user did not ask for is kept in localStorage (a word, no personal data), so the
 * sign-in page can say why the data is gone, also after a reload.
 */
import { signal } from '@preact/signals';
import { toAppError } from './errors';
import { resetLock } from './lock';
import { runtime, setClockOffset } from './runtime';
import { openDeviceDb, refreshSetupStatus } from './session';
import { stopSyncEngine } from './sync-status';

/** Why the device's data was removed without the user asking. */
export type WipeReason = 'lockFailures' | 'deviceRevoked' | 'accountDisabled';

const NOTICE_KEY = 'obecni.wipeNotice';
const REASONS: readonly WipeReason[] = ['lockFailures', 'deviceRevoked', 'accountDisabled'];

function readNotice(): WipeReason | null {
  try {
    const v = globalThis.localStorage?.getItem(NOTICE_KEY);
    return REASONS.find((r) => r === v) ?? null;
  } catch {
    return null;
  }
}

const notice = signal<WipeReason | null>(readNotice());

/** Why the data of this device was removed (shown on the sign-in page until the next sign-in). */
export function useWipeNotice(): WipeReason | null {
  return notice.value;
}

/** Forgets the notice (a new sign-in). */
export function clearWipeNotice(): void {
  notice.value = null;
  try {
    globalThis.localStorage?.removeItem(NOTICE_KEY);
  } catch {
    // nothing kept
  }
}

/** Deletes the device database and opens an empty one; the app shows the sign-in page. */
export async function clearDevice(): Promise<void> {
  stopSyncEngine();
  const old = runtime.db.value;
  runtime.db.value = null;
  runtime.stored = null;
  if (old) {
    old.close();
    await old.delete().catch(() => undefined);
  }
  runtime.currentUnitId.value = null;
  runtime.sync.value = { ...runtime.sync.value, syncing: false, pending: 0, lastSyncAt: null, lastError: null };
  setClockOffset(null);
  resetLock();
  try {
    runtime.db.value = await openDeviceDb();
    runtime.session.value = { data: null, isLoading: false, error: null };
  } catch (error) {
    runtime.session.value = { data: undefined, isLoading: false, error: toAppError(error) };
  }
  await refreshSetupStatus();
  // Offline, the server cannot say it is set up; it is (this device was signed in): show the sign-in page.
  if (runtime.setup.value.error) runtime.setup.value = { data: { initialized: true, demoAvailable: false }, isLoading: false, error: null };
}

/**
 * Wipes the device for `reason`. After too many failed attempts at the lock, the changes waiting
 * are sent first when the server answers (they are the signed-in person's work, and go to the
 * server, not to whoever holds the tablet) and the device token is revoked; a device the server
 * refused is wiped at once.
 */
export function wipeDevice(reason: WipeReason): Promise<void> {
  wiping ??= wipeOnce(reason).finally(() => {
    wiping = null;
  });
  return wiping;
}

let wiping: Promise<void> | null = null;

async function wipeOnce(reason: WipeReason): Promise<void> {
  const stored = runtime.stored;
  if (reason === 'lockFailures' && stored) {
    await runtime.engine?.sync().catch(() => false);
    await runtime.config.transport.logout(stored.deviceToken).catch(() => undefined);
  }
  notice.value = reason;
  try {
    globalThis.localStorage?.setItem(NOTICE_KEY, reason);
  } catch {
    // The sign-in page then shows no reason; the data is removed all the same.
  }
  await clearDevice();
}
