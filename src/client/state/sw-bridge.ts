/**
 * The bridge to the service worker (workbox-window). A new version is announced, never forced:
 * the user applies it from the banner, and not while a form holds unsaved input, so an open
 * attendance list is never lost to a reload. Ticks themselves are already in IndexedDB.
 * When the new version takes over (from this tab or another one), every open tab reloads (issue
 * 17.5), so none keeps old code whose lazily loaded screens are gone from the server and the
 * cache; a tab holding unsaved input does not reload by itself but says to save and reload.
 */
import { signal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { Workbox } from 'workbox-window';
import { runtime } from './runtime';

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
  // A page first taken over at install (clients.claim) has nothing old to replace; a later change
  // of controller is a new version taking over, from this tab or another one.
  let controller = navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    const previous = controller;
    controller = navigator.serviceWorker.controller;
    if (previous) void takeOver();
  });
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

let reloading = false;

/**
 * A new version controls the page: what this tab has written is in IndexedDB (a sync run in
 * progress is finished first, so its answer is stored), and the tab reloads onto the new code.
 * Over unsaved input it asks the user instead (the storage banner's "Odśwież stronę").
 */
async function takeOver(): Promise<void> {
  if (reloading) return;
  if (hasUnsavedWork()) {
    runtime.storageProblem.value = { code: 'versionChanged' };
    return;
  }
  reloading = true;
  await runtime.engine?.idle();
  window.location.reload();
}

/** Activates the waiting version; every tab reloads once it controls them (refused over unsaved work). */
export async function applyUpdate(): Promise<void> {
  if (!workbox || hasUnsavedWork()) return;
  workbox.messageSkipWaiting();
  await Promise.resolve();
}
