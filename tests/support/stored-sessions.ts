/** Reads the sessions the app stored, straight from the page's real IndexedDB. */
import type { Page } from 'playwright-core';
import type { SessionRecord } from '../../src/data/schema';

export function storedSessions(page: Page): Promise<SessionRecord[]> {
  return page.evaluate(
    () =>
      new Promise<SessionRecord[]>((resolve, reject) => {
        const req = indexedDB.open('unknot');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('sessions').objectStore('sessions').getAll();
          // Closed at once: a connection left open blocks the app's own deleteDatabase ("Delete all
          // my data") until the page collects it, tens of seconds later.
          get.onsuccess = () => (req.result.close(), resolve(get.result as SessionRecord[]));
          get.onerror = () => reject(get.error);
        };
      }),
  );
}
