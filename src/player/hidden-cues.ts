/**
 * Late-cue accounting for a hidden or frozen page (pure: time and counts are passed in).
 *
 * While the page is hidden the browser throttles or freezes its timers, so cues arrive late or
 * are dropped by the stale-cue rule (engine.ts). From the moment the page hides until it is
 * visible again (after the catch-up tick that runs on return), the tally counts cues played
 * LATE_CUE_MS or more late and the moments the engine dropped. On return it hands back one spell
 * — how long, how many late, how many missed — or null when every cue was on time.
 */
import type { HiddenCues } from '../data/schema';

/** A cue this late (ms) is counted as late: the beat of a count is lost well before a second. */
export const LATE_CUE_MS = 250;

export class HiddenCueTally {
  private _hiddenAt: number | null = null;
  private _droppedAtHide = 0;
  private _late = 0;

  get hidden(): boolean {
    return this._hiddenAt !== null;
  }

  /** The page was hidden; `dropped` = the engine's droppedMoments at that time. */
  hide(now: number, dropped: number): void {
    if (this._hiddenAt !== null) return;
    this._hiddenAt = now;
    this._droppedAtHide = dropped;
    this._late = 0;
  }

  /** A cue fired `lateMs` after its time; counted only while the page is hidden. */
  cue(lateMs: number): void {
    if (this._hiddenAt !== null && lateMs >= LATE_CUE_MS) this._late++;
  }

  /** Back, after the catch-up tick: the spell, or null when nothing was late or missed. */
  show(now: number, dropped: number): HiddenCues | null {
    if (this._hiddenAt === null) return null;
    const spell: HiddenCues = { hiddenMs: Math.max(0, now - this._hiddenAt), late: this._late, missed: Math.max(0, dropped - this._droppedAtHide) };
    this._hiddenAt = null;
    return spell.late + spell.missed > 0 ? spell : null;
  }
}

/** The words the player shows on return (and the record keeps the numbers). */
export function hiddenCuesMessage(spell: HiddenCues): string {
  const s = Math.round(spell.hiddenMs / 1000);
  const took = s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
  const parts: string[] = [];
  if (spell.missed) parts.push(`${spell.missed} ${spell.missed === 1 ? 'cue was' : 'cues were'} missed`);
  if (spell.late) parts.push(`${spell.late} ${spell.late === 1 ? 'cue came' : 'cues came'} late`);
  return `The screen was off or the page asleep for ${took}: ${parts.join(' and ')}. Keep the screen on, or use the watch, which keeps time on your wrist.`;
}
