/**
 * Whole sessions through the BUILT watch file: the lying knees-to-chest routine goes in over
 * 20-byte writes, runs on the watch's (fake) clock, buzzes at every planned ms with the right
 * pattern, is logged, acknowledged and deleted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { builtInRoutine, compile, type Timeline } from '../../src/routine';
import {
  CUE, DEFAULT_CUES, ERR, MSG, OUTCOME, STATE, crc32, encodePlan, helloFrame, logAckFrame, logRequestFrame, pauseFrame,
  planFrames, resumeFrame, setCuesFrame, startFrame, statusRequestFrame, stopFrame, testCueFrame, PROTOCOL_VERSION,
} from '../../watch/protocol';
import { MODULE_VERSION } from '../../watch/version';
import { EspruinoDouble, builtWatch } from './espruino-double';
import { expectedBuzzes } from './expected';
import { TestPhone, reframe } from './phone';

let files: { app: string; boot: string };
let timeline: Timeline;
let plan: Uint8Array;
let planId: number;

beforeAll(async () => {
  files = await builtWatch();
  timeline = compile(builtInRoutine('knees-to-chest-twist')!);
  plan = encodePlan(timeline);
  planId = crc32(plan);
});

function bootedWatch(opts?: ConstructorParameters<typeof EspruinoDouble>[0]) {
  const watch = new EspruinoDouble(opts).boot(files);
  return { watch, phone: new TestPhone(watch) };
}

/** Loads the plan over writes of `maxFrame` bytes and checks the watch accepted it. */
function load(phone: TestPhone, maxFrame = 20) {
  const frames = planFrames(plan, maxFrame);
  for (const f of frames) expect(f.length).toBeLessThanOrEqual(maxFrame);
  const replies = phone.send(...frames).map((m) => m.status!);
  expect(replies.map((s) => [s.re, s.error])).toEqual([[MSG.PLAN_BEGIN, 0], [MSG.PLAN_COMMIT, 0]]);
  expect(replies[1]).toMatchObject({ state: STATE.LOADED, planId });
  return frames.length;
}

describe('a whole lying knees-to-chest session through the protocol', () => {
  it('hello, plan in 20-byte writes, start at T, every buzz on its planned ms, log written, acked, deleted', () => {
    const { watch, phone } = bootedWatch();
    const [hello] = phone.send(helloFrame());
    expect(hello.hello).toEqual({ protocol: PROTOCOL_VERSION, module: MODULE_VERSION, maxFrame: 128, firmware: '2v29', clockMs: watch.now() });
    const writes = load(phone, 20);
    expect(writes).toBeGreaterThan(20);
    expect(watch.files.get('unknot.plan')).toHaveLength(plan.length);

    const t0 = watch.now() + 3000;
    expect(phone.status(startFrame(planId, 3000))).toMatchObject({ state: STATE.RUNNING, error: 0, planId });
    watch.advance(3000 + timeline.totalMs + 10_000);

    expect(watch.buzzes).toEqual(expectedBuzzes(timeline, t0, DEFAULT_CUES));
    // 10 holds: one short at the start, two short at the end; 9 side switches; three long at the end.
    expect(watch.buzzes.filter((b) => b.ms === DEFAULT_CUES.shortMs)).toHaveLength(10 + 20);
    expect(watch.buzzes.filter((b) => b.ms === DEFAULT_CUES.longMs)).toHaveLength(9 + 3);

    const statuses = phone.received().map((m) => m.status!);
    const steps = statuses.filter((s) => s.state === STATE.RUNNING).map((s) => s.step);
    expect(steps).toEqual(timeline.segments.slice(1).map((s) => s.index));
    expect(statuses.at(-1)).toMatchObject({ state: STATE.DONE, re: 0, error: 0 });
    expect(watch.pendingTimers()).toBe(0);

    const entry = phone.log(logRequestFrame());
    expect(entry).toEqual({ id: 1, planId, startedAt: Math.floor(t0 / 1000), activeS: timeline.totalMs / 1000, outcome: OUTCOME.DONE });
    expect([...watch.files.keys()]).toContain('unknot.log.1');
    // Asking again before the ack gives the same entry: nothing is dropped on the way.
    expect(phone.log(logRequestFrame())).toEqual(entry);
    expect(phone.status(logAckFrame(entry!.id)).error).toBe(0);
    expect([...watch.files.keys()]).not.toContain('unknot.log.1');
    expect(phone.log(logRequestFrame())).toBeNull();
  });

  it('loads the same plan over 128-byte writes in fewer frames', () => {
    const { phone } = bootedWatch();
    expect(load(phone, 128)).toBeLessThan(load(phone, 20) / 4);
  });

  it('keeps running when the link drops, and hands the log over when the phone is back', () => {
    const { watch, phone } = bootedWatch();
    load(phone);
    const t0 = watch.now();
    phone.status(startFrame(planId, 0));
    watch.advance(20_000);
    watch.connected = false;
    watch.advance(timeline.totalMs);
    watch.connected = true;
    expect(watch.buzzes).toEqual(expectedBuzzes(timeline, t0, DEFAULT_CUES));
    expect(phone.status(statusRequestFrame())).toMatchObject({ state: STATE.DONE, error: 0 });
    expect(phone.log(logRequestFrame())).toMatchObject({ id: 1, outcome: OUTCOME.DONE });
  });

  it('cue settings sent mid-session apply from the next cue on (the cue built ahead is built again)', () => {
    const { watch, phone } = bootedWatch();
    load(phone);
    const t0 = watch.now();
    phone.status(startFrame(planId, 0));
    watch.advance(14_500); // inside the first hold: its end is the next cue, already built
    const cues = { ...DEFAULT_CUES, shortMs: 120, longMs: 900, gapMs: 300, strength: 40 };
    expect(phone.status(setCuesFrame(cues)).error).toBe(0);
    const before = watch.buzzes.length;
    watch.advance(timeline.totalMs);
    expect(watch.buzzes.slice(before)).toEqual(expectedBuzzes(timeline, t0, cues).filter((b) => b.at - t0 > 14_500));
  });

  it('pause and resume shift every later cue by exactly the pause', () => {
    const { watch, phone } = bootedWatch();
    load(phone);
    const t0 = watch.now();
    phone.status(startFrame(planId, 0));
    watch.advance(14_500); // inside the first hold (10 s setup + 3 s move)
    expect(phone.status(pauseFrame())).toMatchObject({ state: STATE.PAUSED, step: 2, msInStep: 1500 });
    const before = watch.buzzes.length;
    watch.advance(60_000);
    expect(watch.buzzes).toHaveLength(before);
    expect(watch.lastFrame().texts.map((t) => t.text)).toContain('Paused');
    expect(phone.status(resumeFrame())).toMatchObject({ state: STATE.RUNNING, error: 0 });
    watch.advance(timeline.totalMs);
    const expected = expectedBuzzes(timeline, t0, DEFAULT_CUES).map((b) => (b.at - t0 > 14_500 ? { ...b, at: b.at + 60_000 } : b));
    expect(watch.buzzes).toEqual(expected);
    expect(phone.log(logRequestFrame())).toMatchObject({ activeS: timeline.totalMs / 1000, outcome: OUTCOME.DONE });
  });

  it('a stop from the phone logs the session as stopped, with the time that ran', () => {
    const { watch, phone } = bootedWatch();
    load(phone);
    phone.status(startFrame(planId, 0));
    watch.advance(30_000);
    expect(phone.status(stopFrame())).toMatchObject({ state: STATE.LOADED, error: 0 });
    const buzzed = watch.buzzes.length;
    watch.advance(timeline.totalMs);
    expect(watch.buzzes).toHaveLength(buzzed);
    expect(phone.log(logRequestFrame())).toMatchObject({ id: 1, activeS: 30, outcome: OUTCOME.STOPPED });
    expect(phone.status(stopFrame()).error).toBe(0); // a repeated stop is harmless
  });
});

describe('the watch on its own', () => {
  it('restarts the last loaded routine from storage with the button, no phone near', () => {
    const first = bootedWatch();
    load(first.phone);
    // A new boot (the app reopened later) from the same flash, and no phone at all.
    const watch = new EspruinoDouble({ files: first.watch.files }).boot(files);
    watch.connected = false;
    expect(watch.lastFrame().texts.map((t) => t.text)).toEqual(expect.arrayContaining(['Lying knees-to-chest', 'Press to start']));
    watch.press(80); // starts on release
    const t0 = watch.now();
    watch.advance(timeline.totalMs + 5000);
    expect(watch.buzzes).toEqual(expectedBuzzes(timeline, t0, DEFAULT_CUES));
    expect(watch.lastFrame().texts.map((t) => t.text)).toContain('Done. Again?');
    expect(watch.files.get('unknot.log.1')).toContain('"outcome":1');
  });

  it('short press pauses and resumes, long press stops and logs', () => {
    const { watch, phone } = bootedWatch();
    load(phone);
    phone.status(startFrame(planId, 0));
    watch.advance(12_000);
    watch.press(50);
    expect(phone.received().at(-1)!.status).toMatchObject({ state: STATE.PAUSED, re: 0 });
    watch.advance(5000);
    watch.press(50);
    expect(phone.received().at(-1)!.status).toMatchObject({ state: STATE.RUNNING });
    // A long press only asks; a press then keeps the session going.
    watch.press(1000);
    expect(phone.received().at(-1)!.status).toMatchObject({ state: STATE.RUNNING });
    expect(watch.lastFrame().texts.map((t) => t.text)).toContain('Tap to stop');
    watch.press(50);
    expect(phone.received().at(-1)!.status).toMatchObject({ state: STATE.RUNNING });
    expect(watch.lastFrame().texts.map((t) => t.text)).not.toContain('Tap to stop');
    // Long press, then a tap on the screen: stopped.
    watch.press(1000);
    watch.touch(88, 100);
    expect(phone.received().at(-1)!.status).toMatchObject({ state: STATE.LOADED });
    expect(phone.log(logRequestFrame())).toMatchObject({ outcome: OUTCOME.STOPPED, activeS: 14 });
  });

  it('leaving the app mid-session logs the session as stopped', () => {
    const { watch, phone } = bootedWatch();
    load(phone);
    phone.status(startFrame(planId, 0));
    watch.advance(40_000);
    watch.kill();
    expect(phone.log(logRequestFrame())).toMatchObject({ outcome: OUTCOME.STOPPED, activeS: 40 });
  });

  it('the face shows clock, routine, step, countdown, side arrow and repetition', () => {
    const { watch, phone } = bootedWatch();
    load(phone);
    phone.status(startFrame(planId, 0));
    watch.advance(11_000); // 1 s into "Twist right" (3 s)
    const texts = watch.lastFrame().texts.map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['08:00', 'Lying knees-to-chest', 'Twist right', '0:02', '1/5']));
    expect(watch.inkIn(100, 146, 176, 176)).toBeGreaterThan(200);
    expect(watch.inkIn(0, 146, 76, 176)).toBe(0);
    watch.advance(11_000); // hold, back to center, then "Twist left" of repetition 1 (21–24 s)
    expect(watch.lastFrame().texts.map((t) => t.text)).toEqual(expect.arrayContaining(['Twist left', '1/5']));
    expect(watch.inkIn(0, 146, 76, 176)).toBeGreaterThan(200);
  });
});

describe('settings and refusals', () => {
  it('set cue patterns and strength, feel them with test-a-cue, and keep them across boots', () => {
    const { watch, phone } = bootedWatch();
    const cues = { shortMs: 120, longMs: 900, gapMs: 300, strength: 40, patterns: [0x02, 0x01, 0x82, 0x84] };
    expect(phone.status(setCuesFrame(cues)).error).toBe(0);
    const t = watch.now();
    expect(phone.status(testCueFrame(CUE.DONE)).error).toBe(0);
    watch.advance(10_000);
    expect(watch.buzzes).toEqual([0, 1, 2, 3].map((i) => ({ at: t + i * 1200, ms: 900, strength: 0.4 })));
    const again = new EspruinoDouble({ files: watch.files }).boot(files);
    new TestPhone(again).status(testCueFrame(CUE.HOLD_START));
    again.advance(1000);
    expect(again.buzzes.map((b) => b.ms)).toEqual([120, 120]);
  });

  it('refuses what does not fit, with the right error, and changes nothing', () => {
    const { watch, phone } = bootedWatch();
    expect(phone.status(startFrame(1234, 0))).toMatchObject({ error: ERR.NO_PLAN, state: STATE.IDLE });
    expect(phone.status(pauseFrame())).toMatchObject({ error: ERR.BAD_STATE, state: STATE.IDLE });
    // A plan whose bytes were damaged after the CRC was taken: every frame is fine, the plan is not.
    const frames = planFrames(plan, 20);
    const bad = plan.slice();
    bad[40] ^= 0xff;
    const damaged = [frames[0], ...planFrames(bad, 20).slice(1)];
    expect(phone.send(...damaged).map((m) => m.status!.error)).toEqual([0, ERR.PLAN_CRC]);
    expect(watch.files.has('unknot.plan')).toBe(false);
    // Out-of-order chunk.
    phone.send(frames[0]);
    expect(phone.status(frames[2]).error).toBe(ERR.BAD_PLAN);
    expect(phone.status(statusRequestFrame())).toMatchObject({ state: STATE.IDLE, planId: 0 });
    // Cue settings out of range are refused before they reach the watch, and by the watch.
    expect(() => setCuesFrame({ ...DEFAULT_CUES, strength: 0 })).toThrow(/out of range/);
    const raw = setCuesFrame(DEFAULT_CUES);
    raw[3 + 6] = 0; // strength 0, CRC recomputed below
    expect(phone.status(reframe(raw)).error).toBe(ERR.BAD_VALUE);
    // Loading a plan while a session runs is refused; the session goes on.
    load(phone);
    phone.status(startFrame(planId, 0));
    expect(phone.status(frames[0]).error).toBe(ERR.BAD_STATE);
    expect(phone.status(statusRequestFrame()).state).toBe(STATE.RUNNING);
  });

  it('a plan that fails its checks leaves the loaded plan in place', () => {
    const { watch, phone } = bootedWatch();
    load(phone);
    const other = encodePlan(compile(builtInRoutine('seated-spinal-twist')!));
    const frames = planFrames(other, 20);
    expect(phone.send(...frames.slice(0, -2), frames.at(-1)!).map((m) => m.status!.error)).toEqual([0, ERR.BAD_PLAN]);
    expect(phone.status(statusRequestFrame())).toMatchObject({ state: STATE.LOADED, planId });
    expect(watch.files.get('unknot.plan')).toHaveLength(plan.length);
  });

  it('a plan the flash cannot take is refused with STORAGE, and the watch stays as it was', () => {
    const { watch, phone } = bootedWatch();
    watch.storageFull = true;
    const frames = planFrames(plan, 20);
    expect(phone.send(...frames).map((m) => m.status!.error)).toEqual([0, ERR.STORAGE]);
    expect(phone.status(statusRequestFrame())).toMatchObject({ state: STATE.IDLE, planId: 0 });
  });

  it('a full flash is reported, not hidden', () => {
    const { watch, phone } = bootedWatch();
    load(phone);
    phone.status(startFrame(planId, 0));
    watch.storageFull = true;
    watch.advance(timeline.totalMs + 5000); // the log is written once the last pulse has started
    const errors = phone.received().map((m) => m.status!.error).filter((e) => e !== 0);
    expect(errors).toEqual([ERR.STORAGE]);
  });
});
