/**
 * The session player in the built app, in real Chromium, under Playwright's clock control: the
 * cues the page emitted (its `unknot-cue` events, collected by a listener the test installs),
 * the milestones it announced, and the history record it wrote to IndexedDB.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeEach, afterEach, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { appUnderTest } from '../support/app-under-test';
import { compile } from '../../src/routine/index';
import { DEFAULT_SETTINGS } from '../../src/data/schema';
import type { CueEmission } from '../../src/player/index';
import type { SessionRecord } from '../../src/data/schema';
import { storedSessions } from '../support/stored-sessions';
import { storeRoutine } from '../support/stored-routine';
import { fixedStanding } from '../player/fixtures';
import { returningUser } from '../support/returning-user';

// Standing hip twist with a fixed 5-s hold, 75 s (the shipped one waits for Next: script.e2e.ts).
const routine = fixedStanding();
const timeline = compile(routine);

const app = appUnderTest();
let context: BrowserContext;
let page: Page;
let errors: string[];

declare global {
  interface Window {
    __cues: CueEmission[];
    __sessionStates: boolean[];
  }
}

beforeEach(async () => {
  errors = [];
  context = await returningUser(await app.browser.newContext());
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(() => {
    window.__cues = [];
    window.addEventListener('unknot-cue', (e) => window.__cues.push((e as CustomEvent<CueEmission>).detail));
    // What the player tells the shell, so an app update waits for the session to end.
    window.__sessionStates = [];
    window.addEventListener('unknot-session-state', (e) => window.__sessionStates.push(e.detail.running));
  });
});

afterEach(async () => {
  await context?.close();
});

/** Opens the player; by default under a paused fake clock that moves only when the test says (runFor, fastForward). */
async function openPlayer(fakeClock = true): Promise<void> {
  if (fakeClock) await page.clock.install({ time: new Date('2026-03-02T08:00:00Z') });
  await page.goto(`${app.server.url}/`);
  await page.locator(`[data-routine="${routine.id}"]`).waitFor(); // the app opened its database and seeded the built-ins
  await storeRoutine(page, routine);
  await page.goto(`${app.server.url}/play/${routine.id}`);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  if (fakeClock) await page.clock.pauseAt(new Date('2026-03-02T08:01:00Z'));
}

const cues = () => page.evaluate(() => window.__cues);

/** Presses and holds Stop for `ms` with the mouse (under the fake clock, the clock moves by `ms`). */
async function holdStop(ms: number, fakeClock = true): Promise<void> {
  const stop = page.getByRole('button', { name: /^Stop/ });
  await stop.scrollIntoViewIfNeeded();
  const box = (await stop.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  if (fakeClock) await page.clock.runFor(ms);
  else await page.waitForTimeout(ms);
  await page.mouse.up();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it is now (evaluate is not subject to the page's CSP). */
async function axeViolations(): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

const sessions = (): Promise<SessionRecord[]> => storedSessions(page);

describe('player e2e', () => {
  test('plays a routine: every cue at its planned ms, then the history record with pain before and after', async () => {
    await openPlayer();
    await page.getByRole('button', { name: '7', exact: true }).click(); // pain before, one tap
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    expect(await page.evaluate(() => window.__sessionStates)).toEqual([true]);
    // Half a second at a time, noting every change of the live region.
    const said: string[] = [];
    for (let t = 0; t <= timeline.totalMs; t += 500) {
      const text = await page.getByTestId('announcer').textContent();
      if (text && text !== said.at(-1)) said.push(text);
      await page.clock.runFor(500);
    }
    said.push((await page.getByTestId('announcer').textContent()) ?? '');

    const emitted = await cues();
    const plannedCues = emitted.filter((e) => e.types.length > 0);
    // Moments of the timeline, grouped by ms, in order; each exactly once and on time.
    const expected = [...new Set(timeline.cues.map((c) => c.atMs))].map((at) => ({
      atMs: at,
      types: timeline.cues.filter((c) => c.atMs === at).map((c) => c.type),
    }));
    expect(plannedCues.map((e) => ({ atMs: e.atMs, types: e.types }))).toEqual(expected);
    expect(emitted.every((e) => e.lateMs === 0)).toBe(true);
    // What the page said and buzzed, in order, for the vocabulary cues of the first repetition.
    expect(plannedCues.slice(0, 3).map((e) => [e.speech, e.vibration])).toEqual([
      ['Hold 5 seconds.', DEFAULT_SETTINGS.cuePatterns['hold-start']],
      ['Face forward.', DEFAULT_SETTINGS.cuePatterns['hold-end']],
      ['Twist to the left.', DEFAULT_SETTINGS.cuePatterns['switch-side']],
    ]);
    expect(plannedCues.at(-1)).toMatchObject({ speech: expect.stringMatching(/^That is the whole routine/), types: ['rep-done', 'exercise-done', 'routine-done'] });
    expect(await page.evaluate(() => window.__sessionStates)).toEqual([true, false]);
    // The spoken 3-2-1 at the end of the get-ready and before each of the 6 holds ends.
    expect(emitted.filter((e) => e.count !== undefined).map((e) => e.speech)).toEqual(Array(7).fill(['3', '2', '1']).flat());

    await expect.poll(() => page.getByRole('heading', { name: 'Done. Well done.' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: '3', exact: true }).click(); // pain after: saves
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved to history.');
    const [record, ...more] = await sessions();
    expect(more).toEqual([]);
    expect(record).toMatchObject({
      routineId: routine.id,
      outcome: 'completed',
      source: 'phone',
      stepsDone: timeline.segments.length,
      totalSteps: timeline.segments.length,
      painBefore: 7,
      painAfter: 3,
    });
    expect(record.endedAt - record.startedAt).toBe(timeline.totalMs);

    expect(said[0]).toBe('Started. Get ready: stand, arms out.');
    expect(said).toContain('Switch sides.');
    expect(said.at(-1)).toBe('Routine done.');
    expect(said.length).toBeLessThan(15); // milestones, never the 75 seconds
    expect(errors).toEqual([]);
  });

  test('back from a hidden page: shows the true position and fires no burst of stale cues', async () => {
    await openPlayer();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.clock.runFor(7000);
    // fastForward jumps the clock and fires each due timer at most once, like a frozen tab coming back.
    await page.clock.fastForward(22_500); // true position 29.5 s; 7 moments came due meanwhile
    await page.clock.runFor(100);
    const late = async () => (await cues()).filter((e) => e.atMs > 7000); // after the get-ready and the first move's words
    expect((await late()).map((e) => [e.atMs, e.types, e.lateMs])).toEqual([[29_000, ['switch-side'], 500]]);
    await page.clock.runFor(2400); // 32 s: the next hold starts on time
    expect((await late()).slice(1).map((e) => [e.atMs, e.types, e.lateMs])).toEqual([[32_000, ['hold-start'], 0]]);
    await expect.poll(() => page.getByTestId('instruction').textContent()).toMatch(/Hold right/);
    expect(errors).toEqual([]);
  });

  test('pause, skip and stop from the keyboard; a stopped session is saved as stopped early', async () => {
    await openPlayer();
    await page.getByRole('button', { name: 'Start', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.clock.runFor(9000); // in the first hold
    // Focus moved to Pause: Space pauses.
    await expect.poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.shadowRoot?.activeElement?.textContent?.trim())).toBe('Pause');
    await page.keyboard.press('Space');
    await page.clock.runFor(30_000);
    expect((await cues()).filter((e) => e.types.length).map((e) => e.atMs)).toEqual([8000]);
    await page.getByRole('button', { name: 'Resume' }).press('Enter');
    await page.getByRole('button', { name: 'Skip a step' }).press('Enter'); // the hold ends now
    const afterSkip = (await cues()).filter((e) => e.types.length);
    expect(afterSkip.map((e) => [e.atMs, e.types])).toEqual([
      [8000, ['hold-start']],
      [13_000, ['hold-end']],
    ]);
    await page.clock.runFor(3000); // 16 s: in "Twist left"
    // Stop is a press-and-hold: Enter held for a second, then 5 s to undo.
    await page.getByRole('button', { name: /^Stop/ }).focus();
    await page.keyboard.down('Enter');
    await page.clock.runFor(1000);
    await page.keyboard.up('Enter');
    await expect.poll(() => page.getByRole('button', { name: 'Undo stop (5 s)' }).isVisible()).toBe(true);
    await page.clock.runFor(5000);
    await expect.poll(() => page.getByRole('heading', { name: /Stopped early: 4 of 21 steps done/ }).isVisible()).toBe(true);
    // Saved the moment it ended, with no tap needed.
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved to history.');
    const [record] = await sessions();
    expect(record).toMatchObject({ outcome: 'stopped-early', stepsDone: 4, totalSteps: 21 });
    expect(record.inProgress).toBeUndefined();
    expect(record.pausedMs).toBe(30_000 + 5000); // the pause and the stop's undo time
    expect(record.painBefore).toBeUndefined();
    expect(record.painAfter).toBeUndefined();
    // A score given after the session was saved (as when the screen went off) still reaches it.
    await page.getByRole('button', { name: '4', exact: true }).click();
    await expect.poll(async () => (await sessions()).map((r) => r.painAfter)).toEqual([4]);
    expect(await page.getByTestId('save-state').textContent()).toBe('Saved to history.');
    expect(errors).toEqual([]);
  });

  test('the player screen has no axe violations before, during and after a session, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await openPlayer(false); // axe itself needs running timers: the real clock here
      expect(await axeViolations(), `${scheme}, before`).toEqual([]);
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await page.getByTestId('countdown').waitFor();
      expect(await axeViolations(), `${scheme}, during`).toEqual([]);
      await holdStop(1200, false);
      await page.getByRole('heading', { name: /Stopped early/ }).waitFor({ timeout: 10_000 });
      expect(await axeViolations(), `${scheme}, after`).toEqual([]);
    }
  });

  test('holds a real screen wake lock during the session, takes it again on return, lets go at the end', async () => {
    // A spy on the real API (the lock is really taken): keep each sentinel the app receives.
    await page.addInitScript(() => {
      const lock = navigator.wakeLock;
      const request = lock.request.bind(lock);
      const got: WakeLockSentinel[] = [];
      (window as unknown as { __locks: WakeLockSentinel[] }).__locks = got;
      lock.request = async (type) => {
        const sentinel = await request(type);
        got.push(sentinel);
        return sentinel;
      };
    });
    const locks = () => page.evaluate(() => (window as unknown as { __locks: WakeLockSentinel[] }).__locks.map((l) => l.released));
    await openPlayer();
    // Before Start, the player only checks that the lock would be granted, and lets it go at once.
    await expect.poll(locks).toEqual([true]);
    expect(await page.getByTestId('wake-warning').count()).toBe(0);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(locks).toEqual([true, false]);
    // Hiding the page makes the browser release the lock; headless Chromium cannot hide a page,
    // so release it as the browser would and send the visibilitychange of the return.
    await page.evaluate(async () => {
      await (window as unknown as { __locks: WakeLockSentinel[] }).__locks[1].release();
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(locks).toEqual([true, true, false]);
    await holdStop(1000);
    await page.clock.runFor(5000);
    await expect.poll(locks).toEqual([true, true, true]);
    expect(errors).toEqual([]);
  });

  test('each output has its own switch: voice off mid-session silences speech only, and the choice is kept', async () => {
    await openPlayer();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.clock.runFor(8000);
    await page.getByRole('checkbox', { name: 'Voice' }).uncheck();
    await page.getByRole('checkbox', { name: 'Beeps' }).uncheck();
    await page.clock.runFor(5000);
    const [before, ...after] = (await cues()).filter((e) => e.types.length);
    expect([before.speech, before.vibration, !!before.beep]).toEqual(['Hold 5 seconds.', [200], true]);
    expect(after.map((e) => [e.atMs, e.speech, e.caption, e.vibration, e.beep])).toEqual([[13_000, null, 'Face forward.', [100, 120, 100], null]]);
    // No spoken 3-2-1 either once the voice is off (the caption still counts).
    expect((await cues()).filter((e) => e.count !== undefined && e.atMs > 8000).map((e) => [e.speech, e.caption])).toEqual([
      [null, '3'],
      [null, '2'],
      [null, '1'],
    ]);
    const stored = await page.evaluate(
      () =>
        new Promise<{ voice: boolean; beeps: boolean; phoneVibration: boolean }>((resolve) => {
          const req = indexedDB.open('unknot');
          req.onsuccess = () => {
            const get = req.result.transaction('settings').objectStore('settings').get('app');
            get.onsuccess = () => resolve(get.result);
          };
        }),
    );
    expect(stored).toMatchObject({ voice: false, beeps: false, phoneVibration: true });

    // Lying down: the session screen, whose countdown is at least 30 % of the viewport's height.
    const height = () => page.getByTestId('countdown').evaluate((el) => el.getBoundingClientRect().height / innerHeight);
    expect(await page.getByRole('button', { name: 'Safety' }).count()).toBe(0);
    await page.getByRole('checkbox', { name: /Lying down/ }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Safety' }).isVisible()).toBe(true);
    expect(await height()).toBeGreaterThanOrEqual(0.3);
    expect(errors).toEqual([]);
  });
});
