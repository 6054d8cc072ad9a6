/**
 * The fallback for a watch without the Unknot module but with the Immediate Alert Service: the
 * PHONE keeps the time and writes an alert at each buzzing cue. Less precise than the module (a
 * hidden page's timers are throttled, and the radio adds latency), as docs/watch-link.md says.
 */
import { BUZZING_CUES } from '../routine/index';
import type { CueEmission } from '../player/index';

/** Whether the phone's cue should buzz the wrist (counts and bookkeeping marks do not). */
export function buzzesAlert(e: Pick<CueEmission, 'types' | 'count'>): boolean {
  return e.count === undefined && e.types.some((t) => BUZZING_CUES.includes(t));
}
