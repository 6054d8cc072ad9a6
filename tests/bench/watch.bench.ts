/**
 * Watch module benchmark: cue timing of the BUILT unknot.app.js under the Espruino double,
 * against a naive baseline (each cue setTimeout-chained from the previous one, the usual way
 * to write a routine timer) run the same way in the same double; the built file's size; the
 * plan's size on the wire.
 *
 * Timing is measured twice:
 *  - on the REAL clock (Node timers, real time passing): a 64 s plan by default, or the full
 *    20-minute plan with UNKNOT_WATCH_BENCH_REAL=full (takes 2 × 20 min);
 *  - on the FAKE clock for the 20-minute plan, with every timer firing 0–30 ms late at random
 *    (Espruino's idle loop) — both schedulers get the same lateness — to show whether error
 *    accumulates.
 * Both runs charge 20 ms per full-screen redraw (vector fonts on the watch).
 */
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { BUILT_INS, compile, type Routine, type Timeline } from '../../src/routine';
import { DEFAULT_CUES, crc32, encodePlan, planFrames, startFrame } from '../../watch/protocol';
import { EspruinoDouble, builtWatch, type DoubleOptions } from '../watch/espruino-double';
import { expectedInstants } from '../watch/expected';
import { ESPRUINO_BIN, b64, prelude, runEspruino } from '../watch/espruino-real';
import { percentile } from './stats';

const DRAW_COST_MS = 20;
const JITTER_MS = 30;

function routine(reps: number, d: { setup: number; move: number; hold: number; back: number; rest: number }): Routine {
  return {
    id: `bench-${reps}`,
    name: 'Bench twist',
    summary: '',
    prescription: { timesPerDay: 1, when: 'any' },
    restBetween: 0,
    exercises: [{
      id: 'twist', name: 'Twist', steps: [], sides: ['right', 'left'], grouping: 'alternate', repetitions: reps,
      ...d, setupLabel: 'Lie down', moveLabel: 'Twist', backLabel: 'Back to center',
    }],
  };
}

/** 50 repetitions of 24 s + 10 s setup − 2 s: 20 min 8 s. */
export const TWENTY_MIN = compile(routine(50, { setup: 10, move: 3, hold: 5, back: 3, rest: 2 }));
/** A dense 64 s plan: 7 repetitions of 9 s, ~60 cues. */
export const ONE_MIN = compile(routine(7, { setup: 2, move: 1, hold: 2, back: 1, rest: 1 }));

/** Lateness of each cue instant's first pulse (ms): the recorded buzzes vs the plan. */
function errors(t: Timeline, buzzes: { at: number }[], t0: number): number[] {
  const plan = expectedInstants(t, DEFAULT_CUES);
  const pulses = plan.reduce((n, i) => n + i.pulses.length, 0);
  if (buzzes.length !== pulses) throw new Error(`expected ${pulses} pulses, got ${buzzes.length}`);
  const out: number[] = [];
  let k = 0;
  for (const i of plan) {
    out.push(buzzes[k].at - t0 - i.at);
    k += i.pulses.length;
  }
  return out;
}

/** Both schedulers in the real Espruino interpreter at once (two processes), real clock. */
export async function inEspruino(t: Timeline): Promise<[number[], number[]]> {
  const files = await builtWatch();
  const plan = encodePlan(t);
  const wait = Math.round(t.totalMs * 1.1) + START_DELAY_MS + 3000;
  const finish = `setTimeout(function () { print('RESULT ' + JSON.stringify({ t0: T0, buzz: OUT.buzz })); quit(); }, ${wait});`;
  const watch = `${prelude(files, DRAW_COST_MS)}
    ${JSON.stringify(planFrames(plan, 20).map(b64))}.forEach(write);
    var T0 = now() + ${START_DELAY_MS};
    write(${JSON.stringify(b64(startFrame(crc32(plan), START_DELAY_MS)))});
    ${finish}`;
  const naive = `${prelude({ app: '', boot: '' }, DRAW_COST_MS)}
    var CUES = ${JSON.stringify(expectedInstants(t, DEFAULT_CUES))}, START = ${START_DELAY_MS};
    var T0 = now() + START;
    ${NAIVE}
    ${finish}`;
  type R = { t0: number; buzz: number[][] };
  const [w, n] = await Promise.all([runEspruino<R>(watch, wait + 60_000), runEspruino<R>(naive, wait + 60_000)]);
  return [w, n].map((r) => errors(t, r.buzz.map(([at]) => ({ at })), r.t0)) as [number[], number[]];
}

const START_DELAY_MS = 500;

async function runWatch(t: Timeline, opts: DoubleOptions): Promise<number[]> {
  const watch = new EspruinoDouble({ ...opts, drawCostMs: DRAW_COST_MS }).boot(await builtWatch());
  const plan = encodePlan(t);
  for (const f of planFrames(plan, 20)) watch.write(f);
  const t0 = watch.now() + START_DELAY_MS;
  watch.write(startFrame(crc32(plan), START_DELAY_MS));
  await finish(watch, t, opts);
  lateness.push(...watch.timerLateness);
  return errors(t, watch.buzzes, t0);
}

/**
 * How late Node fired the watch's timers in the real-clock run (the machine may be shared and
 * busy; a redraw that blocks for DRAW_COST_MS counts too): the floor under its cue error.
 */
const lateness: number[] = [];

async function finish(watch: EspruinoDouble, t: Timeline, opts: DoubleOptions): Promise<void> {
  // 10% more than the plan: the baseline falls behind, and all its cues must still be measured.
  const ms = Math.round(t.totalMs * 1.1) + START_DELAY_MS + 3000;
  if (opts.clock === 'real') await watch.sleep(ms);
  else watch.advance(ms);
  watch.dispose();
}

/** The baseline, in Espruino-style JS inside the same double: setTimeout chained cue to cue, redraw every second. */
const NAIVE = `
  var i = 0;
  function pulse(len, off) {
    if (off === 0) Bangle.buzz(len, 0.8);
    else setTimeout(function () { Bangle.buzz(len, 0.8); }, off);
  }
  function cue() {
    var c = CUES[i];
    for (var k = 0; k < c.pulses.length; k++) pulse(c.pulses[k][1], c.pulses[k][0]);
    i++;
    if (i < CUES.length) setTimeout(cue, CUES[i].at - c.at);
  }
  setTimeout(cue, START + CUES[0].at);
  var draws = setInterval(function () { g.reset().clear(); g.drawString(String(i), 88, 88); }, 1000);
  setTimeout(function () { clearInterval(draws); }, START + CUES[CUES.length - 1].at + 3000);
`;

async function runNaive(t: Timeline, opts: DoubleOptions): Promise<number[]> {
  const watch = new EspruinoDouble({ ...opts, drawCostMs: DRAW_COST_MS });
  watch.context.CUES = expectedInstants(t, DEFAULT_CUES);
  watch.context.START = START_DELAY_MS;
  const t0 = watch.now() + START_DELAY_MS;
  watch.run(NAIVE, 'naive.js');
  await finish(watch, t, opts);
  return errors(t, watch.buzzes, t0);
}

export function row(name: string, e: number[]): string {
  const tenth = Math.max(1, Math.floor(e.length / 10));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const drift = mean(e.slice(-tenth)) - mean(e.slice(0, tenth));
  return `${name.padEnd(34)} n=${String(e.length).padStart(4)}  p50 ${percentile(e, 50).toFixed(1).padStart(7)} ms  p99 ${percentile(e, 99).toFixed(1).padStart(7)} ms  max ${Math.max(...e).toFixed(1).padStart(7)} ms  drift(last10%−first10%) ${drift.toFixed(1).padStart(7)} ms`;
}

export default async function bench(): Promise<void> {
  const files = await builtWatch();
  const app = Buffer.from(files.app);
  console.log(`built unknot.app.js: ${app.length} B minified, ${gzipSync(app).length} B gzip (goal ≤ 12288 B: ${((app.length / 12288) * 100).toFixed(0)}% of it); unknot.boot.js ${files.boot.length} B`);

  const plans = BUILT_INS.map((b) => ({ name: b.routine.name, t: compile(b.routine) })).map((p) => ({ ...p, bytes: encodePlan(p.t) }));
  const largest = plans.reduce((a, b) => (b.bytes.length > a.bytes.length ? b : a));
  const wire = (size: number) => planFrames(largest.bytes, size);
  const json = Buffer.byteLength(JSON.stringify(largest.t));
  console.log(`plan on the wire, largest built-in ("${largest.name}", ${largest.t.segments.length} segments): ${largest.bytes.length} B plan; ` +
    `${wire(20).length} writes / ${wire(20).reduce((n, f) => n + f.length, 0)} B at 20-byte writes, ${wire(128).length} writes / ${wire(128).reduce((n, f) => n + f.length, 0)} B at 128; ` +
    `baseline JSON of the timeline ${json} B (${(json / largest.bytes.length).toFixed(1)}× the plan)`);
  const big = encodePlan(TWENTY_MIN);
  console.log(`20-minute bench plan: ${TWENTY_MIN.segments.length} segments, ${big.length} B, ${planFrames(big, 20).length} writes at 20 bytes`);

  const full = process.env.UNKNOT_WATCH_BENCH_REAL === 'full';
  const realPlan = full ? TWENTY_MIN : ONE_MIN;
  console.log(`\nREAL clock, ${(realPlan.totalMs / 1000).toFixed(0)} s plan${full ? '' : ' (set UNKNOT_WATCH_BENCH_REAL=full for the 20-minute plan)'}, redraw ${DRAW_COST_MS} ms, watch then baseline:`);
  const realWatch = await runWatch(realPlan, { clock: 'real' });
  console.log('  ' + row('unknot.app.js (from session start)', realWatch));
  const realNaive = await runNaive(realPlan, { clock: 'real' });
  console.log('  ' + row('baseline (setTimeout chain)', realNaive));
  console.log(`  p99 ratio baseline/watch: ${(percentile(realNaive, 99) / Math.max(0.1, percentile(realWatch, 99))).toFixed(1)}×`);
  console.log(`  host lateness of the watch's timers in its run (the floor under its cue error): p50 ${percentile(lateness, 50).toFixed(1)} ms, p99 ${percentile(lateness, 99).toFixed(1)} ms, n=${lateness.length}; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);

  if (ESPRUINO_BIN) {
    console.log(`\nREAL Espruino 2v29 interpreter (Linux build), real clock, ${(realPlan.totalMs / 1000).toFixed(0)} s plan, redraw ${DRAW_COST_MS} ms, both at once in two processes:`);
    const [ew, en] = await inEspruino(realPlan);
    console.log('  ' + row('unknot.app.js (from session start)', ew));
    console.log('  ' + row('baseline (setTimeout chain)', en));
    console.log(`  p99 ratio baseline/watch: ${(percentile(en, 99) / Math.max(0.1, percentile(ew, 99))).toFixed(1)}×`);
  } else console.log('\n(real Espruino interpreter: set UNKNOT_ESPRUINO_BIN to measure in it too)');

  const seeded = (seed: number) => () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed / 2 ** 32) * JITTER_MS;
  };
  console.log(`\nFAKE clock, 20-minute plan (${(TWENTY_MIN.totalMs / 60000).toFixed(1)} min), every timer 0–${JITTER_MS} ms late, redraw ${DRAW_COST_MS} ms:`);
  const fakeWatch = await runWatch(TWENTY_MIN, { clock: 'fake', jitter: seeded(1) });
  console.log('  ' + row('unknot.app.js (from session start)', fakeWatch));
  const fakeNaive = await runNaive(TWENTY_MIN, { clock: 'fake', jitter: seeded(1) });
  console.log('  ' + row('baseline (setTimeout chain)', fakeNaive));
  console.log(`  p99 ratio baseline/watch: ${(percentile(fakeNaive, 99) / Math.max(0.1, percentile(fakeWatch, 99))).toFixed(1)}×`);
}
