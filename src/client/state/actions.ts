/**
 * Writing records from the screens: the one entry point to the storage write path. It resolves
 * only after the change and its outbox entry are committed, then nudges the sync engine. A
 * storage failure is both returned and raised to the banner, so it is never silent.
 */
import type { EntityName } from '../../domain';
import { writeTap, type Tap, type TapWritten } from '../storage/tap';
import type { AppDB } from '../storage/db';
import { isConnectionLost } from '../storage/errors';
import type { Change, Computed, WriteContext } from '../storage/write';
import { writeChanges, writeComputed } from '../storage/write';
import { toAppError } from './errors';
import { correctedNowMs, runtime } from './runtime';
import { reopenDeviceDb } from './session';
import { clearStorageProblemAfterWrite, reportStorageProblem } from './storage-status';
import type { ActionResult, AppError } from './types';

export type { Change } from '../storage/write';

function context() {
  const session = runtime.stored;
  return session ? { deviceId: session.deviceId, userId: session.userId, organizationId: session.organizationId, nowMs: correctedNowMs } : null;
}

/**
 * Runs one write on the open database. A connection lost under the app (issue 17.3: "Connection
 * to Indexed Database server lost", UnknownError, a database closed by the browser) reopens the
 * database and tries once more; a second failure is raised to the banner, which offers a restart.
 * A write that goes through clears a "no space" or "connection lost" banner, and nudges the sync.
 */
async function write<T>(run: (db: AppDB, ctx: WriteContext) => Promise<T>): Promise<{ ok: true; result: T } | { ok: false; error: AppError }> {
  const ctx = context();
  if (!runtime.db.value || !ctx) return { ok: false, error: { code: 'storageUnavailable' } };
  try {
    let result: T;
    try {
      result = await run(runtime.db.value, ctx);
    } catch (error) {
      if (!isConnectionLost(error)) throw error;
      result = await run(await reopenDeviceDb(), ctx);
    }
    clearStorageProblemAfterWrite();
    runtime.engine?.notifyLocalChange();
    return { ok: true, result };
  } catch (error) {
    const appError: AppError = isConnectionLost(error) ? { code: 'connectionLost' } : toAppError(error);
    reportStorageProblem(appError);
    return { ok: false, error: appError };
  }
}

/**
 * Saves changes computed from what is stored, in the same transaction (see writeComputed);
 * resolves with the computed value once committed.
 */
export async function saveComputed<T>(entities: readonly EntityName[], compute: () => Promise<Computed<T>>): Promise<{ ok: true; result: T } | { ok: false; error: AppError }> {
  return write(async (db, ctx) => (await writeComputed(db, ctx, entities, compute)).result);
}

/** Saves changes of synced records in one transaction (all or nothing). */
export async function saveChanges(changes: readonly Change[]): Promise<ActionResult> {
  const saved = await write((db, ctx) => writeChanges(db, ctx, changes));
  return saved.ok ? { ok: true } : saved;
}

/**
 * Saves one tap on the attendance day (storage/tap.ts: from memory when it is current, else from
 * disk); resolves with the change made and the row before it once committed.
 */
export function saveTap(tap: Tap): Promise<{ ok: true; result: TapWritten } | { ok: false; error: AppError }> {
  return write((db, ctx) => writeTap(db, ctx, tap));
}
