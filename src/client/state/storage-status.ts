/**
 * What the device keeps: persistent-storage status and usage for Settings, and the storage
 * problem banner (quota exceeded, IndexedDB unavailable, another tab upgraded the database).
 */
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { readStorageInfo, requestPersistence, type StorageInfo } from '../storage/persistence';
import { toAppError } from './errors';
import { runtime } from './runtime';
import type { AppError, QueryResult } from './types';

const info = signal<QueryResult<StorageInfo>>({ data: undefined, isLoading: true, error: null });

async function refresh(): Promise<void> {
  try {
    info.value = { data: await readStorageInfo(), isLoading: false, error: null };
  } catch (error) {
    info.value = { data: undefined, isLoading: false, error: toAppError(error) };
  }
}

/** Persistence and usage, read when a screen shows it. */
export function useStorageInfo(): QueryResult<StorageInfo> {
  useEffect(() => {
    void refresh();
  }, []);
  return info.value;
}

/** Asks the browser to keep the data; resolves with its answer and refreshes the card. */
export async function requestPersistentStorage(): Promise<boolean> {
  const granted = await requestPersistence();
  await refresh();
  return granted;
}

export function useStorageProblem(): AppError | null {
  return runtime.storageProblem.value;
}

/** Records a storage failure for the banner (quota, unavailable, version change). */
export function reportStorageProblem(error: AppError): void {
  if (error.code === 'quotaExceeded' || error.code === 'storageUnavailable' || error.code === 'versionChanged') {
    runtime.storageProblem.value = error;
  }
}

/** A write went through: a "no space" alert (which says the last change was not saved) is no longer true. */
export function clearStorageProblemAfterWrite(): void {
  if (runtime.storageProblem.value?.code === 'quotaExceeded') runtime.storageProblem.value = null;
}
