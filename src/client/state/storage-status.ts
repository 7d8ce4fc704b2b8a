/**
 * What the device keeps: persistent-storage status and usage (Settings, the header, the sign-in
 * page), the storage problem banner (quota exceeded, IndexedDB unavailable or its connection lost,
 * another tab upgraded the database) and the warnings before trouble (issue 17.2, 17.7):
 * persistence is asked for again at every start while the browser has not granted it, the usage
 * is read again after syncs and writes (at most every 30 s), and at 80 % of the quota the app
 * warns before writes start failing. A sign-in page in a window that is not persistent and has a
 * tiny quota (a private window) says the data may vanish when it is closed.
 */
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { readStorageInfo, requestPersistence, type StorageInfo } from '../storage/persistence';
import { toAppError } from './errors';
import { runtime } from './runtime';
import type { AppError, QueryResult } from './types';

/** The share of the quota at which the app warns. */
export const QUOTA_WARNING_SHARE = 0.8;
/** Below this quota, storage that is not persistent looks like a private window's. */
export const TINY_QUOTA_BYTES = 256 * 1024 * 1024;
const REFRESH_EVERY_MS = 30_000;

const info = signal<QueryResult<StorageInfo>>({ data: undefined, isLoading: true, error: null });
let lastRead = 0;

async function refresh(): Promise<void> {
  lastRead = runtime.config.nowMs();
  try {
    info.value = { data: await readStorageInfo(), isLoading: false, error: null };
  } catch (error) {
    info.value = { data: undefined, isLoading: false, error: toAppError(error) };
  }
}

/** At start: asks for persistence while it is not granted (each start), then reads the usage. */
export async function watchStorage(): Promise<void> {
  await refresh();
  if (info.value.data?.persisted === false) await requestPersistentStorage();
}

/** After a write or a sync: the usage again, at most every 30 s. */
export function noteStorageUse(): void {
  if (runtime.config.nowMs() - lastRead >= REFRESH_EVERY_MS) void refresh();
}

/** Persistence and usage, read again when a screen shows it. */
export function useStorageInfo(): QueryResult<StorageInfo> {
  useEffect(() => {
    void refresh();
  }, []);
  return info.value;
}

/** What to warn about: the quota nearly used up, or a window whose data may vanish (private). */
export type StorageWarning = { kind: 'nearlyFull'; percent: number; usage: number; quota: number } | { kind: 'notKept'; quota: number };

/** The warning of the storage as last read (without reading again). */
export function useStorageWarning(): StorageWarning | null {
  const d = info.value.data;
  if (!d || d.usage === null || d.quota === null || d.quota <= 0) return null;
  if (d.usage >= d.quota * QUOTA_WARNING_SHARE) return { kind: 'nearlyFull', percent: Math.floor((d.usage / d.quota) * 100), usage: d.usage, quota: d.quota };
  if (d.persisted === false && d.quota < TINY_QUOTA_BYTES) return { kind: 'notKept', quota: d.quota };
  return null;
}

/** Asks the browser to keep the data; resolves with its answer and refreshes what screens show. */
export async function requestPersistentStorage(): Promise<boolean> {
  const granted = await requestPersistence();
  await refresh();
  return granted;
}

export function useStorageProblem(): AppError | null {
  return runtime.storageProblem.value;
}

/** Records a storage failure for the banner (quota, unavailable, connection lost, version change). */
export function reportStorageProblem(error: AppError): void {
  if (error.code === 'quotaExceeded' || error.code === 'storageUnavailable' || error.code === 'versionChanged' || error.code === 'connectionLost') {
    runtime.storageProblem.value = error;
  }
}

/** A write went through: a "no space" or "connection lost" alert (the last change was not saved) is no longer true. */
export function clearStorageProblemAfterWrite(): void {
  const code = runtime.storageProblem.value?.code;
  if (code === 'quotaExceeded' || code === 'connectionLost') runtime.storageProblem.value = null;
  noteStorageUse();
}
