/** The small pure parts of the link: the GATT queue, the cue mapping, the status mirror, log entries. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/data/schema';
import { BUILT_INS, compile } from '../../src/routine';
import { DEFAULT_CUES, OUTCOME, STATE } from '../../watch/protocol';
import { GattQueue, buzzesAlert, mirrorSnapshot, sessionFromLog, watchCues } from '../../src/watch-link';

const routine = BUILT_INS[0].routine;
const timeline = compile(routine);

describe('GattQueue', () => {
  it('runs operations one at a time, in order, and a failure does not stop the next', async () => {
    const q = new GattQueue();
    const log: string[] = [];
    let running = 0;
    const op = (name: string, fail = false) => async () => {
      running++;
      expect(running).toBe(1);
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, 2));
      log.push(`end ${name}`);
      running--;
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([q.run(op('a')), q.run(op('b', true)), q.run(op('c'))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('reset() fails what was queued before it, not what comes after', async () => {
    const q = new GattQueue();
    let release!: () => void;
    const first = q.run(() => new Promise<void>((r) => (release = r)));
    const queued = q.run(async () => 'stale');
    await new Promise((r) => setTimeout(r, 0)); // the first operation has started
    q.reset();
    const after = q.run(async () => 'fresh');
    release();
    await first;
    await expect(queued).rejects.toThrow(/disconnected/);
    await expect(after).resolves.toBe('fresh');
  });
});

describe('watchCues', () => {
  it('maps the default phone patterns onto the watch vocabulary (1 short, 2 short, 1 long, 3 long)', () => {
    const c = watchCues(DEFAULT_SETTINGS);
    expect(c.patterns).toEqual(DEFAULT_CUES.patterns);
    expect(c.strength).toBe(100);
    expect(c.longMs).toBe(600);
  });

  it('an empty pattern is silent; strength follows the setting', () => {
    const c = watchCues({ cueStrength: 0.3, cuePatterns: { ...DEFAULT_SETTINGS.cuePatterns, 'hold-start': [] } });
    expect(c.patterns[0]).toBe(0);
    expect(c.strength).toBe(30);
  });
});

describe('mirrorSnapshot', () => {
  it('counts down from the last status while running, holds while paused, completes when done', () => {
    const seg = timeline.segments[2];
    const s = { state: STATE.RUNNING, error: 0, re: 0, step: 2, msInStep: 1000, planId: 1, battery: 80 };
    const run = mirrorSnapshot(timeline, s, 5000, 6500);
    expect(run).toMatchObject({ state: 'running', segmentRemainingMs: seg.durationMs - 2500, positionMs: seg.startMs + 2500, stepsDone: 2 });
    expect(mirrorSnapshot(timeline, { ...s, state: STATE.PAUSED }, 5000, 9000).segmentRemainingMs).toBe(seg.durationMs - 1000);
    expect(mirrorSnapshot(timeline, { ...s, state: STATE.RUNNING }, 0, 1e9).segmentRemainingMs).toBe(0);
    expect(mirrorSnapshot(timeline, { ...s, state: STATE.DONE }, 0, 0)).toMatchObject({ state: 'done', completed: true, stepsDone: timeline.segments.length });
  });
});

describe('sessionFromLog', () => {
  it('a stopped entry counts the steps finished within its active time', () => {
    const at = timeline.segments[3].startMs + timeline.segments[3].durationMs;
    const input = sessionFromLog({ id: 4, planId: 9, startedAt: 1_790_000_000, activeS: at / 1000, outcome: OUTCOME.STOPPED }, routine);
    expect(input).toMatchObject({ id: 'watch-4-1790000000', stepsDone: 4, outcome: 'stopped-early', source: 'watch', startedAt: 1_790_000_000_000 });
  });
});

describe('buzzesAlert', () => {
  it('buzzes for hold/switch/done cues, not for counts or bookkeeping marks', () => {
    expect(buzzesAlert({ types: ['hold-start'] })).toBe(true);
    expect(buzzesAlert({ types: ['rep-done'] })).toBe(false);
    expect(buzzesAlert({ types: [], count: 3 })).toBe(false);
  });
});
