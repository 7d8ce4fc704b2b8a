/**
 * Storage failures as codes the UI can translate: the disk is full (quota), IndexedDB cannot be
 * used at all (private mode, blocked, corrupted), or another tab upgraded the database and this
 * one must reload, or the open connection was lost under the app ("Connection to Indexed Database
 * server lost", common on iOS after the app was in the background: reopen and retry once).
 * Nothing here is swallowed: callers surface the code to the user.
 */

export type StorageErrorCode = 'quotaExceeded' | 'storageUnavailable' | 'versionChanged' | 'connectionLost';

/** A storage failure with a code; the original error's name only, never its data. */
export class StorageError extends Error {
  readonly code: StorageErrorCode;
  constructor(code: StorageErrorCode, cause?: unknown) {
    super(code);
    this.name = 'StorageError';
    this.code = code;
    if (cause !== undefined) this.cause = cause;
  }
}

function names(error: unknown): string[] {
  const out: string[] = [];
  let e: unknown = error;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i += 1) {
    const o = e as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof o.name === 'string') out.push(o.name);
    e = o.inner ?? o.cause;
  }
  return out;
}

/** Maps anything thrown by Dexie or IndexedDB to a StorageError (validation errors pass through). */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const n = names(error);
  if (n.includes('QuotaExceededError')) return new StorageError('quotaExceeded', error);
  if (n.includes('VersionChangeError')) {
    return new StorageError('versionChanged', error);
  }
  if (isConnectionLost(error)) return new StorageError('connectionLost', error);
  return new StorageError('storageUnavailable', error);
}

/** True when `error` says the open connection to IndexedDB was lost or closed under the app. */
export function isConnectionLost(error: unknown): boolean {
  if (error instanceof StorageError) return error.code === 'connectionLost';
  return names(error).some((n) => n === 'DatabaseClosedError' || n === 'UnknownError' || n === 'InvalidStateError');
}
