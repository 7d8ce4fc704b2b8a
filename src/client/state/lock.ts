/**
 * The idle lock of shared tablets. After a chosen time without a touch (5 minutes by default)
 * the app hides every screen behind a lock that the signed-in person's PIN opens, offline too.
 * The PIN is stored only as a salted PBKDF2 hash in the device database; five wrong PINs in a row
 * leave only "sign out and remove the data" (another person then signs in with a password).
 * The last activity time is kept in localStorage, so reloading the
 * page does not open a lock that should be closed.
 */
import { signal } from '@preact/signals';
import { getMeta, setMeta } from '../storage/meta';
import { runtime } from './runtime';
import type { ActionResult } from './types';

export const DEFAULT_LOCK_MINUTES = 5;
export const LOCK_MINUTES_CHOICES = [1, 2, 5, 10, 15, 30] as const;
export const MAX_PIN_FAILURES = 5;
const PBKDF2_ITERATIONS = 150_000;
const ACTIVITY_KEY = 'obecni.lastActivity';

export interface LockState {
  locked: boolean;
  hasPin: boolean;
  failures: number;
  minutes: number;
}

const state = signal<LockState>({ locked: false, hasPin: false, failures: 0, minutes: DEFAULT_LOCK_MINUTES });

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

async function hashPin(pin: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return toHex(bits);
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

let lastActivity = 0;
let timer: ReturnType<typeof setInterval> | null = null;

function lockIfIdle(): void {
  const s = state.value;
  if (!s.hasPin || s.locked) return;
  if (runtime.config.nowMs() - lastActivity >= s.minutes * 60_000) state.value = { ...s, locked: true };
}

/** Records a touch or a key press (throttled writes to storage). */
export function noteActivity(): void {
  const now = runtime.config.nowMs();
  if (state.value.locked) return;
  if (now - lastActivity > 10_000) writeActivity(now);
  lastActivity = now;
}

/** Loads the PIN settings of the signed-in device and starts watching for idleness. */
export async function startLockWatch(): Promise<void> {
  const db = runtime.db.value;
  if (!db) return;
  const [pin, minutes] = await Promise.all([getMeta(db, 'pin'), getMeta(db, 'lockMinutes')]);
  const now = runtime.config.nowMs();
  lastActivity = readActivity() ?? now;
  state.value = { locked: false, hasPin: pin !== undefined, failures: 0, minutes: minutes ?? DEFAULT_LOCK_MINUTES };
  lockIfIdle();
  if (lastActivity > now) lastActivity = now;
  if (typeof window !== 'undefined' && timer === null) {
    for (const event of ['pointerdown', 'keydown', 'touchstart', 'wheel']) window.addEventListener(event, noteActivity, { passive: true });
    document.addEventListener('visibilitychange', lockIfIdle);
    timer = setInterval(lockIfIdle, 15_000);
  }
}

/** Forgets the lock (sign-out). */
export function resetLock(): void {
  state.value = { locked: false, hasPin: false, failures: 0, minutes: DEFAULT_LOCK_MINUTES };
}

/** Sets (or changes) the PIN of the signed-in person on this device. */
export async function setPin(pin: string): Promise<ActionResult> {
  const db = runtime.db.value;
  if (!db) return { ok: false, error: { code: 'storageUnavailable' } };
  if (!isValidPin(pin)) return { ok: false, error: { code: 'invalidInput', issues: [{ path: 'pin', code: 'invalidPin' }] } };
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await hashPin(pin, salt, PBKDF2_ITERATIONS);
  await setMeta(db, 'pin', { hash, salt: toHex(salt), iterations: PBKDF2_ITERATIONS });
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

/** Locks now (leaving the tablet). */
export function lockNow(): void {
  if (state.value.hasPin) state.value = { ...state.value, locked: true };
}

/** Tries a PIN; true when it opens the lock. */
export async function unlock(pin: string): Promise<boolean> {
  const db = runtime.db.value;
  const stored = db ? await getMeta(db, 'pin') : undefined;
  if (!stored || state.value.failures >= MAX_PIN_FAILURES) return false;
  const ok = (await hashPin(pin, fromHex(stored.salt), stored.iterations)) === stored.hash;
  if (!ok) {
    state.value = { ...state.value, failures: state.value.failures + 1 };
    return false;
  }
  lastActivity = runtime.config.nowMs();
  writeActivity(lastActivity);
  state.value = { ...state.value, locked: false, failures: 0 };
  return true;
}
