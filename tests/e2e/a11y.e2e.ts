/**
 * axe-core on every view of the built app, in light and in dark mode (and once with large text
 * and reduced motion): zero violations, best practices included. The history view is checked
 * with sessions in it, a day open and a session's detail shown, so those parts are checked too.
 * The sessions are marked for pain (three in a week), so the professional banner shows on every view.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { appUnderTest } from '../support/app-under-test';
import { builtInRoutine } from '../../src/routine/index';
import { planIdOf } from '../../src/data/plans';
import { zonedInstant } from '../../src/history/index';
import { returningUser } from '../support/returning-user';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TZ = 'Europe/Berlin';
const NOW = zonedInstant('2026-05-20', '10:00', TZ);
const k2c = builtInRoutine('knees-to-chest-twist')!;

/** Every view, and what shows it has rendered. */
const VIEWS: { path: string; ready: string }[] = [
  { path: '/', ready: 'unknot-library h1' },
  { path: `/routine/${k2c.id}`, ready: 'unknot-routine-detail h1' },
  { path: '/edit', ready: 'main h1' },
  { path: `/play/${k2c.id}`, ready: 'unknot-player h1' },
  { path: '/history', ready: 'unknot-history-calendar button[data-day]' },
  { path: '/settings', ready: 'unknot-reminders-routine fieldset' },
  { path: '/report', ready: 'unknot-report table' },
  { path: '/about-back-spasms', ready: 'unknot-about-back-spasms h1' },
  { path: '/welcome', ready: 'unknot-welcome h1' },
];

const app = appUnderTest();

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: unknown[]; failureSummary: string }[] }[];
}

async function axe(page: Page): Promise<string[]> {
  // addScriptTag with `path` injects the file's text as an INLINE script, which the app's CSP
  // (no 'unsafe-inline') rightly blocks; this test's context alone bypasses the CSP for that.
  await page.addScriptTag({ path: AXE_PATH });
  // resultTypes: only violations are collected in full, which makes a run several times faster.
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResult> } }).axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations.map((v) => `${v.id} [${v.impact}] ${v.help}: ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`).join(' | ')}`);
}

async function newContext(options: { colorScheme: 'light' | 'dark'; reducedMotion?: 'reduce' }): Promise<BrowserContext> {
  // bypassCSP: ONLY here, so that axe can be injected (see axe() above); every other test runs under the real CSP.
  const context = await returningUser(await app.browser.newContext({ bypassCSP: true, timezoneId: TZ, locale: 'en-GB', ...options }));
  const page = await context.newPage();
  await page.clock.setFixedTime(NOW);
  await page.goto(`${app.server.url}/settings`);
  await page.locator('unknot-reminders-routine fieldset').first().waitFor();
  // Sessions with pain ratings and a note, so the calendar, chart, table and detail all render.
  const sessions = ['2026-05-18', '2026-05-19', '2026-05-20'].map((day, i) => {
    const at = zonedInstant(day, '08:00', TZ);
    return { id: `a${i}`, routineId: k2c.id, planId: planIdOf(k2c), startedAt: at, endedAt: at + 90_000, stepsDone: 9, totalSteps: 9, outcome: 'completed', source: 'phone', painBefore: 6 - i, painAfter: 8, flag: 'pain-high', felt: 'harder', note: 'ok' };
  });
  await page.evaluate(
    ([plan, sessions]) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('unknot');
        req.onsuccess = () => {
          const tx = req.result.transaction(['plans', 'sessions'], 'readwrite');
          tx.objectStore('plans').put(plan);
          for (const s of sessions) tx.objectStore('sessions').put(s);
          tx.oncomplete = () => (req.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    [{ id: planIdOf(k2c), routineId: k2c.id, routine: k2c }, sessions] as const,
  );
  await page.close();
  return context;
}

async function check(context: BrowserContext, path: string, ready: string): Promise<string[]> {
  const page = await context.newPage();
  await page.clock.setFixedTime(NOW);
  await page.goto(`${app.server.url}${path}`);
  await page.locator(ready).first().waitFor();
  if (path === '/history') {
    await page.locator('unknot-history-calendar button[data-day="2026-05-20"]').click();
    await page.getByRole('list', { name: 'Sessions that day' }).getByRole('button').first().click();
    await page.locator('unknot-history-session dl').waitFor();
  }
  const violations = await axe(page);
  await page.close();
  return violations;
}

describe.each(['light', 'dark'] as const)('axe, %s mode', (colorScheme) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await newContext({ colorScheme });
  });
  afterAll(() => context?.close());

  test.each(VIEWS)('$path has no violations', async ({ path, ready }) => {
    expect(await check(context, path, ready)).toEqual([]);
  });
});

test('large text and reduced motion: no violations, and the settings reach the page', async () => {
  const context = await newContext({ colorScheme: 'dark', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${app.server.url}/settings`);
  await page.getByLabel('Lying down: extra large text').check();
  await expect.poll(() => page.evaluate(() => document.documentElement.hasAttribute('data-large-text'))).toBe(true);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('22px');
  expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
  await page.close();
  for (const { path, ready } of VIEWS.filter((v) => ['/history', '/settings', '/report'].includes(v.path))) {
    expect(await check(context, path, ready)).toEqual([]);
  }
  await context.close();
});
