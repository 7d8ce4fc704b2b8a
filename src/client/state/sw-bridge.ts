/**
 * The bridge to the service worker (workbox-window). A new version is announced, never forced:
 * the user applies it from the banner, and not while a form holds unsaved input, so an open
 * attendance list is never lost to a reload. Ticks themselves are already in IndexedDB.
 */
import { signal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { Workbox } from 'workbox-window';

/** The part of workbox-window the bridge uses (component tests pass their own). */
export interface ServiceWorkerHandle {
  addEventListener(type: 'waiting' | 'controlling', listener: () => void): void;
  register(): Promise<unknown>;
  messageSkipWaiting(): void;
}

const updateAvailable = signal(false);
const dirtyForms = signal<ReadonlySet<symbol>>(new Set());
let workbox: ServiceWorkerHandle | null = null;

/** /sw.js through workbox-window in production builds; none in development and tests. */
function productionWorker(): ServiceWorkerHandle | null {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return null;
  return new Workbox('/sw.js');
}

/** Registers the service worker (by default /sw.js in production builds); announces a waiting new version. */
export function registerServiceWorker(create: () => ServiceWorkerHandle | null = productionWorker): void {
  updateAvailable.value = false;
  workbox = create();
  if (!workbox) return;
  workbox.addEventListener('waiting', () => {
    updateAvailable.value = true;
  });
  workbox.register().catch(() => undefined);
}

export function useUpdateAvailable(): boolean {
  return updateAvailable.value;
}

/** True while any mounted form reports unsaved input. */
export function hasUnsavedWork(): boolean {
  return dirtyForms.value.size > 0;
}

export function useHasUnsavedWork(): boolean {
  return dirtyForms.value.size > 0;
}

/** A form reports whether it holds unsaved input; cleared when the form unmounts. */
export function useUnsavedWork(dirty: boolean): void {
  const key = useMemo(() => Symbol('form'), []);
  useEffect(() => {
    const next = new Set(dirtyForms.value);
    if (dirty) next.add(key);
    else next.delete(key);
    dirtyForms.value = next;
    return () => {
      const after = new Set(dirtyForms.value);
      after.delete(key);
      dirtyForms.value = after;
    };
  }, [dirty, key]);
}

/** Activates the waiting version and reloads once it controls the page (refused over unsaved work). */
export async function applyUpdate(): Promise<void> {
  if (!workbox || hasUnsavedWork()) return;
  workbox.addEventListener('controlling', () => window.location.reload());
  workbox.messageSkipWaiting();
  await Promise.resolve();
}
