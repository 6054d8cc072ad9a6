/**
 * The watch link in the BUILT app, in real headless Chromium, through Chromium's own Bluetooth
 * emulation (CDP). The emulated peripheral's control writes run the REAL built watch module
 * (dist/watch/unknot.*.js) under the Espruino double on a fake watch clock the test moves; what
 * the watch notifies reaches the page by held reads (tests/support/ble-peripheral.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { watchTestBed } from '../support/watch-test-bed';
import { DIST_WATCH, distWatch } from '../support/dist-watch';
import { EspruinoConsole } from '../support/espruino-console';
import { EspruinoDouble } from '../watch/espruino-double';
import { expectedBuzzes } from '../watch/expected';
import { BUILT_INS, compile, type Routine } from '../../src/routine/index';
import { DEFAULT_SETTINGS, type SessionRecord } from '../../src/data/schema';
import { ERR, STATE, decodePlan, encodePlan, parseWatchMessage } from '../../watch/protocol';
import type { CueEmission } from '../../src/player/index';
import { patternFor, watchCues } from '../../src/watch-link/cues';
import { storedSessions } from '../support/stored-sessions';

/** The largest built-in routine (by plan bytes). */
const routine: Routine = [...BUILT_INS].map((b) => b.routine).sort((a, b) => encodePlan(compile(b)).length - encodePlan(compile(a)).length)[0];
const timeline = compile(routine);

const bed = watchTestBed();

declare global {
  interface Window {
    __cues: CueEmission[];
  }
}

// The cues the phone itself emits: none in watch mode.
beforeEach(async () => {
  await bed.page.addInitScript(() => {
    window.__cues = [];
    window.addEventListener('unknot-cue', (e) => window.__cues.push((e as CustomEvent<CueEmission>).detail));
  });
});

const sessions = (): Promise<SessionRecord[]> => storedSessions(bed.page);
/** A wait for a transfer to the watch (tens of writes through the emulation and this process). */
const TRANSFER = { timeout: 10_000 };

const pairOnPlayer = () => bed.pair(`/play/${routine.id}`, /Connected to Bangle\.js 1a2b\. Battery 87%/);

/** The label the player display shows for a segment. */
const shown = (i: number) => {
  const seg = timeline.segments[i];
  return seg.kind === 'hold' && seg.side !== 'none' ? `Hold ${seg.side}` : seg.label;
};
const segAt = (ms: number) => timeline.segments.findLast((s) => s.startMs <= ms)!.index;

describe('a session on the watch', () => {
  test('pair → upload → start → cues on the wrist at plan times → mirror → drop → reconnect → done → history once', async () => {
    const watch = new EspruinoDouble().boot(distWatch());
    const bangle = await bed.emulate({ watch });
    await pairOnPlayer();

    await bed.page.getByRole('button', { name: 'Start on the watch' }).click();
    await expect.poll(() => bangle.controlWrites.length).toBeGreaterThan(10);
    await bed.page.getByTestId('watch-mode').waitFor();
    const t0 = watch.now();
    expect(await sessions()).toEqual([]); // a wrist session makes no phone record at Start
    // The plan went over 20-byte writes; the chunks without response, the rest acknowledged.
    expect(bangle.controlWrites.every((w) => w.bytes.length <= 20)).toBe(true);
    expect(bangle.controlWrites.filter((w) => w.writeType === 'write-without-response').length).toBeGreaterThan(10);

    // The watch runs; the phone mirrors each step it notifies.
    const third = Math.floor(timeline.totalMs / 3);
    bangle.advance(third);
    await expect.poll(() => bed.page.getByTestId('instruction').textContent()).toContain(shown(segAt(third)));
    const seg = timeline.segments[segAt(third)];
    await expect.poll(() => bed.page.getByText(`Repetition ${seg.rep} of ${seg.reps}`).count()).toBe(1);

    // The radio drops mid-session; the wrist carries on; the page reconnects by itself. (Counted
    // before the drop: on a busy machine the reconnect can land before the poll below returns.)
    const connects = bangle.connects;
    await bangle.disconnect();
    await expect.poll(() => bed.watchState().textContent()).toMatch(/reconnecting/);
    bangle.advance(third); // cues keep firing on the wrist meanwhile
    await expect.poll(() => bangle.connects, { timeout: 10_000 }).toBeGreaterThan(connects);
    await expect.poll(() => bed.watchState().textContent()).toMatch(/Connected to/);
    await expect.poll(() => bed.page.getByTestId('instruction').textContent()).toContain(shown(segAt(2 * third)));

    // The session ends on the watch; its log reaches history exactly once.
    bangle.advance(timeline.totalMs);
    await expect.poll(() => bed.page.getByRole('heading', { name: 'Done on the watch. Well done.' }).count()).toBe(1);
    await expect.poll(() => bed.page.getByTestId('watch-saved').textContent()).toBe('Saved to history.');
    expect(watch.buzzes).toEqual(expectedBuzzes(timeline, t0, watchCues(DEFAULT_SETTINGS)));
    const stored = await sessions();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ source: 'watch', outcome: 'completed', routineId: routine.id, totalSteps: timeline.segments.length });
    expect([...watch.files.keys()].filter((n) => n.startsWith('unknot.log.'))).toEqual([]);
    // The phone itself emitted no cue in watch mode.
    expect(await bed.page.evaluate(() => window.__cues.length)).toBe(0);

    // Another drop and reconnect: the sync runs again and adds nothing.
    await bangle.disconnect();
    await expect.poll(() => bed.watchState().textContent(), { timeout: 10_000 }).toMatch(/Connected to/);
    expect(await sessions()).toHaveLength(1);
    expect(watch.notifications.length).toBeGreaterThan(0);
    expect(bed.errors).toEqual([]);
  });
});

describe('controls, reload, other browsers and other watches', () => {
  test('pause and resume from the phone; a reload mid-session: one tap reconnects and follows the wrist; stop reaches history', async () => {
    const watch = new EspruinoDouble().boot(distWatch());
    const bangle = await bed.emulate({ watch });
    await pairOnPlayer();
    await bed.page.getByRole('button', { name: 'Start on the watch' }).click();
    await bed.page.getByTestId('watch-mode').waitFor();
    bangle.advance(20_000);
    await bed.page.getByRole('button', { name: 'Pause' }).click();
    await bed.page.getByRole('button', { name: 'Resume' }).waitFor();
    const paused = watch.buzzes.length;
    bangle.advance(30_000); // paused on the wrist: nothing buzzes
    expect(watch.buzzes.length).toBe(paused);
    await bed.page.getByRole('button', { name: 'Resume' }).click();
    await bed.page.getByRole('button', { name: 'Pause' }).waitFor();
    bangle.advance(10_000);
    expect(watch.buzzes.length).toBeGreaterThan(paused);

    // Reload mid-session: the wrist carries on; one tap brings the watch back and the page follows it.
    await bed.page.reload();
    await bangle.restart(); // the emulated adapter belongs to the old document
    await expect.poll(() => bed.watchState().textContent()).toBe('Bangle.js 1a2b is paired but not connected.');
    bangle.advance(5_000);
    await bed.page.getByRole('button', { name: 'Connect to Bangle.js 1a2b' }).click();
    await expect.poll(() => bed.watchState().textContent()).toMatch(/Connected to Bangle\.js 1a2b/);
    await bed.page.getByTestId('watch-mode').waitFor();
    await expect.poll(() => bed.page.getByTestId('instruction').textContent()).toContain(shown(segAt(35_000)));
    expect(await bed.page.getByRole('button', { name: 'Start on the watch' }).count()).toBe(0);

    await bed.page.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => bed.page.getByRole('heading', { name: 'Stopped on the watch.' }).count()).toBe(1);
    await expect.poll(() => bed.page.getByTestId('watch-saved').textContent()).toBe('Saved to history.');
    const stored = await sessions();
    expect(stored).toHaveLength(1);
    // 20 + 10 + 5 s ran; the 30 s paused are not active time.
    expect(stored[0]).toMatchObject({ source: 'watch', outcome: 'stopped-early', endedAt: stored[0].startedAt + 35_000 });
    expect(bed.errors).toEqual([]);
  });

  test('without Web Bluetooth the panel names the browsers that work and the phone player runs', async () => {
    await bed.page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'bluetooth', { get: () => undefined, configurable: true }));
    await bed.page.goto(`${bed.app.server.url}/play/${routine.id}`);
    await expect.poll(() => bed.page.getByTestId('no-bluetooth').textContent()).toMatch(/Chrome or Edge on Android or desktop/);
    expect(await bed.page.getByRole('button', { name: 'Pair a watch' }).count()).toBe(0);
    await bed.page.getByRole('button', { name: 'Start', exact: true }).click();
    await bed.page.getByTestId('instruction').waitFor();
    expect(bed.errors).toEqual([]);
  });

  test('a watch with only the Immediate Alert Service gets a phone-driven alert at each buzzing cue', async () => {
    const alerts: number[] = [];
    await bed.page.clock.install({ time: new Date('2026-03-02T08:00:00Z') });
    await bed.emulate({ alerts, name: 'PineTime' });
    await bed.page.goto(`${bed.app.server.url}/play/${routine.id}`);
    await bed.page.getByRole('button', { name: 'Pair a watch' }).click();
    await expect.poll(() => bed.watchState().textContent()).toMatch(/Connected to PineTime/);
    await expect.poll(() => bed.page.getByText('the phone keeps the time').count()).toBe(1);
    expect(await bed.page.getByRole('button', { name: 'Start on the watch' }).count()).toBe(0);
    await bed.page.clock.pauseAt(new Date('2026-03-02T08:01:00Z'));
    await bed.page.getByRole('button', { name: 'Start', exact: true }).click();
    const span = 40_000;
    for (let t = 0; t < span; t += 500) await bed.page.clock.runFor(500);
    const buzzing = new Set(timeline.cues.filter((c) => ['hold-start', 'hold-end', 'switch-side', 'routine-done'].includes(c.type) && c.atMs <= span).map((c) => c.atMs));
    await expect.poll(() => alerts.length).toBe(buzzing.size);
    expect(new Set(alerts)).toEqual(new Set([2]));
    expect(bed.errors).toEqual([]);
  });
});

describe('failures', () => {
  test('the user cancels the chooser: nothing connects, no error, the phone player still works', async () => {
    const bangle = await bed.emulate({ watch: new EspruinoDouble().boot(distWatch()) });
    bangle.chooser('cancel');
    await bed.page.goto(`${bed.app.server.url}/play/${routine.id}`);
    await bed.page.getByRole('button', { name: 'Pair a watch' }).click();
    await expect.poll(() => bed.watchState().textContent()).toBe('No watch paired.');
    expect(await bed.page.getByTestId('watch-error').count()).toBe(0);
    expect(bangle.connects).toBe(0);
    await bed.page.getByRole('button', { name: 'Start', exact: true }).click();
    await bed.page.getByTestId('instruction').waitFor();
    expect(bed.errors).toEqual([]);
  });

  test('a corrupt status frame is reported, ignored, and the link keeps working', async () => {
    const watch = new EspruinoDouble().boot(distWatch());
    const bangle = await bed.emulate({ watch });
    await pairOnPlayer();
    bangle.notify('status', Uint8Array.from([1, 0x82, 14, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 50, 0xde, 0xad]));
    await expect.poll(() => bed.page.getByTestId('watch-error').textContent()).toMatch(/Ignored a damaged message from the watch \(a message was damaged on the way \(checksum\)\)/);
    await expect.poll(() => bed.watchState().textContent()).toMatch(/Connected to .*Battery 87%/);
    await bed.page.getByRole('button', { name: 'Test “Switch side”' }).click();
    await expect.poll(() => watch.buzzes.length).toBe(1);
    expect(watch.buzzes[0].ms).toBe(watchCues(DEFAULT_SETTINGS).longMs);
    await expect.poll(() => bed.page.getByTestId('watch-error').count()).toBe(0);

    // Settings reach the watch: "Switch side" becomes three short pulses at half strength.
    await bed.page.getByLabel('Switch side').selectOption({ label: '3 short' }, { timeout: 5000 });
    await expect.poll(() => JSON.parse(watch.files.get('unknot.json')!).cues.patterns[2]).toBe(0x03);
    await bed.page.getByLabel('Motor strength').evaluate((el) => {
      (el as HTMLInputElement).value = '50';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect.poll(() => JSON.parse(watch.files.get('unknot.json')!).cues.strength).toBe(50);
    const cues = watchCues({ cueStrength: 0.5, cuePatterns: { ...DEFAULT_SETTINGS.cuePatterns, 'switch-side': patternFor(3, false) } });
    await bed.page.getByRole('button', { name: 'Test “Switch side”' }).click();
    await expect.poll(() => watch.buzzes.length).toBe(2);
    watch.advance(5000); // the 2nd and 3rd pulses are timed on the watch
    expect(watch.buzzes.slice(1).map((b) => [b.ms, b.strength])).toEqual([[cues.shortMs, 0.5], [cues.shortMs, 0.5], [cues.shortMs, 0.5]]);
    expect(bed.errors).toEqual([]);
  });

  test('the watch answers with an error: the reason is shown and nothing starts', async () => {
    const watch = new EspruinoDouble().boot(distWatch());
    await bed.emulate({ watch });
    await pairOnPlayer();
    // The link's connect-time exchanges end with the reminder schedule: let them finish, so the
    // last status below answers the upload, not them.
    await expect.poll(() => watch.files.has('unknot.rem')).toBe(true);
    watch.storageFull = true;
    await bed.page.getByRole('button', { name: 'Start on the watch' }).click();
    await expect.poll(() => bed.page.getByRole('alert').filter({ hasText: 'Could not start' }).textContent()).toBe(
      'Could not start on the watch: The watch refused: its storage is full.',
    );
    const last = parseWatchMessage(watch.notifications.at(-1)!).status!;
    expect(last).toMatchObject({ state: STATE.IDLE, error: ERR.STORAGE });
    expect(watch.buzzes).toEqual([]);
    // The phone player is still there.
    await expect.poll(() => bed.page.getByRole('button', { name: 'Start', exact: true }).count()).toBe(1);
    expect(bed.errors).toEqual([]);
  });
});

describe('routines on the wrist', () => {
  test('the user ticks two routines and keeps them on the watch; its menu lists them', async () => {
    const watch = new EspruinoDouble().boot(distWatch());
    await bed.emulate({ watch });
    await bed.pair('/settings');
    await expect.poll(() => watch.files.has('unknot.rem')).toBe(true);
    const [a, b] = BUILT_INS.map((x) => x.routine);
    await bed.page.getByRole('checkbox', { name: a.name }).check();
    await bed.page.getByRole('checkbox', { name: b.name }).check();
    await bed.page.getByRole('button', { name: 'Keep on the watch' }).click();
    await expect.poll(() => bed.page.getByTestId('wrist-result').textContent(), { timeout: 20_000 }).toBe(`The watch keeps ${a.name}, ${b.name}.`);
    expect([...watch.files.keys()].filter((n) => n.startsWith('unknot.w')).sort()).toEqual(['unknot.w0', 'unknot.w1']);
    // The watch, opened again with no phone, lists both on its menu.
    const alone = new EspruinoDouble({ files: watch.files, startAt: watch.now() }).boot(distWatch());
    const names = [a, b].map((r) => decodePlan(encodePlan(compile(r)), 0)!.name);
    expect(alone.lastFrame().texts.map((t) => t.text.replace(/^> /, ''))).toEqual(expect.arrayContaining(names));
    expect(bed.errors).toEqual([]);
  });
});

describe('reminders on the watch', () => {
  test('turned on in the app, sent on connect and on every change; the watch rings them with the page closed', async () => {
    const watch = new EspruinoDouble({ startAt: Date.now() }).boot(distWatch());
    await bed.emulate({ watch });
    await bed.context.grantPermissions(['notifications'], { origin: bed.app.server.url });
    await bed.pair('/settings', /Connected to/);
    const onWatch = () => bed.page.getByTestId('watch-reminders').textContent();
    await expect.poll(onWatch).toMatch(/No reminders on the watch/);
    const stored = () => JSON.parse(watch.files.get('unknot.rem') ?? 'null') as { l: string[]; r: number[][] } | null;
    expect(stored()).toEqual({ l: [], r: [] });

    const box = bed.page.locator('fieldset[data-routine="knees-to-chest-twist"]');
    await box.getByLabel('Remind me').check();
    // Three a day for 14 days, on the watch within a moment of the change. The transfer's round
    // trips run through this test process, which shares the CPU with the other files' Chromiums:
    // wait for it as for any transfer, not within expect.poll's default second.
    await expect.poll(onWatch, TRANSFER).toMatch(/holds your next 42 reminders/);
    expect(stored()!.l).toEqual(['Lying knees-to']);
    const tz = await bed.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    // The watch's clock stands still while the page's runs on, and the watch shifts each instant by
    // the difference (REMINDERS_BEGIN carries the phone's clock): shift back by it, so the check
    // does not depend on how long the test has been running (it rounded away only 30 s before).
    const local = (s: number) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit' }).format(Math.round((s * 1000 + Date.now() - watch.now()) / 60_000) * 60_000);
    expect(new Set(stored()!.r.map(([at]) => local(at)))).toEqual(new Set(['08:00', '13:00', '19:00']));

    await box.locator('input[type="time"]').first().fill('06:15');
    await expect.poll(() => new Set(stored()!.r.map(([at]) => local(at))), TRANSFER).toEqual(new Set(['06:15', '13:00', '19:00']));

    // The phone app goes away; the watch rings the next reminder on its own clock.
    await bed.page.close();
    const due = stored()!.r[0][0] * 1000;
    watch.advance(due - watch.now() + 5000);
    const cues = watchCues(DEFAULT_SETTINGS);
    const step = cues.longMs + cues.gapMs;
    expect(watch.buzzes.map((b) => [b.at - due, b.ms])).toEqual([[0, cues.longMs], [step, cues.longMs], [2 * step, cues.longMs]]);
    expect(watch.lastFrame().texts.map((t) => t.text)).toEqual(expect.arrayContaining(['Time for', 'Lying knees-to']));
    expect(bed.errors).toEqual([]);
  });
});

describe('installing the watch module', () => {
  test('over the emulated Nordic UART: the files on the watch equal dist/watch, then load()', async () => {
    const con = new EspruinoConsole();
    await bed.emulate({ console: con, name: 'Bangle.js 1a2b' });
    await bed.pair('/settings');
    await bed.page.getByRole('button', { name: 'Install on my Bangle.js' }).click();
    await bed.page.getByRole('progressbar', { name: 'Installing the watch module' }).waitFor();
    await expect.poll(() => bed.page.getByTestId('install-done').count(), { timeout: 20_000 }).toBe(1);
    for (const name of ['unknot.app.js', 'unknot.boot.js', 'unknot.img', 'unknot.info']) {
      expect(con.bytes(name), name).toEqual(Uint8Array.from(readFileSync(join(DIST_WATCH, name))));
    }
    expect(con.loads).toEqual(['']);
    expect(con.lines.every((l) => !l.startsWith('\x10'))).toBe(true);
    // What was installed runs: boot it in the double and say hello.
    const watch = new EspruinoDouble().boot({ app: con.files.get('unknot.app.js')!, boot: con.files.get('unknot.boot.js')! });
    expect(watch.services).toHaveProperty(['a2b60001-7c1d-4f0e-9a53-6e6b6f74fa11']);
    expect(bed.errors).toEqual([]);
  });

  test('a watch that fails a write: the install stops with a clear message', async () => {
    const con = new EspruinoConsole();
    con.storageFull = true;
    await bed.emulate({ console: con });
    await bed.pair('/settings', /Connected to/);
    await bed.page.getByRole('button', { name: 'Install on my Bangle.js' }).click();
    await expect.poll(() => bed.page.getByTestId('install-error').textContent()).toBe(
      'Install failed: The watch could not store unknot.app.js: its storage may be full.',
    );
    expect(con.loads).toEqual([]);
  });
});
