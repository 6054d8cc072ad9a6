/**
 * "Delete all my data" with a watch connected, in the BUILT app in real headless Chromium through
 * its Bluetooth emulation, wired to the REAL built watch module under the Espruino double
 * (tests/support/ble-peripheral.ts): the watch's log, wrist plans and reminders are deleted with
 * the phone's data, and a reconnect afterwards brings nothing back. The wipe's edges (protocol 1,
 * a drop mid-wipe, a sync during the wipe): tests/watch-link/wipe.test.ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { appUnderTest } from '../support/app-under-test';
import { returningUser } from '../support/returning-user';
import { EmulatedBangle, installHeldReads } from '../support/ble-peripheral';
import { EspruinoDouble } from '../watch/espruino-double';
import { injectLog, logFiles } from '../support/lying-watch';
import { storedSessions } from '../support/stored-sessions';
import { BUILT_INS } from '../../src/routine/index';
import { OUTCOME } from '../../watch/protocol';
import { planIdOfRoutine } from '../../src/watch-link/log-sync';

const dist = resolve(import.meta.dirname, '../../dist/watch');
const built = () => ({ app: readFileSync(join(dist, 'unknot.app.js'), 'utf8'), boot: readFileSync(join(dist, 'unknot.boot.js'), 'utf8') });
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const [a, b] = BUILT_INS.map((x) => x.routine);
/** A wait for a transfer to the watch (tens of writes through the emulation and this process). */
const TRANSFER = { timeout: 20_000 };

const app = appUnderTest();
let browserCdp: CDPSession;
let context: BrowserContext;
let page: Page;
let bangle: EmulatedBangle | undefined;
let errors: string[];

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
});

afterEach(async () => {
  // The page first: turning the emulation off under a live connection can crash Chromium.
  await context?.close();
  await bangle?.stop();
});

const watchState = () => page.getByTestId('watch-state').first();

async function axe(): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: unknown[] }[] }[] };
    const r = await (window as unknown as { axe: { run(d: Document, o: object): Promise<Result> } }).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  });
}

test('Delete all my data with a watch connected: its log, wrist plans and reminders go too; a reconnect imports nothing', async () => {
  const watch = new EspruinoDouble({ startAt: Date.now() }).boot(built());
  const now = Math.floor(watch.now() / 1000);
  // Synced at the connect: a session of a built-in routine. Left on the watch: one of a routine
  // the phone does not know (deleted since), which a sync never acknowledges.
  injectLog(watch, { id: 1, planId: planIdOfRoutine(a), startedAt: now - 2 * 86400, activeS: 90, outcome: OUTCOME.STOPPED });
  injectLog(watch, { id: 2, planId: 0x12345678, startedAt: now - 86400, activeS: 90, outcome: OUTCOME.DONE });
  bangle = new EmulatedBangle(browserCdp, await context.newCDPSession(page), { watch });
  await bangle.start();
  const rem = () => JSON.parse(watch.files.get('unknot.rem') ?? 'null') as { l: string[]; r: unknown[] } | null;
  const wrist = () => [...watch.files.keys()].filter((n) => n.startsWith('unknot.w')).sort();

  await page.goto(`${app.server.url}/settings`);
  await page.getByRole('button', { name: 'Pair a watch' }).click();
  await expect.poll(() => watchState().textContent()).toMatch(/Connected to Bangle\.js 1a2b/);
  await expect.poll(() => rem()).toEqual({ l: [], r: [] }); // the connect's exchanges are done
  expect(logFiles(watch)).toEqual(['unknot.log.2']);
  expect((await storedSessions(page)).map((s) => s.id)).toEqual([`watch-1-${now - 2 * 86400}`]);
  // Two routines kept on the wrist, reminders on the watch.
  await page.getByRole('checkbox', { name: a.name }).check();
  await page.getByRole('checkbox', { name: b.name }).check();
  await page.getByRole('button', { name: 'Keep on the watch' }).click();
  await expect.poll(() => page.getByTestId('wrist-result').textContent(), TRANSFER).toBe(`The watch keeps ${a.name}, ${b.name}.`);
  expect(wrist()).toEqual(['unknot.w0', 'unknot.w1']);
  await page.locator(`fieldset[data-routine="${a.id}"]`).getByLabel('Remind me').check();
  await expect.poll(() => rem()?.r.length ?? 0, TRANSFER).toBeGreaterThan(0);
  // A session finished on the wrist meanwhile, not yet synced: without the wipe, the next connect would bring it.
  injectLog(watch, { id: 3, planId: planIdOfRoutine(b), startedAt: now - 600, activeS: 60, outcome: OUTCOME.STOPPED });

  const section = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Delete all my data' }) });
  await expect.poll(() => section.textContent()).toMatch(/The connected watch is cleared too: the sessions it has not yet handed to the phone, the routines kept on it and its reminders\./);
  expect(await axe()).toEqual([]);
  const acksBefore = bangle.controlWrites.filter((w) => w.bytes[1] === 0x0c).length;
  expect(logFiles(watch)).toEqual(['unknot.log.2', 'unknot.log.3']); // nothing acknowledged before the confirmation
  await page.getByLabel('Type DELETE to confirm').fill('DELETE');
  await section.getByRole('button', { name: 'Delete all my data' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'All your data' }).textContent(), TRANSFER).toMatch(
    /^All your data was deleted, on this phone and on the watch\. The routine last sent to the watch stays loaded/,
  );
  // The watch: no log, no wrist plans, no reminder; its two entries were acknowledged by the wipe.
  expect(logFiles(watch)).toEqual([]);
  expect(wrist()).toEqual([]);
  expect(rem()).toEqual({ l: [], r: [] });
  expect(bangle.controlWrites.filter((w) => w.bytes[1] === 0x0c).length - acksBefore).toBe(2);

  // The app as new (not waiting the seconds the page leaves to read the result): history empty.
  // Then the watch is paired again: nothing comes back.
  await page.goto(`${app.server.url}/`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  expect(await storedSessions(page)).toEqual([]);
  await bangle.restart();
  await page.goto(`${app.server.url}/settings`);
  await page.getByRole('button', { name: 'Pair a watch' }).click();
  await expect.poll(() => watchState().textContent()).toMatch(/Connected to Bangle\.js 1a2b/);
  await expect.poll(() => page.getByTestId('watch-reminders').textContent(), TRANSFER).toMatch(/No reminders on the watch/);
  expect(await storedSessions(page)).toEqual([]);
  expect(errors).toEqual([]);
});
