/**
 * A big library and a long history stay usable: with hundreds of routines the library and the
 * settings draw the first hundred and offer "Show more"; with hundreds of sessions (more than one
 * page of the data layer's paged reads, with start times shared across a page boundary) the
 * history and the report count every session, and the pain table draws the newest hundred rows
 * at a time. How fast, at 10,000 routines and 11,000 sessions, is measured by
 * tests/bench/scale.bench.ts, not here.
 */
import { beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { appUnderTest } from '../support/app-under-test';
import { BUILT_INS } from '../../src/routine/index';
import { returningUser } from '../support/returning-user';
import type { SessionInput, UnknotData } from '../../src/data/api';
import { READ_PAGE } from '../../src/data/paged';

const app = appUnderTest();
let page: Page;
const COUNT = 250;
const total = COUNT + BUILT_INS.length;
/** More than a page of the paged reads; three sessions share each start time, one trio across the page boundary. */
const SESSIONS = READ_PAGE + 120;
const HOUR = 3_600_000;
const plan = BUILT_INS[0].routine;
const sessions: SessionInput[] = Array.from({ length: SESSIONS }, (_, i) => {
  // The last one a minute after the two it would share its time with: the newest is that one.
  const startedAt = Date.now() - 2 * HOUR - Math.floor((SESSIONS - 1 - i) / 3) * 8 * HOUR + (i === SESSIONS - 1 ? 60_000 : 0);
  return { plan, startedAt, endedAt: startedAt + 300_000, stepsDone: 10, totalSteps: 10, outcome: 'completed', source: 'phone', painBefore: 3 + (i % 5), painAfter: i % 4 };
});
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

beforeAll(async () => {
  // Days counted in UTC, so the test's own count of the report's period is plain arithmetic.
  page = await returningUser(await app.browser.newPage({ timezoneId: 'UTC' }));
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
  await page.waitForFunction(() => !!(document.querySelector('unknot-app') as unknown as { data?: unknown }).data);
  await page.evaluate((inputs) => (document.querySelector('unknot-app') as unknown as { data: UnknotData }).data.sessions.addMany(inputs), sessions);
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

test(`the history counts all ${SESSIONS} sessions, and the pain table draws the newest 100 rows, then 100 more per "Show more"`, async () => {
  await page.goto(`${app.server.url}/history`);
  const chart = page.locator('unknot-history-chart');
  await expect.poll(() => chart.locator('svg').getAttribute('data-points')).toBe(String(SESSIONS));
  const before = mean(sessions.map((x) => x.painBefore!)).toFixed(1);
  const after = mean(sessions.map((x) => x.painAfter!)).toFixed(1);
  const drop = mean(sessions.map((x) => x.painBefore! - x.painAfter!)).toFixed(1);
  expect(await chart.getByText(/^Over the \d+ sessions/).textContent()).toBe(`Over the ${SESSIONS} sessions rated before and after: mean pain before ${before}, after ${after}; on average down by ${drop}.`);
  expect(await chart.locator('circle').count()).toBe(0); // hundreds of dots merge into the line: only the line
  const rows = chart.locator('tbody tr');
  expect(await rows.count()).toBe(0); // drawn when opened
  await chart.getByText('Pain ratings as a table').click();
  await expect.poll(() => rows.count()).toBe(100);
  const newest = sessions.at(-1)!;
  expect(await rows.first().locator('td').nth(1).textContent()).toBe(String(newest.painBefore));
  await chart.getByRole('button', { name: `Show 100 older (100 of ${SESSIONS} shown)` }).click();
  await expect.poll(() => rows.count()).toBe(200);
});

test('the report counts every session of its period, and offers every routine to share', async () => {
  await page.goto(`${app.server.url}/report`);
  const day = (t: number) => Math.floor(t / 86_400_000);
  const today = day(Date.now());
  const inPeriod = sessions.filter((x) => day(x.startedAt) >= today - 29 && day(x.startedAt) <= today).length;
  await expect.poll(() => page.locator('[data-summary]').textContent(), { timeout: 15_000 }).toContain(`30 days · ${inPeriod} sessions (${inPeriod} completed, 0 stopped early)`);
  // The share list's options are drawn a few hundred per task, until every routine is there.
  await expect.poll(() => page.locator('#share-routine option').count(), { timeout: 15_000 }).toBe(total);
  expect(await page.locator('#share-routine option').first().textContent()).toBe('Lying knees-to-chest twist');
});
