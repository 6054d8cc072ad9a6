/** Puts a routine straight into the page's real IndexedDB, as if the user had edited it there. */
import type { Page } from 'playwright-core';
import type { Routine } from '../../src/routine/index';
import type { RoutineRecord } from '../../src/data/schema';

/**
 * Stores `routine` as an edited copy (a built-in id stays a built-in, marked edited, so no
 * upgrade replaces it). The app must have opened its database once on this page (seeded).
 */
export async function storeRoutine(page: Page, routine: Routine): Promise<void> {
  await page.evaluate(
    (routine) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('unknot');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('routines', 'readwrite');
          const store = tx.objectStore('routines');
          const get = store.get(routine.id);
          get.onsuccess = () => {
            const old = get.result as RoutineRecord | undefined;
            const now = Date.now();
            const record: RoutineRecord = old
              ? { ...old, routine, edited: true, updatedAt: now }
              : { routine, origin: 'user', edited: false, createdAt: now, updatedAt: now };
            store.put(record);
          };
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    routine,
  );
}
