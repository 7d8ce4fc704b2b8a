/**
 * The service worker: precaches the app shell (the list is injected at build time by
 * vite-plugin-pwa's injectManifest) so that after one visit the app opens and navigates with the
 * network off. API calls are never cached: data lives in IndexedDB and travels through sync.
 * A new version waits until the page asks it to take over (SKIP_WAITING), so an open attendance
 * list is never reloaded under the therapist's finger.
 */
/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null } | string>;
};

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// Every in-app navigation (/, /obecnosc, /uczestnicy/...) is answered with the cached shell;
// /api is left to the network.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }));

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data = event.data as { type?: string } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});
