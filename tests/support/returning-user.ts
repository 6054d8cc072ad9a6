/**
 * A returning user's browser: the first-run welcome was acknowledged before, so the app opens
 * straight on the page asked for. It sets the same localStorage entry the welcome itself writes
 * (src/safety/welcome.ts), before any page script runs; there is no test-only switch in the app.
 * Tests of the welcome itself do not call it.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { WELCOME_KEY } from '../../src/safety/welcome';

/** Marks the welcome as acknowledged in every page the context (or this page) loads from now on; returns its argument. */
export async function returningUser<T extends BrowserContext | Page>(target: T): Promise<T> {
  await target.addInitScript(`try { localStorage.setItem(${JSON.stringify(WELCOME_KEY)}, 'acknowledged'); } catch {}`);
  return target;
}
