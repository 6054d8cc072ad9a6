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
          get.onsuccess = () => resolve(get.result as SessionRecord[]);
          get.onerror = () => reject(get.error);
        };
      }),
  );
}
