/**
 * Storage failures as codes the UI can translate: the disk is full (quota), IndexedDB cannot be
 * used at all (private mode, blocked, corrupted), or another tab upgraded the database and this
 * one must reload. Nothing here is swallowed: callers surface the code to the user.
 */

export type StorageErrorCode = 'quotaExceeded' | 'storageUnavailable' | 'versionChanged';

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
  return new StorageError('storageUnavailable', error);
}
