/**
 * What the player fires, grouped by the millisecond it is due: the timeline's cues plus the
 * optional spoken 3-2-1 before each hold ends. Cues that share a millisecond (hold end, rep
 * done, routine done...) form one moment, so the outputs can say and buzz them as one.
 */
import type { Cue, Timeline } from '../routine/index';

export interface Moment {
  /** Milliseconds from the start of the session. */
  atMs: number;
  /** The timeline's cues at this millisecond, in the timeline's emission order. */
  cues: Cue[];
  /** 3, 2 or 1 when this is a count before a hold ends (never shares a millisecond with a cue). */
  count?: number;
}

/**
 * All moments of a timeline in time order. With `countdown`, each hold gets "3", "2", "1" one,
 * two and three seconds before it ends, but only inside the hold (a 2-second hold gets "1").
 */
export function momentsOf(timeline: Timeline, countdown: boolean): Moment[] {
  const moments: Moment[] = [];
  for (const cue of timeline.cues) {
    const last = moments[moments.length - 1];
    if (last && last.atMs === cue.atMs) last.cues.push(cue);
    else moments.push({ atMs: cue.atMs, cues: [cue] });
  }
  if (countdown) {
    for (const seg of timeline.segments) {
      if (seg.kind !== 'hold') continue;
      const end = seg.startMs + seg.durationMs;
      for (let n = 3; n >= 1; n--) {
        const atMs = end - n * 1000;
        if (atMs > seg.startMs) moments.push({ atMs, cues: [], count: n });
      }
    }
    moments.sort((a, b) => a.atMs - b.atMs);
  }
  return moments;
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
