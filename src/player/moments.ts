/**
 * What the player fires, grouped by the millisecond it is due: the timeline's cues plus the
 * script's utterances (a movement's start, the counts...). Cues and words that share a
 * millisecond (hold end, rep done, routine done, the closing line) form one moment, so the
 * outputs can say and buzz them as one.
 */
import type { Cue, Timeline } from '../routine/index';
import type { Utterance } from './script';

export interface Moment {
  /** Milliseconds from the start of the session. */
  atMs: number;
  /** The timeline's cues at this millisecond, in the timeline's emission order. */
  cues: Cue[];
  /** What the script says at this millisecond, if anything. */
  utterance?: Utterance;
  /** 3, 2 or 1 when the utterance is a count (the player says it only with the 3-2-1 switch on). */
  count?: number;
}

/** All moments of a timeline and its script (scriptOf) in time order. */
export function momentsOf(timeline: Timeline, script: readonly Utterance[] = []): Moment[] {
  const byMs = new Map<number, Moment>();
  const at = (ms: number): Moment => {
    let m = byMs.get(ms);
    if (!m) byMs.set(ms, (m = { atMs: ms, cues: [] }));
    return m;
  };
  for (const cue of timeline.cues) at(cue.atMs).cues.push(cue);
  for (const u of script) {
    const m = at(u.atMs);
    m.utterance = u;
    if (u.kind === 'count') m.count = u.count;
  }
  return [...byMs.values()].sort((a, b) => a.atMs - b.atMs);
}

/** Index of the first moment at or after `ms` (moments.length when none). */
export function firstMomentFrom(moments: readonly Moment[], ms: number): number {
  let lo = 0;
  let hi = moments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (moments[mid].atMs < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
