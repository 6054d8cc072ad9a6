/**
 * The spoken script in the built app, in real Chromium under Playwright's clock. What the page
 * says and buzzes is caught at the platform's edge: speechSynthesis.speak and navigator.vibrate
 * are replaced in the page by recorders (headless Chromium has no voices, and a test cannot
 * listen), and so is SpeechSynthesisUtterance, so the voice picker can be shown a stand-in list
 * of voices. Everything between the Start click and those calls is the app's own code.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { appUnderTest } from '../support/app-under-test';
import { returningUser } from '../support/returning-user';
import { builtInRoutine, compile } from '../../src/routine/index';
import { DEFAULT_SETTINGS } from '../../src/data/schema';
import type { CueEmission } from '../../src/player/index';
import { KNEES } from '../player/builtin-scripts';

interface Spoken {
  text: string;
  /** ms since the Start click (or since the page opened, before it). */
  at: number;
  rate: number;
  voice: string | null;
}

declare global {
  interface Window {
    __spoken: Spoken[];
    __vibrations: { pattern: number[]; at: number }[];
    __cues: CueEmission[];
    __t0: number;
  }
}

const app = appUnderTest();
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeEach(async () => {
  errors = [];
  context = await returningUser(await app.browser.newContext());
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(() => {
    window.__spoken = [];
    window.__vibrations = [];
    window.__cues = [];
    window.__t0 = 0;
    const since = () => Math.round(performance.now() - window.__t0);
    // A stand-in for the platform's utterance: the real one refuses a voice that is not the device's.
    class Utterance {
      rate = 1;
      lang = '';
      voice: { name: string } | null = null;
      constructor(public text: string) {}
    }
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true, writable: true });
    const synth = window.speechSynthesis;
    Object.defineProperty(synth, 'speak', {
      value: (u: Utterance) => window.__spoken.push({ text: u.text, at: since(), rate: u.rate, voice: u.voice?.name ?? null }),
    });
    Object.defineProperty(synth, 'cancel', { value: () => undefined });
    Object.defineProperty(navigator, 'vibrate', {
      value: (p: number | number[]) => window.__vibrations.push({ pattern: Array.isArray(p) ? p : [p], at: since() }) > 0,
    });
    window.addEventListener('unknot-cue', (e) => window.__cues.push((e as CustomEvent<CueEmission>).detail));
    window.addEventListener(
      'click',
      (e) => {
        if (!window.__t0 && (e.composedPath()[0] as HTMLElement).textContent?.trim() === 'Start') window.__t0 = performance.now();
      },
      { capture: true },
    );
  });
});

afterEach(async () => {
  await context?.close();
});

async function openPlayer(routineId: string): Promise<void> {
  await page.clock.install({ time: new Date('2026-03-02T08:00:00Z') });
  await page.goto(`${app.server.url}/play/${routineId}`);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await page.clock.pauseAt(new Date('2026-03-02T08:01:00Z'));
}

const spoken = () => page.evaluate(() => window.__spoken);
const start = () => page.getByRole('button', { name: 'Start', exact: true }).click();

describe('the spoken script, end to end', () => {
  test('knees-to-chest twist: the page speaks the pinned script, each move with its direction as the move starts', async () => {
    await openPlayer('knees-to-chest-twist');
    await start();
    await page.clock.runFor(129_000);
    const said = await spoken();
    expect(said.map((s): [number, string] => [s.at, s.text])).toEqual(KNEES);
    // The direction at the start of every move, never first at the hold.
    const t = compile(builtInRoutine('knees-to-chest-twist')!);
    for (const move of t.segments.filter((s) => s.kind === 'move')) {
      expect(said.find((s) => s.at === move.startMs)?.text, `move at ${move.startMs}`).toMatch(new RegExp(`to the ${move.side}\\.$`));
      expect(said.find((s) => s.at === move.startMs + move.durationMs)?.text).toMatch(/^Hold/);
    }
    // The wrist's vocabulary buzzes at the cues: the first hold starts at 13 s, ends at 18 s; the switch at 21 s.
    const buzzes = await page.evaluate(() => window.__vibrations);
    expect(buzzes.slice(0, 3)).toEqual([
      { at: 13_000, pattern: DEFAULT_SETTINGS.cuePatterns['hold-start'] },
      { at: 18_000, pattern: DEFAULT_SETTINGS.cuePatterns['hold-end'] },
      { at: 21_000, pattern: DEFAULT_SETTINGS.cuePatterns['switch-side'] },
    ]);
    await expect.poll(() => page.getByRole('heading', { name: 'Done. Well done.' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  test('pause and resume are spoken, with the step under way; the caption shows the words', async () => {
    await openPlayer('knees-to-chest-twist');
    await start();
    await page.clock.runFor(14_000); // in the first hold (13–18 s)
    await expect.poll(() => page.getByTestId('caption').textContent()).toBe('Hold 5 seconds.');
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.clock.runFor(20_000);
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.clock.runFor(1000); // 15 s of session time: the count "3"
    const said = (await spoken()).map((s) => [s.at, s.text]);
    expect(said.slice(-4)).toEqual([
      [13_000, 'Hold 5 seconds.'],
      [14_000, 'Paused.'],
      [34_000, 'Resuming. Hold.'],
      [35_000, '3'],
    ]);
    await expect.poll(() => page.getByTestId('caption').textContent()).toBe('3');
    expect(errors).toEqual([]);
  });

  test('an open-ended hold (standing hip twist) waits: "Next" is the big target, a tap ends the hold', async () => {
    await openPlayer('standing-hip-twist');
    await start();
    await page.clock.runFor(7000);
    expect(await page.getByRole('button', { name: 'Next' }).count()).toBe(0); // still moving
    await page.clock.runFor(1000); // 8 s: the hold starts
    const next = page.getByRole('button', { name: 'Next' });
    await next.waitFor();
    expect(await page.getByRole('button', { name: 'Pause' }).isVisible()).toBe(true); // still there, smaller
    const size = async (name: string) => (await page.getByRole('button', { name }).boundingBox())!;
    expect((await size('Next')).width).toBeGreaterThan((await size('Pause')).width);
    await page.clock.runFor(20_000); // 28 s: the hold goes on (it would end by itself at 68 s)
    await next.click();
    await page.clock.runFor(3000);
    const said = (await spoken()).map((s) => [s.at, s.text]);
    expect(said.slice(-4)).toEqual([
      [5000, 'Repetition 1 of 3. Twist to the right.'],
      [8000, 'Hold until you feel the stretch, then tap Next.'],
      [28_000, 'Face forward.'], // at the tap
      [31_000, 'Twist to the left.'], // the rest follows from there
    ]);
    const cues = await page.evaluate(() => window.__cues.filter((c) => c.types.length).map((c) => [c.atMs, c.types.join('+')]));
    expect(cues).toEqual([
      [8000, 'hold-start'],
      [68_000, 'hold-end'],
      [71_000, 'switch-side'],
    ]);
    expect(await page.getByRole('button', { name: 'Next' }).count()).toBe(0);
    await page.clock.runFor(3000); // the left hold: Next again
    await page.getByRole('button', { name: 'Next' }).waitFor();
    expect(errors).toEqual([]);
  });
});

describe('voice settings and the cue trainer', () => {
  test('the voice picker lists the English voices of a stand-in list, and the choice and rate are stored and used', async () => {
    await page.addInitScript(() => {
      const voices = [
        { name: 'Ada', lang: 'en-GB', voiceURI: 'test:ada', default: true, localService: true },
        { name: 'Bo', lang: 'en-US', voiceURI: 'test:bo', default: false, localService: true },
        { name: 'Chloé', lang: 'fr-FR', voiceURI: 'test:chloe', default: false, localService: true },
      ];
      Object.defineProperty(window.speechSynthesis, 'getVoices', { value: () => voices });
    });
    await page.goto(`${app.server.url}/settings`);
    const picker = page.getByLabel('Voice for English');
    await picker.waitFor();
    expect(await picker.locator('option').allTextContents()).toEqual(['The device’s default voice', 'Ada (en-GB)', 'Bo (en-US)']);
    await picker.selectOption('test:bo');
    await page.getByLabel(/Speaking speed/).fill('1.3');
    await page.getByLabel(/Speaking speed/).dispatchEvent('change');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Hear a sample' }).click();
    await expect.poll(spoken).toEqual([{ text: 'Twist to the right. Hold 5 seconds.', at: expect.any(Number), rate: 1.3, voice: 'Bo' }]);
    await page.reload();
    await expect.poll(() => page.getByLabel('Voice for English').inputValue()).toBe('test:bo');
    expect(await page.getByLabel(/Speaking speed/).inputValue()).toBe('1.3');
    // The player speaks with them.
    await page.goto(`${app.server.url}/play/knees-to-chest-twist`);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(async () => (await spoken()).at(-1)).toMatchObject({ text: 'Get ready: knees to chest.', rate: 1.3, voice: 'Bo' });
    expect(errors).toEqual([]);
  });

  test('with no voices on the device (headless Chromium), the picker says so and keeps the default; Settings has "Try the cues"', async () => {
    await page.goto(`${app.server.url}/settings`);
    await page.getByTestId('no-voices').waitFor();
    expect(await page.getByLabel('Voice for English').locator('option').count()).toBe(1);
    // Settings also has the cue trainer, open.
    expect(await page.locator('unknot-cue-trainer button[data-cue]').evaluateAll((b) => b.map((x) => x.getAttribute('data-cue')))).toEqual([
      'hold-start',
      'hold-end',
      'switch-side',
      'routine-done',
    ]);
    expect(await page.getByRole('button', { name: /^Done/ }).isVisible()).toBe(true);
  });

  test('"Try the cues" before Start plays each cue as voice, beep and vibration, with its meaning', async () => {
    await page.goto(`${app.server.url}/play/knees-to-chest-twist`);
    await page.getByText('Try the cues').click();
    await page.getByRole('button', { name: /^Switch sides/ }).click();
    await expect.poll(spoken).toMatchObject([{ text: 'Switch sides. The other side is next.' }]);
    expect((await page.evaluate(() => window.__vibrations)).map((v) => v.pattern)).toEqual([DEFAULT_SETTINGS.cuePatterns['switch-side']]);
    expect(await page.getByTestId('trainer-status').textContent()).toBe('Switch sides: The next movement goes to the other side.');
    // Even with the session's voice and vibration switched off, the trainer plays all three.
    await page.getByLabel('Voice', { exact: true }).uncheck();
    await page.getByLabel('Vibration', { exact: true }).uncheck();
    await page.getByRole('button', { name: /^Hold ends/ }).click();
    await expect.poll(async () => (await spoken()).map((s) => s.text)).toEqual(['Switch sides. The other side is next.', 'Hold ends. Come back to the middle.']);
    expect((await page.evaluate(() => window.__vibrations)).length).toBe(2);
    expect(errors).toEqual([]);
  });

  test('the editor offers an open-ended hold; the player then waits for Next', async () => {
    await page.goto(`${app.server.url}/edit/knees-to-chest-twist`);
    const box = page.getByRole('checkbox', { name: /Open-ended hold/ });
    await box.check();
    // Switched on, the hold becomes its maximum: 60 s unless it was longer.
    expect(await page.locator('unknot-exercise-fields #f-exercises-0-hold').inputValue()).toBe('60');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL('**/routine/knees-to-chest-twist');
    await openPlayer('knees-to-chest-twist');
    await start();
    await page.clock.runFor(13_000); // the first hold
    await page.getByRole('button', { name: 'Next' }).click();
    await page.clock.runFor(100);
    expect((await spoken()).slice(-2).map((s) => [s.at, s.text])).toEqual([
      [13_000, 'Hold until you feel the stretch, then tap Next.'],
      [13_000, 'Back to center.'],
    ]);
    expect(errors).toEqual([]);
  });
});

