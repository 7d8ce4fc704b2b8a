/**
 * The idle lock of shared tablets. After a chosen time without a touch (5 minutes by default), or
 * at "Zablokuj teraz", the app hides every screen behind a lock that the signed-in person's PIN
 * opens, offline too. The PIN is stored only as a salted PBKDF2 hash in the device database.
 *
 * The locked state and the count of failed attempts live in the device database (`meta.lock`),
 * written before each attempt is checked, so neither a reload nor a restart of the browser opens
 * the lock or resets the count (issue 14.4). After MAX_PIN_FAILURES wrong attempts the PIN no
 * longer opens the lock: only the full password does (checked against a slow PBKDF2 hash of it
 * kept at sign-in); after `wipeAfter` failures (10 by default, a Settings choice) the device's
 * local data is wiped (changes waiting are sent first when the server can be reached).
 * The last activity time is kept in localStorage, so reloading the page does not skip an idle lock.
 *
 * What this protects: a tablet left on a table in the studio, against a participant or a visitor.
 * What it does not: a 4-digit PIN's hash can be cracked offline in minutes by anyone who copies
 * the browser's files; a lost or stolen tablet relies on the device's own encryption and on the
 * administrator revoking the device (docs/operations.md).
 */
import { signal } from '@preact/signals';
import { getMeta, setMeta, type SlowHash } from '../storage/meta';
import { runtime } from './runtime';
import type { ActionResult } from './types';
import { wipeDevice } from './wipe';

export const DEFAULT_LOCK_MINUTES = 5;
export const LOCK_MINUTES_CHOICES = [1, 2, 5, 10, 15, 30] as const;
/** Wrong PINs after which only the full password opens the lock. */
export const MAX_PIN_FAILURES = 5;
/** Failed attempts (PIN and password together) after which the device's data is wiped. */
export const DEFAULT_WIPE_AFTER = 10;
export const WIPE_AFTER_CHOICES = [10, 15, 20] as const;
const PBKDF2_ITERATIONS = 150_000;
/** The password's hash is slower: it stands in for the server when the device is offline. */
const PASSWORD_ITERATIONS = 600_000;
const ACTIVITY_KEY = 'obecni.lastActivity';

export interface LockState {
  locked: boolean;
  hasPin: boolean;
  failures: number;
  minutes: number;
  /** Failed attempts that wipe the device. */
  wipeAfter: number;
  /** True when a hash of the password is kept, so the password can open the lock after too many PINs. */
  hasPassword: boolean;
}

const INITIAL: LockState = { locked: false, hasPin: false, failures: 0, minutes: DEFAULT_LOCK_MINUTES, wipeAfter: DEFAULT_WIPE_AFTER, hasPassword: false };
const state = signal<LockState>(INITIAL);

export function useLock(): LockState {
  return state.value;
}

function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i += 1) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

async function pbkdf2(secret: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret.normalize('NFKC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return toHex(bits);
}

async function slowHash(secret: string, iterations: number): Promise<SlowHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { hash: await pbkdf2(secret, salt, iterations), salt: toHex(salt), iterations };
}

async function matches(secret: string, stored: SlowHash): Promise<boolean> {
  return (await pbkdf2(secret, fromHex(stored.salt), stored.iterations)) === stored.hash;
}

/** A PIN is 4 to 8 digits. */
export function isValidPin(pin: string): boolean {
  return /^\d{4,8}$/.test(pin);
}

function readActivity(): number | null {
  try {
    const v = Number(globalThis.localStorage?.getItem(ACTIVITY_KEY));
    return Number.isFinite(v) && v > 0 ? v : null;
  } catch {
    return null;
  }
}

function writeActivity(ms: number): void {
  try {
    globalThis.localStorage?.setItem(ACTIVITY_KEY, String(ms));
  } catch {
    // Storage refused: the in-memory timer still locks.
  }
}

/** Stores the locked state and the failures (before the screen or the check goes on). */
async function persist(next: LockState): Promise<void> {
  state.value = next;
  const db = runtime.db.value;
  if (db) await setMeta(db, 'lock', { locked: next.locked, failures: next.failures });
}

let lastActivity = 0;
let timer: ReturnType<typeof setInterval> | null = null;

function lockIfIdle(): void {
  const s = state.value;
  if (!s.hasPin || s.locked) return;
  if (runtime.config.nowMs() - lastActivity >= s.minutes * 60_000) void persist({ ...s, locked: true }).catch(() => undefined);
}

/** Records a touch or a key press (throttled writes to storage). */
export function noteActivity(): void {
  const now = runtime.config.nowMs();
  if (state.value.locked) return;
  if (now - lastActivity > 10_000) writeActivity(now);
  lastActivity = now;
}

/**
 * Loads the lock of the signed-in device (PIN, idle time, whether it was locked and how many
 * attempts failed) and starts watching for idleness. Called before the app is shown, so a reload
 * of a locked tablet never shows a screen.
 */
export async function startLockWatch(): Promise<void> {
  const db = runtime.db.value;
  if (!db) return;
  const [pin, minutes, saved, wipeAfter, password] = await Promise.all([
    getMeta(db, 'pin'), getMeta(db, 'lockMinutes'), getMeta(db, 'lock'), getMeta(db, 'pinWipeAfter'), getMeta(db, 'passwordHash'),
  ]);
  const now = runtime.config.nowMs();
  lastActivity = readActivity() ?? now;
  const hasPin = pin !== undefined;
  state.value = {
    locked: hasPin && (saved?.locked ?? false), hasPin, failures: saved?.failures ?? 0, minutes: minutes ?? DEFAULT_LOCK_MINUTES,
    wipeAfter: wipeAfter ?? DEFAULT_WIPE_AFTER, hasPassword: password !== undefined,
  };
  lockIfIdle();
  if (lastActivity > now) lastActivity = now;
  if (typeof window !== 'undefined' && timer === null) {
    for (const event of ['pointerdown', 'keydown', 'touchstart', 'wheel']) window.addEventListener(event, noteActivity, { passive: true });
    document.addEventListener('visibilitychange', lockIfIdle);
    timer = setInterval(lockIfIdle, 15_000);
  }
}

/** Forgets the lock (sign-out, wipe). */
export function resetLock(): void {
  state.value = INITIAL;
}

/** Keeps a slow hash of the password at sign-in: it opens the lock after too many wrong PINs. */
export async function rememberPassword(password: string): Promise<void> {
  const db = runtime.db.value;
  if (!db) return;
  await setMeta(db, 'passwordHash', await slowHash(password, PASSWORD_ITERATIONS));
  state.value = { ...state.value, hasPassword: true };
}

/** Sets (or changes) the PIN of the signed-in person on this device. */
export async function setPin(pin: string): Promise<ActionResult> {
  const db = runtime.db.value;
  if (!db) return { ok: false, error: { code: 'storageUnavailable' } };
  if (!isValidPin(pin)) return { ok: false, error: { code: 'invalidInput', issues: [{ path: 'pin', code: 'invalidPin' }] } };
  await setMeta(db, 'pin', await slowHash(pin, PBKDF2_ITERATIONS));
  state.value = { ...state.value, hasPin: true };
  noteActivity();
  return { ok: true };
}

/** Chooses how many idle minutes lock the screen. */
export async function setLockMinutes(minutes: number): Promise<void> {
  const db = runtime.db.value;
  if (db) await setMeta(db, 'lockMinutes', minutes);
  state.value = { ...state.value, minutes };
}

/** Chooses after how many failed attempts the device's data is wiped. */
export async function setWipeAfter(count: number): Promise<void> {
  const db = runtime.db.value;
  if (db) await setMeta(db, 'pinWipeAfter', count);
  state.value = { ...state.value, wipeAfter: count };
}

/** Locks now (leaving the tablet); the locked state is stored, so a reload stays locked. */
export async function lockNow(): Promise<void> {
  if (state.value.hasPin) await persist({ ...state.value, locked: true });
}

/** True when only the full password opens the lock now. */
export function needsPassword(s: LockState): boolean {
  return s.failures >= MAX_PIN_FAILURES;
}

/**
 * One attempt to open the lock: a PIN while fewer than MAX_PIN_FAILURES attempts failed, then
 * the password. The failure is counted and stored before the check; the right answer clears it.
 * Resolves true when the lock opens; the attempt that reaches `wipeAfter` wipes the device.
 */
export async function unlock(secret: string): Promise<boolean> {
  const db = runtime.db.value;
  if (!db) return false;
  const byPassword = needsPassword(state.value);
  const stored = byPassword ? await getMeta(db, 'passwordHash') : await getMeta(db, 'pin');
  if (!stored) return false;
  // Counted on disk first: a reload in the middle of the check cannot skip the count.
  const failed = { ...state.value, failures: state.value.failures + 1 };
  await setMeta(db, 'lock', { locked: failed.locked, failures: failed.failures });
  if (await matches(secret, stored)) {
    lastActivity = runtime.config.nowMs();
    writeActivity(lastActivity);
    await persist({ ...state.value, locked: false, failures: 0 });
    return true;
  }
  state.value = failed;
  if (failed.failures >= failed.wipeAfter) await wipeDevice('lockFailures');
  return false;
}

/** At start: a device whose lock was already failed `wipeAfter` times (the wipe was cut short) is wiped now. */
export async function wipeIfLockExhausted(): Promise<boolean> {
  const s = state.value;
  if (!s.locked || s.failures < s.wipeAfter) return false;
  await wipeDevice('lockFailures');
  return true;
}
