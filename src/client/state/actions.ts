/**
 * Writing records from the screens: the one entry point to the storage write path. It resolves
 * only after the change and its outbox entry are committed, then nudges the sync engine. A
 * storage failure is both returned and raised to the banner, so it is never silent.
 */
import type { EntityName } from '../../domain';
import { writeTap, type Tap, type TapWritten } from '../storage/tap';
import type { Change, Computed } from '../storage/write';
import { writeChanges, writeComputed } from '../storage/write';
import { toAppError } from './errors';
import { correctedNowMs, runtime } from './runtime';
import { clearStorageProblemAfterWrite, reportStorageProblem } from './storage-status';
import type { ActionResult, AppError } from './types';

export type { Change } from '../storage/write';

function context() {
  const session = runtime.stored;
  return session ? { deviceId: session.deviceId, userId: session.userId, organizationId: session.organizationId, nowMs: correctedNowMs } : null;
}

/**
 * Saves changes computed from what is stored, in the same transaction (see writeComputed);
 * resolves with the computed value once committed.
 */
export async function saveComputed<T>(entities: readonly EntityName[], compute: () => Promise<Computed<T>>): Promise<{ ok: true; result: T } | { ok: false; error: AppError }> {
  const db = runtime.db.value;
  const ctx = context();
  if (!db || !ctx) return { ok: false, error: { code: 'storageUnavailable' } };
  try {
    const { result } = await writeComputed(db, ctx, entities, compute);
    clearStorageProblemAfterWrite();
    runtime.engine?.notifyLocalChange();
    return { ok: true, result };
  } catch (error) {
    const appError = toAppError(error);
    reportStorageProblem(appError);
    return { ok: false, error: appError };
  }
}

/** Saves changes of synced records in one transaction (all or nothing). */
export async function saveChanges(changes: readonly Change[]): Promise<ActionResult> {
  const db = runtime.db.value;
  const session = runtime.stored;
  if (!db || !session) return { ok: false, error: { code: 'storageUnavailable' } };
  try {
    await writeChanges(db, { deviceId: session.deviceId, userId: session.userId, organizationId: session.organizationId, nowMs: correctedNowMs }, changes);
  } catch (error) {
    const appError = toAppError(error);
    reportStorageProblem(appError);
    return { ok: false, error: appError };
  }
  clearStorageProblemAfterWrite();
  runtime.engine?.notifyLocalChange();
  return { ok: true };
}

/**
 * Saves one tap on the attendance day (storage/tap.ts: from memory when it is current, else from
 * disk); resolves with the change made and the row before it once committed.
 */
export async function saveTap(tap: Tap): Promise<{ ok: true; result: TapWritten } | { ok: false; error: AppError }> {
  const db = runtime.db.value;
  const ctx = context();
  if (!db || !ctx) return { ok: false, error: { code: 'storageUnavailable' } };
  try {
    const result = await writeTap(db, ctx, tap);
    clearStorageProblemAfterWrite();
    runtime.engine?.notifyLocalChange();
    return { ok: true, result };
  } catch (error) {
    const appError = toAppError(error);
    reportStorageProblem(appError);
    return { ok: false, error: appError };
  }
}
