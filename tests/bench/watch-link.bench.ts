/**
 * Watch link benchmark, in real headless Chromium through its Bluetooth emulation (CDP), the
 * page's real WatchLink talking to the REAL built watch module under the Espruino double:
 *
 * 1. Plan upload of the largest built-in routine: time and bytes, as the app sends it (20-byte
 *    frames, chunks without response, begin/commit acknowledged) vs a baseline of the same frames
 *    all written with response. Goal ≤ 250 ms in emulation.
 * 2. One session with 10 forced disconnects (simulateGATTDisconnection at 10 points spread over
 *    the plan; the page reconnects by itself each time): cues missed on the wrist (buzzes vs the
 *    plan) and sessions lost (watch log entries that did not reach IndexedDB). Goal 0 and 0.
 *    Also the time from each drop to the page being resynced.
 */
import { launchBrowser } from '../support/chromium';
import { serveDist } from '../support/serve';
import { EmulatedBangle, installHeldReads } from '../support/ble-peripheral';
import { distWatch } from '../support/dist-watch';
import { EspruinoDouble } from '../watch/espruino-double';
import { expectedBuzzes } from '../watch/expected';
import { BUILT_INS, compile, type Routine } from '../../src/routine/index';
import { DEFAULT_SETTINGS } from '../../src/data/schema';
import { encodePlan } from '../../watch/protocol';
import { watchCues } from '../../src/watch-link/cues';
import type { UploadResult, WatchLink } from '../../src/watch-link/index';
import { fmt, median, percentile } from './stats';
import { returningUser } from '../support/returning-user';

const RUNS = 15;

async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!(await ok())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export default async function bench(): Promise<void> {
  const files = distWatch();
  const routine: Routine = [...BUILT_INS].map((b) => b.routine).sort((a, b) => encodePlan(compile(b)).length - encodePlan(compile(a)).length)[0];
  const timeline = compile(routine);
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    const cdp = await browser.newBrowserCDPSession();
    const context = await returningUser(await browser.newContext());
    const page = await context.newPage();
    await installHeldReads(page);
    const watch = new EspruinoDouble().boot(files);
    const bangle = new EmulatedBangle(cdp, await context.newCDPSession(page), { watch });
    await bangle.start();
    await page.goto(`${server.url}/play/${routine.id}`);
    await page.getByRole('button', { name: 'Pair a watch' }).click();
    const link = () => page.evaluate(() => (document.querySelector('unknot-app') as unknown as { watchLink: WatchLink }).watchLink.state);
    await until('the first connection', async () => (await link()) === 'connected' && watch.notifications.length >= 4);

    // ---- 1. plan upload ----
    const upload = (withResponse: boolean, r: Routine = routine) =>
      page.evaluate(
        ([plan, w]) => (document.querySelector('unknot-app') as unknown as { watchLink: WatchLink }).watchLink.uploadPlan(plan, { force: true, withResponse: w }),
        [r, withResponse] as const,
      );
    const app: UploadResult[] = [];
    const base: UploadResult[] = [];
    await upload(false);
    await upload(true);
    for (let i = 0; i < RUNS; i++) {
      app.push(await upload(false));
      base.push(await upload(true));
    }
    const planBytes = encodePlan(timeline).length;
    const appMs = median(app.map((u) => u.ms));
    const baseMs = median(base.map((u) => u.ms));
    console.log(`Plan upload, "${routine.name}" (${timeline.segments.length} segments, ${planBytes} plan bytes), ${RUNS} runs each:`);
    console.log(`  app (chunks without response): median ${fmt(appMs)}, p90 ${fmt(percentile(app.map((u) => u.ms), 90))}; ${app[0].writes} writes, ${app[0].bytes} bytes on the wire (goal ≤ 250 ms)`);
    console.log(`  baseline (every write with response): median ${fmt(baseMs)}, p90 ${fmt(percentile(base.map((u) => u.ms), 90))}; ${base[0].writes} writes, ${base[0].bytes} bytes`);
    console.log(`  ratio app/baseline: ${(appMs / baseMs).toFixed(2)}`);
    // The built-ins are short; a 20-minute routine (50 repetitions) shows how upload scales.
    const long: Routine = {
      ...routine,
      id: 'bench-twenty-minutes',
      name: 'Bench 20 min',
      exercises: [{ ...routine.exercises[0], repetitions: 50 }],
    };
    const longApp: UploadResult[] = [];
    const longBase: UploadResult[] = [];
    for (let i = 0; i < 5; i++) {
      longApp.push(await upload(false, long));
      longBase.push(await upload(true, long));
    }
    console.log(
      `  20-minute routine (${compile(long).segments.length} segments, ${encodePlan(compile(long)).length} plan bytes, ${longApp[0].writes} writes): ` +
        `app median ${fmt(median(longApp.map((u) => u.ms)))}, baseline ${fmt(median(longBase.map((u) => u.ms)))}`,
    );

    // ---- 2. a session with 10 forced disconnects ----
    const startAt = watch.buzzes.length;
    await page.getByRole('button', { name: 'Start on the watch' }).click();
    await until('the session to start', () => page.getByTestId('watch-mode').count().then((n) => n === 1));
    const t0 = watch.now();
    const DROPS = 10;
    const slice = timeline.totalMs / (DROPS + 1);
    const resync: number[] = [];
    for (let i = 0; i < DROPS; i++) {
      bangle.advance(slice / 2);
      const before = bangle.connects;
      await bangle.disconnect();
      const dropAt = performance.now();
      bangle.advance(slice / 2); // the wrist carries on while the phone is away
      await until(`reconnect ${i + 1}`, () => bangle.connects > before);
      const seen = watch.notifications.length;
      await until(`resync ${i + 1}`, async () => watch.notifications.length > seen && (await link()) === 'connected');
      resync.push(performance.now() - dropAt);
    }
    bangle.advance(timeline.totalMs);
    await until('the end on the page', () => page.getByTestId('watch-saved').textContent().then((t) => t === 'Saved to history.'));
    const expected = expectedBuzzes(timeline, t0, watchCues(DEFAULT_SETTINGS));
    const got = watch.buzzes.slice(startAt);
    const missed = expected.filter((e) => !got.some((b) => b.at === e.at && b.ms === e.ms)).length;
    const stored = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          const req = indexedDB.open('unknot');
          req.onsuccess = () => {
            const all = req.result.transaction('sessions').objectStore('sessions').getAll();
            all.onsuccess = () => done((all.result as { source: string }[]).filter((s) => s.source === 'watch').length);
          };
        }),
    );
    const left = [...watch.files.keys()].filter((n) => n.startsWith('unknot.log.')).length;
    console.log(`Session with ${DROPS} forced disconnects (${(timeline.totalMs / 1000).toFixed(0)} s plan on the watch clock):`);
    console.log(`  cues missed on the wrist: ${missed} of ${expected.length} pulses (goal 0); extra pulses: ${got.length - expected.length + missed}`);
    console.log(`  sessions lost: ${1 - stored + left} (history has ${stored} watch session, ${left} left unacknowledged on the watch) (goal 0)`);
    console.log(`  drop → resynced: median ${fmt(median(resync))}, max ${fmt(Math.max(...resync))} (first backoff 250 ms)`);
    await bangle.stop();
  } finally {
    await browser.close();
    await server.close();
  }
}
