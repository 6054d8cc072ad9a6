/**
 * Layout of every view the router knows (VIEW_PATHS): no sideways scrolling at 320 px wide, nor
 * with the browser's text size at 200 % (WCAG 1.4.10 Reflow), and no layout shift worth the name
 * while a view loads (cumulative layout shift ≤ 0.02 on a throttled phone-sized page).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { appUnderTest } from '../support/app-under-test';
import { VIEW_PATHS, parseRoute } from '../../src/ui/shell/router';
import { BUILT_INS } from '../../src/routine/index';
import { returningUser } from '../support/returning-user';

const app = appUnderTest();
const id = BUILT_INS[0].routine.id;
const paths = Object.entries(VIEW_PATHS).flatMap(([name, list]) => list.map((p) => ({ name, path: p.replace(':id', id) })));

test('every view of the router has an address here, and it parses to that view', () => {
  for (const { name, path } of paths) expect(parseRoute(path).name, path).toBe(name);
});

/** Page width and the widest elements past the right edge, through shadow roots. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const box = el.getBoundingClientRect();
        if (box.width > 0 && box.right > innerWidth + 1) out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} to ${Math.round(box.right)} px`);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return { scrollWidth: document.documentElement.scrollWidth, width: document.documentElement.clientWidth, past: out.slice(0, 5) };
  });

describe.each([
  { what: '320 px wide', width: 320, fontSize: 16 },
  { what: '320 px wide, text at 200 %', width: 320, fontSize: 32 },
  { what: '390 px wide, text at 200 %', width: 390, fontSize: 32 },
])('reflow at $what', ({ width, fontSize }) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await returningUser(await app.browser.newContext({ viewport: { width, height: 700 } }));
    page = await context.newPage();
    // The browser's own text-size setting (the default font size), as a user with large text has it.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.enable');
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: fontSize, fixed: Math.round((fontSize * 13) / 16) } });
  });
  afterAll(() => context?.close());

  test.each(paths)('$path does not scroll sideways', async ({ path }) => {
    await page.goto(`${app.server.url}${path}`);
    await page.locator('unknot-app main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    const { scrollWidth, width: shown, past } = await overflow(page);
    expect({ path, scrollWidth, past }).toEqual({ path, scrollWidth: shown, past: [] });
  });
});

describe('layout shift while a view loads', () => {
  test.each(paths)('$path: cumulative layout shift ≤ 0.02', async ({ path }) => {
    // A phone-sized page with a slow CPU, so that every placeholder is on screen for a while.
    const context = await returningUser(await app.browser.newContext({ viewport: { width: 412, height: 823 } }));
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.addInitScript(() => {
        const w = window as unknown as { __shift: number };
        w.__shift = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.__shift += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${app.server.url}${path}`);
      await page.locator('unknot-app main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      // Whatever arrives after the network is quiet (the database, a lazily drawn chart) has had two frames.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const shift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);
      expect(shift, path).toBeLessThanOrEqual(0.02);
    } finally {
      await context.close();
    }
  });
});
