/**
 * Two tabs of the app on one phone (one IndexedDB): an edit saved from a draft that another tab
 * has since changed, or deleted, is refused with a message; the other tab's work stays.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { appUnderTest } from '../support/app-under-test';
import { BUILT_INS } from '../../src/routine/index';
import { returningUser } from '../support/returning-user';

const app = appUnderTest();
let context: BrowserContext;
let a: Page;
let b: Page;
const errors: string[] = [];
const routine = BUILT_INS[1].routine;

beforeAll(async () => {
  context = await returningUser(await app.browser.newContext());
  [a, b] = [await context.newPage(), await context.newPage()];
  for (const p of [a, b]) p.on('pageerror', (e) => errors.push(e.message));
});
afterAll(() => context?.close());

const editName = async (page: Page, name: string) => {
  const editor = page.locator('unknot-routine-editor');
  await editor.locator('#f-name').fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
};
const openEditor = async (page: Page) => {
  await page.goto(`${app.server.url}/edit/${routine.id}`);
  await page.locator('unknot-routine-editor #f-name').waitFor();
};
const alertOf = (page: Page) => page.locator('unknot-routine-editor [role=alert]').textContent();
const storedName = (page: Page) =>
  page.evaluate(
    (id) =>
      new Promise<{ name: string; deleted: boolean } | null>((done) => {
        const open = indexedDB.open('unknot');
        open.onsuccess = () => {
          const get = open.result.transaction('routines').objectStore('routines').get(id);
          get.onsuccess = () => {
            open.result.close();
            done(get.result ? { name: get.result.routine.name, deleted: get.result.deletedAt !== undefined } : null);
          };
        };
      }),
    routine.id,
  );

test('a change saved in tab B is not overwritten by tab A’s stale draft: A is told, B’s change stays', async () => {
  await openEditor(a);
  await openEditor(b);
  await editName(b, 'Renamed in tab B');
  await b.waitForURL(`**/routine/${routine.id}`);
  await editName(a, 'Renamed in tab A');
  await expect.poll(() => alertOf(a)).toContain('Not saved: this routine was changed in another tab or window');
  expect(a.url()).toMatch(/\/edit\//); // A's draft is still on screen
  expect(await a.locator('unknot-routine-editor #f-name').inputValue()).toBe('Renamed in tab A');
  expect(await storedName(a)).toEqual({ name: 'Renamed in tab B', deleted: false });
});

test('a routine deleted in tab B is not brought back by tab A’s save: A is told, it stays deleted', async () => {
  await openEditor(a);
  await b.goto(`${app.server.url}/routine/${routine.id}`);
  await b.getByRole('button', { name: 'Delete' }).click();
  await b.waitForURL(`${app.server.url}/?deleted=*`);
  await expect.poll(() => storedName(b)).toEqual({ name: 'Renamed in tab B', deleted: true });
  await editName(a, 'Saved after the delete');
  await expect.poll(() => alertOf(a)).toContain('Not saved: this routine was deleted in another tab or window');
  expect(await storedName(a)).toEqual({ name: 'Renamed in tab B', deleted: true });
  expect(errors).toEqual([]);
});
