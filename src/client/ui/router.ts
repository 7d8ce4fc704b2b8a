/**
 * A tiny History API router: the current path is a signal, navigate() pushes a history entry,
 * the back button (popstate) updates the signal. The service worker answers every in-app path
 * with the cached shell, so deep links work offline.
 */
import { signal } from '@preact/signals';

/** '/plan/' → '/plan'; '' → '/'. */
export function normalizePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function locationPath(): string {
  return typeof location === 'undefined' ? '/' : normalizePath(location.pathname);
}

const currentPath = signal(locationPath());

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    currentPath.value = locationPath();
  });
}

/** Goes to an in-app path; `replace` swaps the current history entry instead of adding one. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const target = normalizePath(to);
  if (target === currentPath.value) return;
  if (options.replace) history.replaceState(null, '', target);
  else history.pushState(null, '', target);
  currentPath.value = target;
}

/** The current route; the calling component re-renders when the path changes. */
export interface Route {
  path: string;
  navigate: typeof navigate;
}

/** Reads the current path (and subscribes the component to it). */
export function useRoute(): Route {
  return { path: currentPath.value, navigate };
}
