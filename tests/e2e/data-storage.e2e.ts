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

const app = appUnderTest();

test('another tab upgrading the database: this one closes it and asks to reload', async () => {
  const context = await returningUser(await app.browser.newContext());
  const page = await context.newPage();
  await page.goto(app.server.url);
  await expect.poll(() => page.locator('unknot-library h2').count()).toBe(3);
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'unknot' && d.version === 3));

  // A "newer app" in a second tab opens version 4; it would wait forever if the first tab held on.
  const other = await context.newPage();
  await other.goto(`${app.server.url}/404-not-the-app`);
  const opened = await other.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('unknot', 4);
        request.onsuccess = () => resolve(request.result.version);
        request.onerror = () => reject(request.error);
      }),
  );
  expect(opened).toBe(4);
  await expect.poll(() => page.locator('unknot-data-status p').textContent()).toContain('Unknot was updated in another tab. Reload this page');
  await context.close();
});
