/**
 * A big library stays usable: with hundreds of routines the library and the settings draw the
 * first hundred and offer "Show more" (how fast, at 10,000 routines and 11,000 sessions, is
 * measured by tests/bench/scale.bench.ts, not here).
 */
import { beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { appUnderTest } from '../support/app-under-test';
import { BUILT_INS } from '../../src/routine/index';
import { returningUser } from '../support/returning-user';

const app = appUnderTest();
let page: Page;
const COUNT = 250;
const total = COUNT + BUILT_INS.length;

beforeAll(async () => {
  page = await returningUser(await app.browser.newPage());
  await page.goto(app.server.url);
  await page.locator('unknot-library h2').first().waitFor();
  const base = BUILT_INS[0].routine;
  await page.evaluate(
    ([routine, count]) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('unknot');
        open.onsuccess = () => {
          const tx = open.result.transaction('routines', 'readwrite');
          for (let i = 0; i < count; i++) {
            const name = `Many ${String(i).padStart(3, '0')}`;
            tx.objectStore('routines').put({ routine: { ...routine, id: `many-${i}`, name }, origin: 'user', edited: false, createdAt: 1, updatedAt: 1 });
          }
          tx.oncomplete = () => (open.result.close(), done());
          tx.onerror = () => fail(tx.error);
        };
      }),
    [base, COUNT] as const,
  );
});

test(`the library draws the first 100 of ${total} routines, and 100 more per "Show more"`, async () => {
  await page.goto(app.server.url);
  const cards = page.locator('unknot-library li');
  await expect.poll(() => cards.count()).toBe(100);
  await page.getByRole('button', { name: `Show 100 more (100 of ${total} shown)` }).click();
  await expect.poll(() => cards.count()).toBe(200);
  await page.getByRole('button', { name: `Show ${total - 200} more (200 of ${total} shown)` }).click();
  await expect.poll(() => cards.count()).toBe(total);
  expect(await page.getByRole('button', { name: /^Show \d+ more/ }).count()).toBe(0);
});

test('the settings draw reminders for the first 100 routines and every one with a reminder, then more on demand', async () => {
  await page.goto(`${app.server.url}/settings`);
  const boxes = page.locator('unknot-reminders-routine');
  await expect.poll(() => boxes.count()).toBe(100);
  await page.getByRole('button', { name: `Show more routines (100 of ${total})` }).click();
  await expect.poll(() => boxes.count()).toBe(200);
});
