/**
 * The pictures of the positions in the built app, in real Chromium under the real CSP: on the
 * routine page, beside the player's countdown (the NEXT position during a rest), chosen in the
 * editor and carried through save, export and import; no axe violations; no motion under
 * prefers-reduced-motion.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, test } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { appUnderTest } from '../support/app-under-test';
import { returningUser } from '../support/returning-user';
import { BUILT_INS, compile } from '../../src/routine/index';
import { POSE_TEXT, exercisePoseSteps, shownPose, type PoseId } from '../../src/poses/index';

const app = appUnderTest();
const contexts: BrowserContext[] = [];
let errors: string[] = [];

async function newPage(options: Parameters<typeof app.browser.newContext>[0] = {}): Promise<Page> {
  const context = await returningUser(await app.browser.newContext(options));
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return page;
}

afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
  expect(errors).toEqual([]);
  errors = [];
});

/** A drawn picture: its pose, its text alternative and the size of its box. */
async function picture(pose: Locator) {
  const img = pose.locator('svg[role=img]');
  await img.locator('path').first().waitFor({ state: 'attached' }); // the drawings arrived
  const box = await img.boundingBox();
  return {
    pose: (await pose.getAttribute('pose')) as PoseId,
    label: await img.getAttribute('aria-label'),
    width: box?.width ?? 0,
    height: box?.height ?? 0,
    strokes: await img.locator('path').count(),
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations (evaluate is not subject to the page's CSP). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    return (await axe.run()).violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

describe('pictures of the positions', () => {
  test.each(BUILT_INS.map((b) => b.routine))('the routine page of “$name” shows every position with its text alternative', async (routine) => {
    const page = await newPage();
    await page.goto(`${app.server.url}/routine/${routine.id}`);
    const lists = page.locator('unknot-exercise-poses');
    await lists.first().locator('li').first().waitFor();
    expect(await lists.count()).toBe(routine.exercises.length);
    for (const [i, ex] of routine.exercises.entries()) {
      const expected = exercisePoseSteps(ex);
      expect(expected.length).toBeGreaterThan(0);
      const items = lists.nth(i).locator('li');
      expect(await items.count()).toBe(expected.length);
      for (const [j, step] of expected.entries()) {
        expect(await items.nth(j).locator('span').textContent()).toBe(step.label);
        const shown = await picture(items.nth(j).locator('unknot-pose'));
        expect(shown).toMatchObject({ pose: step.pose, label: POSE_TEXT[step.pose] });
        expect(shown.width).toBeGreaterThan(60);
        expect(shown.height).toBeGreaterThan(60);
        expect(shown.strokes).toBeGreaterThan(1);
      }
      // Found by a screen reader as an image with its words.
      expect(await page.getByRole('img', { name: POSE_TEXT[expected[0].pose] }).count()).toBeGreaterThan(0);
    }
  });

  test('the player shows the position of every step beside the countdown, and during a rest the next one', async () => {
    const routine = BUILT_INS[0].routine; // knees-to-chest twist: rests between repetitions
    const timeline = compile(routine);
    const page = await newPage();
    await page.clock.install({ time: new Date('2026-03-02T08:00:00Z') });
    await page.goto(`${app.server.url}/play/${routine.id}`);
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
    await page.clock.pauseAt(new Date('2026-03-02T08:01:00Z'));
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const figure = page.locator('unknot-step-pose figure');
    let rests = 0;
    let at = 0;
    for (const seg of timeline.segments) {
      // Into the middle of the segment.
      const target = seg.startMs + seg.durationMs / 2;
      await page.clock.runFor(target - at);
      at = target;
      await expect.poll(() => page.locator('unknot-player-display [data-segment]').getAttribute('data-segment')).toBe(String(seg.index));
      const expected = shownPose(routine, timeline, seg.index)!;
      await expect.poll(() => figure.locator('unknot-pose').getAttribute('pose')).toBe(expected.pose);
      const shown = await picture(figure.locator('unknot-pose'));
      expect(shown.label).toBe(POSE_TEXT[expected.pose]);
      expect(shown.width).toBeGreaterThan(150);
      expect(await figure.getAttribute('data-upcoming')).toBe(String(seg.kind === 'rest'));
      expect(await figure.locator('figcaption').textContent()).toBe(seg.kind === 'rest' ? 'Next' : '');
      if (seg.kind === 'rest') {
        rests++;
        // The next position, on the side of the step that follows the rest.
        const next = timeline.segments[seg.index + 1];
        expect(expected.pose).toBe(`knees-${next.side}`);
      }
    }
    expect(rests).toBeGreaterThan(3);
  });

  test('a picture chosen in the editor survives save, reload, export and import into another browser', async () => {
    const page = await newPage();
    await page.goto(`${app.server.url}/edit`);
    const editor = page.locator('unknot-routine-editor');
    await editor.locator('#f-name').fill('Bedside twist');
    await editor.locator('#f-exercises-0-name').fill('Roll the knees');
    const choice = (phase: string) => editor.locator(`unknot-pose-choice[data-path="exercises[0].poses.${phase}"]`);
    await choice('setup').getByLabel('Get ready').selectOption('resting');
    await choice('hold').getByLabel('Move and hold').selectOption('knees-side');
    // The preview shows the first side of the exercise (right, then left).
    expect((await picture(choice('hold').locator('unknot-pose'))).pose).toBe('knees-right');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/routine\/bedside-twist-[a-z0-9]{4}$/);
    const id = page.url().split('/').at(-1)!;

    const poses = async (p: Page) => {
      const items = p.locator('unknot-exercise-poses unknot-pose');
      await items.first().locator('svg path').first().waitFor({ state: 'attached' });
      return items.evaluateAll((els) => els.map((e) => e.getAttribute('pose')));
    };
    // Get ready, right, back (the get-ready picture), left, back.
    const expected = ['resting', 'knees-right', 'resting', 'knees-left', 'resting'];
    expect(await poses(page)).toEqual(expected);
    await page.reload();
    expect(await poses(page)).toEqual(expected);
    await page.goto(`${app.server.url}/edit/${id}`);
    await expect.poll(() => choice('hold').locator('select').inputValue()).toBe('knees-side');
    expect(await choice('back').locator('select').inputValue()).toBe('');

    await page.goto(app.server.url);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export all data' }).click();
    const text = readFileSync(await (await download).path(), 'utf8');
    const file = JSON.parse(text);
    expect(file.version).toBe(3);
    const record = file.routines.find((r: { routine: { id: string } }) => r.routine.id === id);
    expect(record.routine.exercises[0].poses).toEqual({ setup: 'resting', hold: 'knees-side' });

    const other = await newPage();
    await other.goto(app.server.url);
    await other.locator('unknot-data-transfer #import-file').setInputFiles({ name: 'bedside.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => other.locator('[data-import-result]').textContent()).toMatch(/^Imported “bedside.json”/);
    await other.goto(`${app.server.url}/routine/${id}`);
    expect(await poses(other)).toEqual(expected);
  });

  test.each(['light', 'dark'] as const)('no axe violations with pictures (%s): routine page, player in a rest, editor with a choice', async (colorScheme) => {
    const routine = BUILT_INS[0].routine;
    const timeline = compile(routine);
    // bypassCSP: only so that axe can be injected.
    const page = await newPage({ colorScheme, bypassCSP: true });
    await page.goto(`${app.server.url}/routine/${routine.id}`);
    await page.locator('unknot-exercise-poses unknot-pose svg path').first().waitFor({ state: 'attached' });
    expect(await axeViolations(page)).toEqual([]);

    await page.clock.install({ time: new Date('2026-03-02T08:00:00Z') });
    await page.goto(`${app.server.url}/play/${routine.id}`);
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
    await page.clock.pauseAt(new Date('2026-03-02T08:01:00Z'));
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const rest = timeline.segments.find((s) => s.kind === 'rest')!;
    await page.clock.runFor(rest.startMs + 500);
    await expect.poll(() => page.locator('unknot-step-pose figure').getAttribute('data-upcoming')).toBe('true');
    // Paused, with the clock running again: axe needs timers, and the rest must stay on screen.
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.clock.resume();
    expect(await page.locator('unknot-step-pose figure').getAttribute('data-upcoming')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${app.server.url}/edit/${routine.id}`);
    await page.locator('unknot-pose-choice unknot-pose svg path').first().waitFor({ state: 'attached' });
    expect(await axeViolations(page)).toEqual([]);
  });

  test('a new position fades in, except under prefers-reduced-motion', async () => {
    // With motion: the fade-in (it may have finished already; its name is set either way).
    const page = await newPage({ reducedMotion: 'no-preference' });
    await page.goto(`${app.server.url}/routine/${BUILT_INS[0].routine.id}`);
    const pose = page.locator('unknot-exercise-poses unknot-pose').first();
    await pose.locator('svg path').first().waitFor({ state: 'attached' });
    expect(await pose.evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('.fig')!).animationName)).toBe('pose-in');
    const reduced = await newPage({ reducedMotion: 'reduce' });
    await reduced.goto(`${app.server.url}/routine/${BUILT_INS[0].routine.id}`);
    const still = reduced.locator('unknot-exercise-poses unknot-pose').first();
    await still.locator('svg path').first().waitFor({ state: 'attached' });
    expect(await still.evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('.fig')!).animationName)).toBe('none');
  });
});
