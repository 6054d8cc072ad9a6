/**
 * The service worker: precaches the whole built app (and the built watch files, so the watch can
 * be set up without a network), answers every navigation with the cached index.html so each
 * view's URL reloads offline, and waits for the page's "Reload" before taking over: an update
 * must never interrupt a routine in progress.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

// The page sends this only when the user pressed "Reload" (workbox-window messageSkipWaiting).
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Registers Workbox's fetch handler (Chrome needs one before it offers to install the app).
// Requests no route answers (there are none from the app itself) go to the network as usual.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every in-app URL (/, /routine/:id, /play/:id, /edit, /history, /settings) is the same shell;
// the router picks the view. A last segment with a dot is a file, not a view (routine ids are
// [a-z0-9-], src/routine/validate.ts), so a missing file is a 404, not the shell.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/\/[^/]+\.[^/]+$/] }));

// A tapped reminder (src/reminders/notify.ts) opens the app. An open window is only focused,
// never navigated: it may be in the middle of a routine. Only same-origin paths are opened.
self.addEventListener('notificationclick', (event: NotificationEvent) => {
  event.notification.close();
  // Snooze (notify.ts SNOOZE_ACTION): the open pages run the reminders, so they are told; nothing opens.
  if (event.action === 'snooze') {
    const reminder = (event.notification.data as { reminder?: unknown } | null)?.reminder;
    event.waitUntil(
      self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
        for (const w of windows) w.postMessage({ type: 'unknot-reminder-snooze', reminder });
      }),
    );
    return;
  }
  const wanted = (event.notification.data as { url?: unknown } | null)?.url;
  const url = new URL(typeof wanted === 'string' ? wanted : '/', self.location.origin);
  const path = url.origin === self.location.origin ? url.pathname : '/';
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => 'focus' in w);
      return open ? open.focus() : self.clients.openWindow(path);
    }),
  );
});

// A first visit becomes controlled at once, so it works offline without a second load. This
// does not skip waiting: updates still wait for the user.
clientsClaim();
