/**
 * The production build served (as `npm start` serves it) and one headless Chromium, shared by
 * the tests of one file: started before the first, closed after the last. Call it at the top
 * level of an end-to-end test file; the fields are set once its beforeAll has run.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './chromium';
import { serveDist, type Served } from './serve';

export interface AppUnderTest {
  server: Served;
  browser: Browser;
}

export function appUnderTest(): AppUnderTest {
  const app = {} as AppUnderTest;
  beforeAll(async () => {
    app.server = await serveDist();
    app.browser = await launchBrowser();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
