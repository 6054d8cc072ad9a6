/**
 * A session is never lost and never ended by accident, in the built app in real Chromium: the
 * record saved as it happens (closed page, closed browser), Continue / End it, asking before
 * leaving, the press-and-hold Stop, the lying-down session screen, and what the player says when
 * the wake lock is refused or the page was hidden.
 */
import { rmSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { appUnderTest } from '../support/app-under-test';
import { returningUser } from '../support/returning-user';
import { launchProfile } from '../support/chromium';
import { storedSessions } from '../support/stored-sessions';
import { BUILT_INS, compile } from '../../src/routine/index';
import type { SessionRecord } from '../../src/data/schema';

const routine = BUILT_INS[2].routine; // Standing hip twist, 75 s, 21 steps
const timeline = compile(routine);
const T = Date.parse('2026-03-02T08:00:00Z');

const app = appUnderTest();
let context: BrowserContext;
let page: Page;
let errors: string[];

function watch(p: Page): Page {
  p.on('pageerror', (e) => errors.push(e.message));
  p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return p;
}

beforeEach(async () => {
  errors = [];
  context = await returningUser(await app.browser.newContext());
  page = watch(await context.newPage());
});

afterEach(async () => {
  await context?.close().catch(() => undefined);
});

/** Opens the player under a fake clock paused at `at` (ms since T + 60 s by default). */
async function openPlayer(p: Page, at = 60_000): Promise<void> {
  await p.clock.install({ time: new Date(T + at - 60_000) });
  await p.goto(`${app.server.url}/play/${routine.id}`);
  await p.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await p.clock.pauseAt(new Date(T + at));
}

/** The segment index at position `ms`. */
const stepAt = (ms: number) => timeline.segments.findIndex((s) => ms < s.startMs + s.durationMs);

const sessions = (p = page): Promise<SessionRecord[]> => storedSessions(p);

describe('saved as it happens', () => {
  test('close the page mid-session, reopen: a stopped-early record with the steps done, and Continue finishes the SAME record', async () => {
    await openPlayer(page);
    await page.getByRole('button', { name: '6', exact: true }).click(); // pain before
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.clock.runFor(30_000);
    const done = stepAt(30_000);
    // Within a second of the step, the record is in IndexedDB, without any page event.
    await expect.poll(async () => (await sessions()).map((r) => r.stepsDone)).toEqual([done]);
    await page.close(); // no beforeunload, no disconnect: as when the tab is swiped away

    // Three minutes later, the same routine again.
    page = watch(await context.newPage());
    await openPlayer(page, 60_000 + 30_000 + 180_000);
    const [cutOff] = await sessions();
    expect(cutOff).toMatchObject({ outcome: 'stopped-early', stepsDone: done, totalSteps: timeline.segments.length, painBefore: 6, inProgress: true, source: 'phone' });
    const step = timeline.segments[done];
    const name = step.kind === 'hold' && step.side !== 'none' ? `Hold ${step.side}` : step.label;
    const offer = page.getByTestId('continue-offer');
    await expect.poll(() => offer.isVisible()).toBe(true);
    expect(await offer.textContent()).toMatch(new RegExp(`${done} of ${timeline.segments.length} steps were done, about \\d min ago`));
    await page.getByRole('button', { name: `Continue from “${name}”` }).click();
    await expect.poll(() => page.getByTestId('instruction').textContent()).toContain(name);
    await page.clock.runFor(timeline.totalMs - step.startMs + 500);
    await expect.poll(() => page.getByRole('heading', { name: 'Done. Well done.' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: '2', exact: true }).click(); // pain after
    await expect.poll(async () => (await sessions()).map((r) => [r.outcome, r.painAfter])).toEqual([['completed', 2]]);
    const [record] = await sessions();
    expect(record).toMatchObject({ id: cutOff.id, startedAt: cutOff.startedAt, stepsDone: timeline.segments.length, painBefore: 6 });
    expect(record.inProgress).toBeUndefined();
    // The gap from the last save to Continue is a pause; exercise time is what was played.
    expect(record.pausedMs).toBe(T + 270_000 - cutOff.endedAt);
    expect(record.endedAt - record.startedAt - record.pausedMs!).toBe(cutOff.endedAt - cutOff.startedAt + (timeline.totalMs - step.startMs));
    expect(errors).toEqual([]);
  });

  test('"End it" keeps the cut-off session as stopped early and offers it no more', async () => {
    await openPlayer(page);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.clock.runFor(20_000);
    await expect.poll(async () => (await sessions()).map((r) => r.stepsDone)).toEqual([stepAt(20_000)]);
    await page.close();
    page = watch(await context.newPage());
    await openPlayer(page, 60_000 + 20_000 + 60_000);
    await page.getByRole('button', { name: 'End it' }).click();
    await expect.poll(async () => (await sessions()).map((r) => [r.outcome, r.inProgress])).toEqual([['stopped-early', undefined]]);
    await page.reload();
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
    expect(await page.getByTestId('continue-offer').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test('after the 10-minute window, the cut-off session is in history but not offered', async () => {
    await openPlayer(page);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.clock.runFor(20_000);
    await expect.poll(async () => (await sessions()).length).toBe(1);
    await page.close();
    page = watch(await context.newPage());
    await openPlayer(page, 60_000 + 20_000 + 11 * 60_000);
    expect((await sessions())[0].outcome).toBe('stopped-early');
    await page.waitForTimeout(300); // the offer would have been found by now
    expect(await page.getByTestId('continue-offer').count()).toBe(0);
  });

  test('finish, close at once: the record is completed, with its pain scores', async () => {
    await openPlayer(page);
    await page.getByRole('button', { name: '7', exact: true }).click();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.clock.runFor(timeline.totalMs);
    await page.getByRole('heading', { name: 'Done. Well done.' }).waitFor();
    await page.getByRole('button', { name: '3', exact: true }).click();
    await page.close(); // at once: no wait for "Saved"
    const again = await context.newPage();
    await again.goto(`${app.server.url}/history`);
    // Either IndexedDB got it before the page went, or the next open writes the journal's copy.
    await expect.poll(async () => (await sessions(again)).map((r) => [r.outcome, r.painAfter])).toEqual([['completed', 3]]);
    const [record, ...more] = await sessions(again);
    expect(more).toEqual([]);
    expect(record).toMatchObject({ outcome: 'completed', stepsDone: timeline.segments.length, painBefore: 7, painAfter: 3 });
    expect(record.inProgress).toBeUndefined();
    expect(record.endedAt - record.startedAt).toBe(timeline.totalMs);
  });

  test('closing the whole browser mid-session still leaves the record', async () => {
    const dir = (await import('node:fs')).mkdtempSync((await import('node:path')).join((await import('node:os')).tmpdir(), 'unknot-kill-'));
    try {
      let profile = await returningUser(await launchProfile(dir));
      const p = watch(profile.pages()[0] ?? (await profile.newPage()));
      await openPlayer(p);
      await p.getByRole('button', { name: 'Start', exact: true }).click();
      await p.clock.runFor(17_000);
      const done = stepAt(17_000);
      await p.waitForTimeout(1000); // real time for the save of the last step: the 1 s
      await profile.close(); // the browser goes, with no beforeunload and no page teardown by the app
      profile = await returningUser(await launchProfile(dir));
      const q = profile.pages()[0] ?? (await profile.newPage());
      await q.goto(`${app.server.url}/history`);
      const [record, ...more] = await storedSessions(q);
      expect(more).toEqual([]);
      expect(record).toMatchObject({ outcome: 'stopped-early', stepsDone: done, inProgress: true, routineId: routine.id });
      await profile.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(errors).toEqual([]);
  });
});

describe('no accidental end', () => {
  test('a header link mid-session asks first; closing the page asks too', async () => {
    await openPlayer(page);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.clock.runFor(10_000);
    await page.getByRole('link', { name: 'History' }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave this session?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Keep going' }).click();
    expect(new URL(page.url()).pathname).toBe(`/play/${routine.id}`);
    await page.clock.runFor(2000);
    await expect.poll(() => page.getByTestId('countdown').isVisible()).toBe(true);
    // beforeunload while running.
    const asked: string[] = [];
    page.on('dialog', (d) => {
      asked.push(d.type());
      void d.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);
    // "Stop and leave": stopped early, on purpose, then the link is followed.
    await page.getByRole('link', { name: 'History' }).click();
    await page.getByRole('button', { name: 'Stop and leave' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/history');
    await expect.poll(async () => (await sessions()).map((r) => [r.outcome, r.inProgress])).toEqual([['stopped-early', undefined]]);
    expect(errors).toEqual([]);
  });

  test('a short tap on Stop does not stop; a held Stop can be undone within 5 s', async () => {
    await openPlayer(page);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.clock.runFor(3000);
    const stop = page.getByRole('button', { name: /^Stop/ });
    await stop.scrollIntoViewIfNeeded();
    await stop.click(); // a tap
    await page.clock.runFor(2000);
    expect(await page.getByRole('status').filter({ hasText: 'Press and hold for a second to stop.' }).count()).toBe(1);
    expect(await stop.textContent()).toContain('hold 1 second');
    expect(await page.getByRole('button', { name: 'Pause' }).isVisible()).toBe(true);
    // Held half a second, then let go: nothing.
    const box = (await stop.boundingBox())!;
    await page.mouse.move(box.x + 10, box.y + 10);
    await page.mouse.down();
    await page.clock.runFor(500);
    expect(await page.evaluate(() => document.querySelector('unknot-app')!.shadowRoot!.querySelector('unknot-player')!.shadowRoot!.querySelector('unknot-hold-button')!.hasAttribute('holding'))).toBe(true);
    await page.mouse.up();
    await page.clock.runFor(6000);
    expect(await page.getByRole('button', { name: 'Pause' }).isVisible()).toBe(true);
    // Held a full second: paused, with 5 s to undo; Undo goes on where it was. (Measured again:
    // the caption above may have wrapped to another line count since.)
    const again = (await stop.boundingBox())!;
    await page.mouse.move(again.x + 10, again.y + 10);
    await page.mouse.down();
    await page.clock.runFor(1000);
    await page.mouse.up();
    const undo = page.getByRole('button', { name: /^Undo stop/ });
    await expect.poll(() => undo.isVisible()).toBe(true);
    const before = await page.getByTestId('countdown').textContent();
    await page.clock.runFor(3000);
    expect(await page.getByTestId('countdown').textContent()).toBe(before);
    await undo.click();
    await expect.poll(() => page.getByRole('button', { name: 'Pause' }).isVisible()).toBe(true);
    await page.clock.runFor(8000);
    expect(await page.getByRole('heading', { name: /Stopped early/ }).count()).toBe(0);
    const [record] = await sessions();
    expect(record.inProgress).toBe(true);
    expect(record.pausedMs).toBe(3000); // the undo time was a pause
    expect(errors).toEqual([]);
  });
});

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the session screen only: it is a modal dialog, everything behind it is inert and hidden. */
async function axeViolations(p: Page): Promise<string[]> {
  await p.evaluate(axeSource);
  return p.evaluate(async () => {
    type Rule = { id: string; nodes: { target: unknown }[] };
    const axe = (window as unknown as { axe: { run(context: unknown): Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
    const result = await axe.run({ include: [{ fromShadowDom: ['unknot-app', 'unknot-player', 'unknot-session-screen'] }] });
    // It did look at the screen: the target's contrast and name rules passed on real nodes.
    if (!result.passes.some((r) => r.id === 'color-contrast' && r.nodes.length > 3)) return ['nothing was checked'];
    return result.violations.map((v) => `${v.id} (${v.nodes.length}) ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

describe('lying-down session screen', () => {
  for (const [w, h] of [
    [320, 568],
    [568, 320],
  ]) {
    test(`${w}×${h}: full viewport, no navigation, countdown ≥ 30 % of the height, lower half pauses; no axe violations, light and dark`, async () => {
      await page.setViewportSize({ width: w, height: h });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${app.server.url}/play/${routine.id}`);
        const lying = page.getByRole('checkbox', { name: /Lying down/ });
        if (!(await lying.isChecked())) await lying.check();
        await page.getByRole('button', { name: 'Start', exact: true }).click();
        const count = page.getByTestId('countdown');
        await count.waitFor();
        const ratio = await count.evaluate((el) => el.getBoundingClientRect().height / innerHeight);
        expect(ratio, scheme).toBeGreaterThanOrEqual(0.3);
        // Nothing of the app's header or navigation can be reached: the screen covers it.
        const onTop = await page.evaluate(() =>
          [
            [5, 5],
            [innerWidth / 2, 20],
            [innerWidth - 5, innerHeight - 5],
          ].map(([x, y]) => {
            // The element really under that point, through the shadow roots, and its hosts up to the page.
            let root: Document | ShadowRoot = document;
            let el: Element | null = null;
            for (;;) {
              const e: Element | null = root.elementFromPoint(x, y);
              if (!e || e === el) break;
              el = e;
              if (!e.shadowRoot) break;
              root = e.shadowRoot;
            }
            const chain: string[] = [];
            for (let n: Node | null = el; n; n = (n as Element).parentElement ?? ((n.getRootNode() as ShadowRoot).host || null)) chain.push((n as Element).tagName);
            return chain.includes('UNKNOT-SESSION-SCREEN') && !chain.includes('HEADER') && !chain.includes('NAV');
          }),
        );
        expect(onTop, scheme).toEqual([true, true, true]);
        // The lower half, edge to edge, is the Pause target.
        const target = (await page.getByRole('button', { name: 'Pause' }).boundingBox())!;
        expect(target.y).toBeLessThanOrEqual(h / 2 + 1);
        expect(target.y + target.height).toBeGreaterThanOrEqual(h - 1);
        expect(target.width).toBeGreaterThanOrEqual(w - 1);
        expect(await axeViolations(page), `${scheme}, during`).toEqual([]);
        await page.mouse.click(w - 10, h - 10);
        await expect.poll(() => page.getByRole('button', { name: 'Resume' }).isVisible()).toBe(true);
        // The safety advice, one tap away.
        await page.getByRole('button', { name: 'Safety' }).click();
        await expect.poll(() => page.getByText('Stop straight away if the pain gets worse', { exact: false }).isVisible()).toBe(true);
        expect(await axeViolations(page), `${scheme}, safety advice`).toEqual([]);
        await page.getByRole('button', { name: 'Close' }).click();
      }
      expect(errors).toEqual([]);
    });
  }
});

describe('when the phone gets in the way', () => {
  test('a refused wake lock is said before Start', async () => {
    await page.addInitScript(() => {
      navigator.wakeLock.request = () => Promise.reject(new DOMException('Battery saver is on', 'NotAllowedError'));
    });
    await openPlayer(page);
    const warning = page.getByTestId('wake-warning');
    await expect.poll(() => warning.isVisible()).toBe(true);
    expect(await warning.textContent()).toMatch(/refused to keep the screen on \(Battery saver is on\)[\s\S]*use the watch/);
  });

  test('back from a hidden page whose cues were missed: said on return, noted on the record', async () => {
    // Headless Chromium cannot hide a page: the test sets what document.visibilityState says.
    await page.addInitScript(() => {
      (window as unknown as { __vis: string }).__vis = 'visible';
      Object.defineProperty(document, 'visibilityState', { get: () => (window as unknown as { __vis: string }).__vis, configurable: true });
    });
    const setVisibility = (v: string) =>
      page.evaluate((v) => {
        (window as unknown as { __vis: string }).__vis = v;
        document.dispatchEvent(new Event('visibilitychange'));
      }, v);
    await openPlayer(page);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.clock.runFor(7000);
    await setVisibility('hidden');
    await page.clock.fastForward(22_500); // a frozen tab: each due timer fires at most once
    await setVisibility('visible');
    const notice = page.getByTestId('session-notice');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toMatch(/asleep for 2\d s: \d+ cues? (was|were) missed( and \d+ cues? came late)?\. Keep the screen on, or use the watch/);
    await expect.poll(async () => (await sessions())[0]?.hiddenCues?.missed ?? 0).toBeGreaterThan(0);
    const [record] = await sessions();
    expect(record.hiddenCues!.hiddenMs).toBeGreaterThanOrEqual(22_500);
    expect(errors).toEqual([]);
  });
});
