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

/** Every pulse of a session started at `t0`: pulses one gap apart, patterns at one instant three gaps apart. */
export function expectedBuzzes(t: Timeline, t0: number, c: CueSettings): Buzz[] {
  const out: Buzz[] = [];
  const instants = [...new Set(t.cues.map((q) => q.atMs))].sort((a, b) => a - b);
  for (const at of instants) {
    let off = 0;
    let first = true;
    for (const cue of t.cues.filter((q) => q.atMs === at && VOCABULARY[q.type])) {
      const v = VOCABULARY[cue.type];
      if (!first) off += 3 * c.gapMs;
      first = false;
      for (let i = 0; i < v.count; i++) {
        if (i > 0) off += c.gapMs;
        const ms = v.long ? c.longMs : c.shortMs;
        out.push({ at: t0 + at + off, ms, strength: c.strength / 100 });
        off += ms;
      }
    }
  }
  return out;
}
