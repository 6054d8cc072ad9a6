/**
 * The set-up every end-to-end file of the watch link shares, in the BUILT app in real headless
 * Chromium through Chromium's own Bluetooth emulation (tests/support/ble-peripheral.ts):
 * - for the file: the app served and one Chromium (appUnderTest), and the browser-wide CDP session
 *   the emulation is driven through;
 * - for each test: a fresh context of a returning user and its page, the page's uncaught errors
 *   collected in `errors`, and the held reads installed before any app script runs. Chromium's
 *   emulation cannot notify: a read kept in flight on each notifying characteristic is answered
 *   instead. Their drop gate holds the page's writes while a simulated drop happens, so the drop
 *   falls between writes (a GATT operation crossing it is never settled, and blocks every later
 *   connect);
 * - after each test: the context (the page) is closed BEFORE the emulation is turned off, because
 *   turning it off under a live connection can crash Chromium. EmulatedBangle.stop() then waits
 *   at most 2 s for replies the closed page will never take.
 *
 * Call it at the top level of a test file; `context`, `page`, `errors` and `bangle` are the
 * current test's once its beforeEach has run.
 */
import { afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { BrowserContext, CDPSession, Locator, Page } from 'playwright-core';
import { appUnderTest, type AppUnderTest } from './app-under-test';
import { EmulatedBangle, installHeldReads, type PeripheralOptions } from './ble-peripheral';
import { returningUser } from './returning-user';

export interface WatchTestBedOptions {
  /**
   * Keep the device the chooser returned as window.__watch, to ask the browser itself whether it
   * is still connected (e.g. after the app's Disconnect).
   */
  keepChosenDevice?: boolean;
}

export interface WatchTestBed {
  readonly app: AppUnderTest;
  readonly context: BrowserContext;
  readonly page: Page;
  /** The page's uncaught errors in this test. */
  readonly errors: string[];
  /** This test's emulated watch, once emulate() made it. */
  readonly bangle: EmulatedBangle | undefined;
  /** Turns the emulation on with this peripheral (stopped after the test). */
  emulate(opts: PeripheralOptions): Promise<EmulatedBangle>;
  /** Opens `path`, pairs the watch from its panel and waits until the panel says `connected`. */
  pair(path: string, connected?: RegExp): Promise<void>;
  /** The watch panel's state line. */
  watchState(): Locator;
}

declare global {
  interface Window {
    __watch?: BluetoothDevice;
  }
}

// A string, not a function: transpilers add helpers (e.g. __name) that do not exist in the page.
const KEEP_CHOSEN_DEVICE = `(() => {
  const B = globalThis.Bluetooth;
  if (!B) return;
  const request = B.prototype.requestDevice;
  B.prototype.requestDevice = async function (o) { const d = await request.call(this, o); window.__watch = d; return d; };
})();`;

export function watchTestBed(options: WatchTestBedOptions = {}): WatchTestBed {
  const app = appUnderTest();
  let browserCdp: CDPSession;
  let context: BrowserContext;
  let page: Page;
  let errors: string[] = [];
  let bangle: EmulatedBangle | undefined;
  const watchState = () => page.getByTestId('watch-state').first();

  beforeAll(async () => {
    browserCdp = await app.browser.newBrowserCDPSession();
  });

  beforeEach(async () => {
    errors = [];
    bangle = undefined;
    context = await returningUser(await app.browser.newContext());
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await installHeldReads(page);
    if (options.keepChosenDevice) await page.addInitScript(KEEP_CHOSEN_DEVICE);
  });

  afterEach(async () => {
    await context?.close();
    await bangle?.stop();
  });

  return {
    app,
    get context() {
      return context;
    },
    get page() {
      return page;
    },
    get errors() {
      return errors;
    },
    get bangle() {
      return bangle;
    },
    async emulate(opts) {
      const b = new EmulatedBangle(browserCdp, await context.newCDPSession(page), opts);
      bangle = b;
      await b.start();
      return b;
    },
    async pair(path, connected = /Connected to Bangle\.js 1a2b/) {
      await page.goto(`${app.server.url}${path}`);
      await page.getByRole('button', { name: 'Pair a watch' }).click();
      await expect.poll(() => watchState().textContent()).toMatch(connected);
    },
    watchState,
  };
}
