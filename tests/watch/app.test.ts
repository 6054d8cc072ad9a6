/**
 * The BUILT watch app as a Bangle app, in the Espruino double: time zero at receipt, the
 * open-ended hold and the button map around it, the wrist plans and their chooser, the
 * low-battery question, Bangle.setUI's remove (fast load) and back, the widgets, and the clock
 * info. docs/protocol.md §5–§7 say what is checked here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { builtInRoutine, compile, type Timeline } from '../../src/routine';
import {
  DEFAULT_CUES, ERR, MSG, OUTCOME, PLAN_CUE, STATE, crc32, decodePlan, dropPlansFrame, encodePlan, keepPlanFrame, logAckFrame, logRequestFrame,
  planFrames, segmentOf, startFrame,
} from '../../watch/protocol';
import { EspruinoDouble, builtWatch } from './espruino-double';
import { expectedBuzzes } from './expected';
import { TestPhone } from './phone';
import { SHORT } from './short-routine';

let files: { app: string; boot: string; clkinfo: string };
beforeAll(async () => {
  files = await builtWatch();
}, 120_000);

function watchWith(plan: Uint8Array, opts?: ConstructorParameters<typeof EspruinoDouble>[0]) {
  const watch = new EspruinoDouble(opts).boot(files);
  const phone = new TestPhone(watch);
  const replies = phone.send(...planFrames(plan, 20)).map((m) => m.status!);
  expect(replies.at(-1)).toMatchObject({ re: MSG.PLAN_COMMIT, error: 0 });
  return { watch, phone };
}

const texts = (w: EspruinoDouble) => w.lastFrame().texts.map((t) => t.text);

describe("time zero is the START frame's receipt", () => {
  it('handling the frame 100 ms slower moves no buzz and no log start', () => {
    const timeline = compile(SHORT);
    const plan = encodePlan(timeline);
    for (const handling of [0, 100]) {
      const { watch, phone } = watchWith(plan);
      const receipt = watch.now();
      watch.write(startFrame(crc32(plan), 2000), handling);
      // Exactly one notification answers START: the RUNNING status of step 0.
      expect(phone.received().map((m) => [m.status!.re, m.status!.state, m.status!.step])).toEqual([[MSG.START, STATE.RUNNING, 0]]);
      watch.advance(2000 + timeline.totalMs + 5000);
      expect(watch.buzzes).toEqual(expectedBuzzes(timeline, receipt + 2000, DEFAULT_CUES));
      // With a start delay, the first unasked status is step 1's, at its start.
      expect(phone.log(logRequestFrame())!.startedAt).toBe(Math.floor((receipt + 2000) / 1000));
    }
  });
});

describe('the open-ended hold', () => {
  const timeline = compile(SHORT);
  const h = timeline.segments.findIndex((s) => s.kind === 'hold');
  const open: Timeline = { ...timeline, segments: timeline.segments.map((s, i) => (i === h ? { ...s, open: true } : s)) };
  const hold = open.segments[h];
  const end = hold.startMs + hold.durationMs;

  it('is a flag in the plan; for a protocol 1 watch it is left out (a fixed hold of the maximum)', () => {
    const withFlag = encodePlan(open);
    const seg = segmentOf(decodePlan(withFlag, 0)!, h);
    expect(seg.cues & PLAN_CUE.WAIT).toBe(PLAN_CUE.WAIT);
    expect(encodePlan(open, { waitForPress: false })).toEqual(encodePlan(timeline));
  });

  it('a short press ends it: its end cues now, everything after moves up; unpressed, it ends at its maximum', () => {
    const plan = encodePlan(open);
    const { watch, phone } = watchWith(plan);
    const t0 = watch.now();
    phone.status(startFrame(crc32(plan), 0));
    watch.advance(hold.startMs + 500);
    expect(texts(watch)).toContain('Hold');
    watch.press(50); // "next": released 550 ms into the hold
    const left = end - (hold.startMs + 550);
    watch.advance(500); // the step status follows the hold end's two pulses
    expect(phone.received().map((m) => m.status!.step)).toContain(h + 1);
    watch.advance(timeline.totalMs + 5000);
    const moved: Timeline = { ...timeline, cues: timeline.cues.map((c) => (c.atMs >= end ? { ...c, atMs: c.atMs - left } : c)) };
    expect(watch.buzzes).toEqual(expectedBuzzes(moved, t0, DEFAULT_CUES));
    expect(phone.log(logRequestFrame())).toMatchObject({ outcome: OUTCOME.DONE, activeS: Math.round((timeline.totalMs - left) / 1000) });

    // Not pressed: the hold runs to its maximum, as a fixed one.
    const again = watchWith(plan);
    const t1 = again.watch.now();
    again.phone.status(startFrame(crc32(plan), 0));
    again.watch.advance(timeline.totalMs + 5000);
    expect(again.watch.buzzes).toEqual(expectedBuzzes(timeline, t1, DEFAULT_CUES));
  });

  it('outside an open-ended hold a short press pauses, as before', () => {
    const plan = encodePlan(open);
    const { watch, phone } = watchWith(plan);
    phone.status(startFrame(crc32(plan), 0));
    watch.advance(300); // in the setup segment
    watch.press(50);
    expect(phone.received().at(-1)!.status).toMatchObject({ state: STATE.PAUSED });
  });
});

describe('routines on the wrist', () => {
  const a = encodePlan(compile(builtInRoutine('knees-to-chest-twist')!));
  const b = encodePlan(compile(SHORT));

  it('keeps up to 3 plans the phone chose; the menu starts any with no phone; the log carries its plan id', () => {
    const { watch, phone } = watchWith(a);
    expect(phone.status(keepPlanFrame(0)).error).toBe(0);
    phone.send(...planFrames(b, 20));
    expect(phone.status(keepPlanFrame(1)).error).toBe(0);
    expect(phone.status(dropPlansFrame(2)).error).toBe(0);
    expect(phone.status(keepPlanFrame(3)).error).toBe(ERR.BAD_VALUE);
    expect([...watch.files.keys()].filter((n) => n.startsWith('unknot.w')).sort()).toEqual(['unknot.w0', 'unknot.w1']);

    // Later, no phone: the app opens on its menu, the plan loaded last marked.
    const alone = new EspruinoDouble({ files: watch.files, startAt: watch.now() }).boot(files);
    const nameA = decodePlan(a, 0)!.name;
    expect(texts(alone)).toEqual(expect.arrayContaining([nameA, '> Short twist']));
    alone.touch(88, 100 + 5); // the first row
    expect(texts(alone)).toEqual(expect.arrayContaining([`> ${nameA}`, 'Short twist']));
    alone.press(50);
    alone.advance(compile(builtInRoutine('knees-to-chest-twist')!).totalMs + 5000);
    const log = new TestPhone(alone).log(logRequestFrame());
    expect(log).toMatchObject({ planId: crc32(a), outcome: OUTCOME.DONE });
    expect(new TestPhone(alone).status(logAckFrame(log!.id)).error).toBe(0);

    expect(new TestPhone(alone).status(dropPlansFrame(0)).error).toBe(0);
    expect([...alone.files.keys()].filter((n) => n.startsWith('unknot.w'))).toEqual([]);
  });

  it('KEEP_PLAN with no plan loaded is refused', () => {
    const watch = new EspruinoDouble().boot(files);
    expect(new TestPhone(watch).status(keepPlanFrame(0)).error).toBe(ERR.NO_PLAN);
  });
});

describe('a Bangle app', () => {
  const plan = encodePlan(compile(SHORT));

  it('draws the widgets and sets a custom UI with remove; fast loading away mid-session logs it and frees its timers', () => {
    const { watch, phone } = watchWith(plan);
    expect(watch.widgetsDrawn).toBeGreaterThan(0);
    expect(watch.ui).toMatchObject({ mode: 'custom' });
    expect(typeof watch.ui!.remove).toBe('function');
    phone.status(startFrame(crc32(plan), 0));
    watch.advance(3000);
    watch.fastLoad();
    expect(watch.files.get('unknot.log.1')).toContain(`"outcome":${OUTCOME.STOPPED}`);
    expect(watch.pendingTimers()).toBe(0);
    expect(watch.run('global.unknotRx', 'check')).toBeUndefined();
    const buzzes = watch.buzzes.length;
    watch.advance(60_000);
    expect(watch.buzzes).toHaveLength(buzzes);
  });

  it('back: to the clock when idle; during a session it asks, and only a tap stops', () => {
    const { watch, phone } = watchWith(plan);
    watch.back();
    expect(watch.loads).toEqual(['clock']);
    const w2 = watchWith(plan);
    w2.phone.status(startFrame(crc32(plan), 0));
    w2.watch.back();
    expect(texts(w2.watch)).toContain('Tap to stop');
    w2.watch.advance(6000); // no tap: the question goes, the session goes on
    expect(texts(w2.watch)).not.toContain('Tap to stop');
    expect(w2.phone.received().at(-1)!.status!.state).toBe(STATE.RUNNING);
    w2.watch.back();
    w2.watch.touch(88, 88);
    expect(w2.phone.received().at(-1)!.status).toMatchObject({ state: STATE.LOADED });
    expect(phone.received()).toEqual([]);
  });

  it('battery under 20 %: the first press warns, the second starts anyway', () => {
    const { watch, phone } = watchWith(plan, { battery: 15 });
    watch.press(50);
    expect(phone.received().at(-1)!.status).toMatchObject({ state: STATE.LOADED });
    expect(texts(watch)).toContain('Battery low!');
    watch.press(50);
    expect(phone.received().at(-1)!.status).toMatchObject({ state: STATE.RUNNING });
  });
});

describe('the clock info', () => {
  it('shows the next reminder and today\'s count; a tap opens the app, which starts the last loaded plan', () => {
    const plan = encodePlan(compile(SHORT));
    const { watch } = watchWith(plan);
    const due = Math.floor(watch.now() / 1000) + 5 * 3600;
    watch.files.set('unknot.rem', JSON.stringify({ l: ['Lying knees-to'], r: [[due, 0, 0x83]] }));
    const face = new EspruinoDouble({ files: watch.files, startAt: watch.now() });
    const info = face.run(`(${files.clkinfo})()`, 'unknot.clkinfo.js') as { name: string; items: { name: string; get(): { text: string }; run(): void }[] };
    const d = new Date(due * 1000);
    const hhmm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    expect(info.name).toBe('Unknot');
    expect(info.items.map((i) => i.get().text)).toEqual([`Next: Lying knees-to ${hhmm}`, 'Today 0 of 1']);
    info.items[1].run();
    expect(face.loads).toEqual(['unknot.app.js']);
    // The app opens and starts at once; when it is done, today's count says so.
    face.boot(files);
    expect(new TestPhone(face).received().at(-1)!.status).toMatchObject({ state: STATE.RUNNING });
    face.advance(compile(SHORT).totalMs + 5000);
    expect(face.files.has('unknot.go')).toBe(false);
    expect(new TestPhone(face).log(logRequestFrame())).toMatchObject({ outcome: OUTCOME.DONE });
    expect(info.items[1].get().text).toBe('Today 1 of 1');
  });
});
