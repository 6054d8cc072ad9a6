import { describe, expect, it } from 'vitest';
import { BUILT_INS, compile, type Cue, type Timeline } from '../../src/routine/index';
import { PlayerEngine, type PlayerSnapshot } from '../../src/player/engine';
import type { Moment } from '../../src/player/moments';
import { FakeTime } from './fake-time';
import { fixedStanding } from './fixtures';
import { scriptOf } from '../../src/player/script';

const T0 = 1000;
const kneesToChest = compile(BUILT_INS[0].routine); // 128 s, 36 cues
const standing = compile(fixedStanding()); // 75 s: hold-start 8000, hold-end 13000, switch-side 16000...

interface Fired {
  at: number;
  moment: Moment;
  lateMs: number;
}

function setup(timeline: Timeline, opts: { script?: boolean; lateBy?: number } = {}) {
  const time = new FakeTime(T0, opts.lateBy ?? 0);
  const fired: Fired[] = [];
  const changes: PlayerSnapshot[] = [];
  const engine = new PlayerEngine(timeline, {
    clock: time,
    scheduler: time,
    script: opts.script ? scriptOf(timeline) : undefined,
    onMoment: (moment, lateMs) => fired.push({ at: time.now() - T0, moment, lateMs }),
    onChange: (s) => changes.push(s),
  });
  const cuesFired = (): Cue[] => fired.flatMap((f) => f.moment.cues);
  return { time, engine, fired, changes, cuesFired };
}

describe('PlayerEngine timing', () => {
  it('fires every cue of a built-in exactly once, at its exact millisecond', () => {
    const { time, engine, fired, cuesFired } = setup(kneesToChest);
    engine.start();
    time.advance(kneesToChest.totalMs + 5000);
    expect(cuesFired()).toEqual(kneesToChest.cues);
    for (const f of fired) {
      expect(f.at).toBe(f.moment.atMs);
      expect(f.lateMs).toBe(0);
    }
    expect(engine.state).toBe('done');
    expect(engine.snapshot().completed).toBe(true);
    expect(engine.snapshot().stepsDone).toBe(kneesToChest.segments.length);
    expect(time.pending).toBe(0);
  });

  it('re-aims from the anchor, so a timer that is always late does not accumulate drift', () => {
    const { time, engine, fired } = setup(standing, { lateBy: 7 });
    engine.start();
    time.advance(standing.totalMs + 5000);
    expect(fired.map((f) => f.moment.atMs)).toEqual([...new Set(standing.cues.map((c) => c.atMs))]);
    // Every timer is 7 ms late; aiming from the anchor keeps each cue 7 ms late, the last one too.
    expect(new Set(fired.map((f) => f.lateMs))).toEqual(new Set([7]));
    expect(fired.map((f) => f.at - f.moment.atMs)).toEqual(fired.map(() => 7));
  });

  it('ticks at each whole second for the display and at each cue, no more', () => {
    const { time, engine, changes } = setup(standing);
    engine.start();
    time.advance(standing.totalMs);
    // One change per second boundary (75) plus the start; cues fall on whole seconds here.
    expect(changes.length).toBe(standing.totalMs / 1000 + 1);
    expect(changes.slice(0, 6).map((s) => Math.ceil(s.segmentRemainingMs / 1000))).toEqual([5, 4, 3, 2, 1, 3]);
  });

  it("adds the script's moments: words at a move's start, the counts, each at its exact ms", () => {
    const { time, engine, fired } = setup(standing, { script: true });
    engine.start();
    time.advance(14_000);
    expect(fired.map((f) => [f.at, f.moment.count ?? (f.moment.cues.map((c) => c.type).join('+') || f.moment.utterance?.kind)])).toEqual([
      [0, 'get-ready'],
      [2000, 3],
      [3000, 2],
      [4000, 1],
      [5000, 'move'],
      [8000, 'hold-start'],
      [10_000, 3],
      [11_000, 2],
      [12_000, 1],
      [13_000, 'hold-end'],
    ]);
  });
});

describe('PlayerEngine controls', () => {
  it('pause holds the position and fires nothing; resume moves the anchor', () => {
    const { time, engine, fired } = setup(standing);
    engine.start();
    time.advance(9000);
    engine.pause();
    expect(engine.state).toBe('paused');
    time.advance(60_000);
    expect(engine.snapshot().positionMs).toBe(9000);
    expect(fired.map((f) => f.moment.atMs)).toEqual([8000]);
    expect(time.pending).toBe(0);
    engine.resume();
    time.advance(4000);
    expect(fired.map((f) => [f.moment.atMs, f.at, f.lateMs])).toEqual([
      [8000, 8000, 0],
      [13_000, 73_000, 0],
    ]);
    expect(engine.snapshot().positionMs).toBe(13_000);
  });

  it('skip forward goes to the next step and fires the cue that starts it, once', () => {
    const { time, engine, fired } = setup(standing);
    engine.start();
    time.advance(1000);
    engine.skipForward(); // setup → move at 5000: no cue there (first side)
    expect(engine.snapshot().positionMs).toBe(5000);
    expect(engine.snapshot().segment.label).toBe('Twist right');
    engine.skipForward(); // → hold at 8000
    expect(fired.map((f) => [f.moment.atMs, f.at])).toEqual([[8000, 1000]]);
    time.advance(1000);
    engine.skipForward(); // → back at 13000: the hold ends now
    expect(fired.map((f) => [f.moment.atMs, f.at])).toEqual([
      [8000, 1000],
      [13_000, 2000],
    ]);
    time.advance(3000); // 16000: switch-side, on time from the moved anchor
    expect(fired.at(-1)).toMatchObject({ at: 5000, lateMs: 0 });
    expect(fired.at(-1)?.moment.cues.map((c) => c.type)).toEqual(['switch-side']);
  });

  it('skip back restarts the step, or goes to the previous one in its first 2 seconds', () => {
    const { time, engine, fired } = setup(standing);
    engine.start();
    time.advance(11_000); // 3 s into the first hold (8000–13000)
    engine.skipBack();
    expect(engine.snapshot().positionMs).toBe(8000);
    expect(fired.map((f) => f.moment.atMs)).toEqual([8000, 8000]); // the hold starts again
    time.advance(1000);
    engine.skipBack(); // 1 s into the hold: previous step (the move, 5000)
    expect(engine.snapshot().positionMs).toBe(5000);
    time.advance(3000);
    expect(fired.map((f) => [f.moment.atMs, f.at])).toEqual([
      [8000, 8000],
      [8000, 11_000],
      [8000, 15_000],
    ]);
  });

  it('skipping while paused moves the position and fires on resume', () => {
    const { time, engine, fired } = setup(standing);
    engine.start();
    time.advance(9000);
    engine.pause();
    engine.skipForward();
    expect(engine.snapshot()).toMatchObject({ state: 'paused', positionMs: 13_000 });
    expect(fired).toHaveLength(1);
    time.advance(5000);
    engine.resume();
    expect(fired.at(-1)).toMatchObject({ at: 14_000, lateMs: 0 });
  });

  it('starts from a later step when continuing: the cue that starts it fires, none before', () => {
    const { time, engine, fired } = setup(standing);
    const step4 = standing.segments[4];
    engine.start(step4.startMs);
    expect(engine.snapshot()).toMatchObject({ state: 'running', positionMs: step4.startMs, stepsDone: 4 });
    time.advance(standing.totalMs);
    expect(fired[0].moment.atMs).toBe(step4.startMs); // the step's own cue, at its start
    expect(fired.every((f) => f.moment.atMs >= step4.startMs)).toBe(true);
    expect(engine.snapshot()).toMatchObject({ state: 'done', completed: true });
  });

  it('stop ends early with the steps done, and nothing fires afterwards', () => {
    const { time, engine, fired } = setup(standing);
    engine.start();
    time.advance(14_500); // in the first "Face forward" (segment 3)
    engine.stop();
    const s = engine.snapshot();
    expect(s).toMatchObject({ state: 'done', completed: false, stepsDone: 3, stepsTotal: 21, positionMs: 14_500 });
    time.advance(120_000);
    expect(fired.map((f) => f.moment.atMs)).toEqual([8000, 13_000]);
    expect(time.pending).toBe(0);
  });

  it('reports rep i of N, side and overall progress', () => {
    const { time, engine } = setup(standing);
    engine.start();
    time.advance(33_500); // rep 2, right hold (32000–37000)
    expect(engine.snapshot()).toMatchObject({
      state: 'running',
      rep: 2,
      reps: 3,
      side: 'right',
      segmentRemainingMs: 3500,
      progress: 33_500 / 75_000,
    });
    expect(engine.snapshot().segment.kind).toBe('hold');
  });
});

describe('PlayerEngine after a hidden page (throttled or frozen timers)', () => {
  it('shows the true position and fires only the latest missed moment when it is under a second old', () => {
    const { time, engine, fired } = setup(standing);
    engine.start();
    time.advance(7000);
    time.freeze(22_500); // true position 29500; 8000…27000 all came due while frozen
    expect(engine.snapshot().positionMs).toBe(29_500);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ at: 29_500, lateMs: 500 });
    expect(fired[0].moment.cues.map((c) => c.type)).toEqual(['switch-side']); // 29000
    expect(engine.snapshot().droppedMoments).toBe(6); // 8000, 13000, 16000, 19000, 24000, 27000
  });

  it('fires nothing when the latest missed moment is a second old or more, then runs on time', () => {
    const { time, engine, fired } = setup(standing);
    engine.start();
    time.advance(7000);
    time.freeze(24_000); // position 31000: the latest missed (29000) is 2 s old
    expect(fired).toHaveLength(0);
    expect(engine.snapshot().positionMs).toBe(31_000);
    time.advance(1000);
    expect(fired.map((f) => [f.moment.atMs, f.at, f.lateMs])).toEqual([[32_000, 32_000, 0]]);
  });

  it('the page calling tick() on return does the same without waiting for the throttled timer', () => {
    const { time, engine, fired } = setup(standing);
    engine.start();
    time.advance(7000);
    // Jump the clock without running timers, as if the timer had not come back yet.
    time.jump(6200); // position 13200
    engine.tick();
    expect(fired.map((f) => [f.moment.atMs, f.lateMs])).toEqual([[13_000, 200]]);
    expect(engine.snapshot().droppedMoments).toBe(1); // the hold start at 8000
  });

  it('returning after the end shows the session done and completed, with no stale "done" cue', () => {
    const { time, engine, fired } = setup(standing);
    engine.start();
    time.advance(70_000);
    const before = fired.length;
    time.freeze(300_000);
    expect(fired).toHaveLength(before);
    expect(engine.snapshot()).toMatchObject({ state: 'done', completed: true, positionMs: 75_000 });
  });
});

describe('PlayerEngine: an open-ended hold', () => {
  const open = compile(BUILT_INS[2].routine); // standing hip twist: holds open, 60 s at most; the first 8000–68000

  it('waits for "next": the hold ends at the tap, and the rest of the session follows from there', () => {
    const { time, engine, fired } = setup(open);
    engine.start();
    time.advance(8000);
    expect(engine.snapshot()).toMatchObject({ waitingForNext: true, segment: { kind: 'hold', open: true } });
    time.advance(12_000); // 20 s into the session, 12 s into the hold: still holding
    expect(engine.snapshot().segment.kind).toBe('hold');
    expect(engine.next()).toBe(true);
    expect(fired.map((f) => [f.at, f.moment.cues.map((c) => c.type).join('+')])).toEqual([
      [8000, 'hold-start'],
      [20_000, 'hold-end'], // at the tap, not at 68000
    ]);
    expect(engine.snapshot()).toMatchObject({ positionMs: 68_000, waitingForNext: false, segment: { kind: 'back' } });
    time.advance(3000); // the other side's move starts 3 s after the tap
    expect(fired.at(-1)).toMatchObject({ at: 23_000, lateMs: 0, moment: { atMs: 71_000 } });
  });

  it('times out at its maximum when nobody taps', () => {
    const { time, engine, fired } = setup(open);
    engine.start();
    time.advance(67_999);
    expect(fired.map((f) => f.at)).toEqual([8000]);
    time.advance(1);
    expect(fired.map((f) => [f.at, f.moment.cues.map((c) => c.type).join('+')])).toEqual([
      [8000, 'hold-start'],
      [68_000, 'hold-end'],
    ]);
    expect(engine.snapshot().waitingForNext).toBe(false);
  });

  it('"next" does nothing outside an open-ended hold, so a stray tap never cuts a fixed hold', () => {
    const { time, engine, fired } = setup(standing); // fixed 5-s holds
    engine.start();
    time.advance(9000);
    expect(engine.snapshot().waitingForNext).toBe(false);
    expect(engine.next()).toBe(false);
    expect(engine.snapshot().positionMs).toBe(9000);
    expect(fired.map((f) => f.at)).toEqual([8000]);
  });

  it('"next" while paused in the open hold ends it and waits for resume', () => {
    const { time, engine, fired } = setup(open);
    engine.start();
    time.advance(10_000);
    engine.pause();
    expect(engine.snapshot().waitingForNext).toBe(true);
    expect(engine.next()).toBe(true);
    expect(engine.snapshot()).toMatchObject({ state: 'paused', positionMs: 68_000 });
    engine.resume();
    expect(fired.map((f) => f.moment.atMs)).toEqual([8000, 68_000]);
  });
});
