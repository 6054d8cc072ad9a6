import { beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { appUnderTest } from '../support/app-under-test';
import { BUILT_INS, compile } from '../../src/routine/index';
import { returningUser } from '../support/returning-user';

const app = appUnderTest();
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  page = await returningUser(await app.browser.newPage());
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
});

test('the library lists the three built-in routines', async () => {
  await page.goto(app.server.url);
  // The list appears once the database has answered.
  await expect.poll(() => page.locator('unknot-library h2').allTextContents()).toEqual(BUILT_INS.map((b) => b.routine.name));
  expect(errors).toEqual([]);
});

test('a routine opens on its own page with its steps, total and every buzz', async () => {
  const routine = BUILT_INS[0].routine;
  await page.goto(app.server.url);
  await page.getByRole('link', { name: new RegExp(routine.name) }).click();
  await page.waitForURL(`**/routine/${routine.id}`);
  await expect.poll(() => page.locator('unknot-routine-detail h1').textContent()).toBe(routine.name);

  const timeline = compile(routine);
  expect(await page.locator('[data-total-ms]').getAttribute('data-total-ms')).toBe(String(timeline.totalMs));
  expect(await page.locator('unknot-routine-detail ol li').count()).toBe(routine.exercises[0].steps.length);

  const shown = await page
    .locator('.buzz')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-at')} ${e.getAttribute('data-cue')}`));
  const planned = timeline.cues
    .filter((c) => ['hold-start', 'hold-end', 'switch-side', 'routine-done'].includes(c.type))
    .map((c) => `${c.atMs} ${c.type}`);
  expect(shown).toEqual(planned);
  await expect.poll(() => page.getByRole('heading', { name: 'See a doctor now if you have' }).isVisible()).toBe(true);
});

test('a deep link reloads straight into the routine page', async () => {
  const routine = BUILT_INS[2].routine;
  await page.goto(`${app.server.url}/routine/${routine.id}`);
  await expect.poll(() => page.locator('unknot-routine-detail h1').textContent()).toBe(routine.name);
  await page.goBack();
  expect(errors).toEqual([]);
});
