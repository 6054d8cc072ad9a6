/**
 * Phone and wrist say the same thing: a session of the knees-to-chest twist started on the watch
 * (the REAL built watch module under the Espruino double, behind Chromium's Bluetooth emulation,
 * as in watch-link.e2e.ts) shows the direction on the watch face from the move's start — the
 * moment the phone's script says "Twist to the right." — not first at the hold.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { appUnderTest } from '../support/app-under-test';
import { returningUser } from '../support/returning-user';
import { EmulatedBangle, installHeldReads } from '../support/ble-peripheral';
import { EspruinoDouble } from '../watch/espruino-double';
import { builtInRoutine, compile } from '../../src/routine/index';
import { scriptOf } from '../../src/player/script';
import { OPEN_HOLD_PROTOCOL } from '../../src/watch-link/capabilities';
import { watchCues } from '../../src/watch-link/cues';
import { DEFAULT_SETTINGS } from '../../src/data/schema';
import { PROTOCOL_VERSION } from '../../watch/protocol/index';

const dist = resolve(import.meta.dirname, '../../dist/watch');
const built = () => ({ app: readFileSync(join(dist, 'unknot.app.js'), 'utf8'), boot: readFileSync(join(dist, 'unknot.boot.js'), 'utf8') });
const routine = builtInRoutine('knees-to-chest-twist')!;
const timeline = compile(routine);

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
  context = await returningUser(await app.browser.newContext());
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await installHeldReads(page);
});

afterEach(async () => {
  await bangle?.stop();
  await context?.close();
});

test('the watch face shows the direction from the start of each move, when the phone would say it', async () => {
  const watch = new EspruinoDouble().boot(built());
  bangle = new EmulatedBangle(browserCdp, await context.newCDPSession(page), { watch });
  await bangle.start();
  await page.goto(`${app.server.url}/play/${routine.id}`);
  await page.getByRole('button', { name: 'Pair a watch' }).click();
  await expect.poll(() => page.getByTestId('watch-state').first().textContent()).toMatch(/Connected to/);
  await page.getByRole('button', { name: 'Start on the watch' }).click();
  await page.getByTestId('watch-mode').waitFor();

  const script = scriptOf(timeline);
  const face = () => watch.lastFrame().texts.map((t) => t.text);
  let at = 0;
  const moveTo = (ms: number) => {
    bangle!.advance(ms - at);
    at = ms;
  };
  const moves = timeline.segments.filter((s) => s.kind === 'move');
  expect(moves).toHaveLength(10);
  for (const move of moves) {
    moveTo(move.startMs - 1);
    expect(face(), `just before ${move.startMs}`).not.toContain(move.label);
    moveTo(move.startMs);
    expect(face(), `at ${move.startMs}`).toContain(move.label); // "Twist right" / "Twist left"
    // The same instant, the phone's script names the same direction.
    expect(script.find((u) => u.atMs === move.startMs)?.text).toContain(`to the ${move.side}.`);
  }
  // The phone's screen mirrors it too.
  await expect.poll(() => page.getByTestId('instruction').textContent()).toContain('Twist left');
  expect(errors).toEqual([]);
});

test('before Start: a watch module too old for open-ended holds is named, with the way to update it; the cue trainer buzzes the watch', async () => {
  const watch = new EspruinoDouble().boot(built());
  bangle = new EmulatedBangle(browserCdp, await context.newCDPSession(page), { watch });
  await bangle.start();
  await page.goto(`${app.server.url}/play/standing-hip-twist`);
  await page.getByRole('button', { name: 'Pair a watch' }).click();
  await expect.poll(() => page.getByTestId('watch-state').first().textContent()).toMatch(/Connected to/);
  await page.getByRole('button', { name: 'Start on the watch' }).waitFor();
  const warning = page.getByTestId('watch-too-old');
  if (PROTOCOL_VERSION < OPEN_HOLD_PROTOCOL) {
    // The module built from this tree speaks the older protocol: it would hold the full 60 s.
    await expect.poll(() => warning.textContent()).toMatch(/older Unknot module .*full 60 seconds/);
    await page.getByRole('button', { name: 'Update the watch module' }).click();
  } else {
    // Built with the protocol that carries "wait for a press": nothing to warn about.
    expect(await warning.count()).toBe(0);
  }
  // The cue trainer buzzes the connected watch too: a switch is one long buzz.
  await page.getByText('Try the cues').click();
  await page.getByRole('button', { name: /^Switch sides/ }).click();
  await expect.poll(() => watch.buzzes.length).toBe(1);
  expect(watch.buzzes[0].ms).toBe(watchCues(DEFAULT_SETTINGS).longMs);

  // The knees-to-chest twist has no open-ended hold: no warning either way.
  await page.goto(`${app.server.url}/play/knees-to-chest-twist`);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  expect(await page.getByTestId('watch-too-old').count()).toBe(0);
  expect(errors).toEqual([]);
});

