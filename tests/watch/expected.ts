/**
 * What the watch should do, worked out from the routine engine's timeline and the documented
 * buzz vocabulary (docs/protocol.md), independently of the watch code.
 */
import type { Timeline } from '../../src/routine';
import type { CueSettings } from '../../watch/protocol';
import type { Buzz } from './espruino-double';

/** Pulse count and long/short for each buzzing cue; the others are silent. */
const VOCABULARY: Record<string, { count: number; long: boolean }> = {
  'hold-start': { count: 1, long: false },
  'hold-end': { count: 2, long: false },
  'switch-side': { count: 1, long: true },
  'routine-done': { count: 3, long: true },
};

export interface Instant {
  /** Plan ms of the first pulse. */
  at: number;
  /** [offset from `at`, length] of each pulse. */
  pulses: [number, number][];
}

/** Each moment something buzzes: pulses one gap apart, patterns at one instant three gaps apart. */
export function expectedInstants(t: Timeline, c: CueSettings): Instant[] {
  const out: Instant[] = [];
  for (const at of [...new Set(t.cues.map((q) => q.atMs))].sort((a, b) => a - b)) {
    const pulses: [number, number][] = [];
    let off = 0;
    for (const cue of t.cues.filter((q) => q.atMs === at && VOCABULARY[q.type])) {
      const v = VOCABULARY[cue.type];
      if (pulses.length) off += 3 * c.gapMs;
      for (let i = 0; i < v.count; i++) {
        if (i > 0) off += c.gapMs;
        const ms = v.long ? c.longMs : c.shortMs;
        pulses.push([off, ms]);
        off += ms;
      }
    }
    if (pulses.length) out.push({ at, pulses });
  }
  return out;
}

/** Every pulse of a session started at `t0` on the watch clock. */
export function expectedBuzzes(t: Timeline, t0: number, c: CueSettings): Buzz[] {
  return expectedInstants(t, c).flatMap((i) => i.pulses.map(([off, ms]) => ({ at: t0 + i.at + off, ms, strength: c.strength / 100 })));
}
