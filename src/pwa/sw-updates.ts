/// <reference types="vite/client" />
/**
 * The service worker's side of updates, through workbox-window (2.4 KB gzip, and it already
 * knows the waiting/installed/external edge cases we would otherwise hand-write). It registers
 * /sw.js, reports when a new version is waiting, and reloads only when asked to.
 *
 * workbox-window is imported lazily, after the load event: registration waits for it anyway, so
 * it need not weigh on the first paint nor on the bytes fetched before load.
 */
import type { Workbox } from 'workbox-window';
import type { UpdateSource } from './update-prompt-controller';
import { afterLoad } from './after-load';

export class ServiceWorkerUpdates extends EventTarget implements UpdateSource {
  updateReady = false;
  private _wb: Workbox | undefined;
  private _started = false;

  constructor(private readonly _scriptUrl = '/sw.js') {
    super();
  }

  start(): void {
    // The dev server has no service worker; registering there would only log a 404.
    if (this._started || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    this._started = true;
    // Fetched only after the load event: started at start-up, its 2.4 KB landed before load and
    // counted against the first-load budget (tests/bench/pwa.bench.ts).
    afterLoad(() =>
      void import('workbox-window').then(
        ({ Workbox }) => this._register(new Workbox(this._scriptUrl, { scope: '/' })),
        (error: unknown) => console.warn('Unknot: no offline support:', error),
      ),
    );
  }

  private _register(wb: Workbox): void {
    this._wb = wb;
    // Also fires for a version that was already waiting when this page loaded, and for one that
    // another tab's update check installed.
    wb.addEventListener('waiting', () => {
      this.updateReady = true;
      this.dispatchEvent(new Event('change'));
    });
    wb.register().catch((error: unknown) => console.warn('Unknot: no offline support:', error));
    // An app left open for days still hears about new versions when the user comes back to it.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') wb.update().catch(() => undefined);
    });
  }

  async applyUpdate(): Promise<void> {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!this._wb || !registration?.waiting) {
      // Another tab already activated it: this page only needs fresh files.
      location.reload();
      return;
    }
    // Reload once the new worker controls this page, so every file comes from the same version.
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    this._wb.messageSkipWaiting();
  }
}
