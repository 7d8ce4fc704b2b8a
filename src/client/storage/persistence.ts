/**
 * Asking the browser to keep our data (persistent storage) and how much space it takes. Without
 * persistence a browser may evict IndexedDB under storage pressure, so the app asks at sign-in
 * and Settings shows the answer and the usage.
 */

export interface StorageInfo {
  /** True when the browser promised not to evict the data; null when it cannot tell. */
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

function storageManager(): StorageManager | null {
  return typeof navigator !== 'undefined' && 'storage' in navigator ? navigator.storage : null;
}

/** Asks for persistent storage; resolves with the browser's answer (false when unsupported). */
export async function requestPersistence(): Promise<boolean> {
  const s = storageManager();
  if (!s || typeof s.persist !== 'function') return false;
  try {
    return await s.persist();
  } catch {
    return false;
  }
}

/** Whether storage is persistent, and the usage and quota estimate. */
export async function readStorageInfo(): Promise<StorageInfo> {
  const s = storageManager();
  if (!s) return { persisted: null, usage: null, quota: null };
  const persisted = typeof s.persisted === 'function' ? await s.persisted().catch(() => null) : null;
  const estimate = typeof s.estimate === 'function' ? await s.estimate().catch(() => null) : null;
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}
