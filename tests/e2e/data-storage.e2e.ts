/**
 * Another tab in real Chromium: a newer version of the app opening the database makes this tab
 * close its connection at once and ask the user to reload.
 *
 * (A full disk is not here: Chromium 156 accepts CDP Storage.overrideQuotaForOrigin but still
 * lets IndexedDB write past it, so that path is tested in Node at fake-indexeddb's lowest layer.)
 */
import { expect, test } from 'vitest';
import { appUnderTest } from '../support/app-under-test';
import { returningUser } from '../support/returning-user';
import { DB_VERSION } from '../../src/data/schema';

const app = appUnderTest();

test('another tab upgrading the database: this one closes it and asks to reload', async () => {
  const context = await returningUser(await app.browser.newContext());
  const page = await context.newPage();
  await page.goto(app.server.url);
  await expect.poll(() => page.locator('unknot-library h2').count()).toBe(3);
  await page.waitForFunction(async (v) => (await indexedDB.databases()).some((d) => d.name === 'unknot' && d.version === v), DB_VERSION);

  // A "newer app" in a second tab opens the next version; it would wait forever if the first tab held on.
  const other = await context.newPage();
  await other.goto(`${app.server.url}/404-not-the-app`);
  const opened = await other.evaluate(
    (next) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('unknot', next);
        request.onsuccess = () => resolve(request.result.version);
        request.onerror = () => reject(request.error);
      }),
    DB_VERSION + 1,
  );
  expect(opened).toBe(DB_VERSION + 1);
  await expect.poll(() => page.locator('unknot-data-status p').textContent()).toContain('Unknot was updated in another tab. Reload this page');
  await context.close();
});
