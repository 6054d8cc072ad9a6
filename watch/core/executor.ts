/**
 * Runs a plan on the watch clock. Every wake-up time is computed from the session's start
 * (`startAt + planned ms`), never from the previous wake-up, so a late timer or a slow redraw
 * delays one cue a little and the next one not at all: error never accumulates.
 * Espruino subset.
 */
import type { Hardware } from './hardware';
import { CUE, type CueSettings } from '../protocol/messages';
import { END_CUES, PLAN_CUE, segmentOf, type Plan, type PlanSegment } from '../protocol/plan';

/** Cue bits that buzz, in firing order at one instant, with the pattern each one uses. */
const BUZZING = [PLAN_CUE.HOLD_END, PLAN_CUE.ROUTINE_DONE, PLAN_CUE.SWITCH_SIDE, PLAN_CUE.HOLD_START];
const PATTERN_OF = [CUE.HOLD_END, CUE.DONE, CUE.SWITCH_SIDE, CUE.HOLD_START];

/** A timer that fires this early still counts as on time (the clock has ms granularity). */
const EARLY_MS = 1;

/**
 * Pulses of one or more patterns played back to back: [offset, length, offset, length...]
 * in ms from the first pulse. Patterns at the same instant are separated by three gaps.
 */
export function pulsesOf(cues: CueSettings, patterns: number[]): number[] {
  const out: number[] = [];
  let t = 0;
  for (let p = 0; p < patterns.length; p++) {
    const pat = patterns[p];
    const len = pat & 0x80 ? cues.longMs : cues.shortMs;
    const count = pat & 7;
    if (count && out.length) t += 3 * cues.gapMs;
    for (let i = 0; i < count; i++) {
      out.push(t, len);
      t += len + cues.gapMs;
    }
    if (count) t -= cues.gapMs;
  }
  return out;
}

/** Buzzes `pulses` (from pulsesOf) as if the first one had been due at `due` on the watch clock. */
export function play(hw: Hardware, cues: CueSettings, pulses: number[], due: number): void {
  const strength = cues.strength / 100;
  for (let i = 0; i < pulses.length; i += 2) {
    const len = pulses[i + 1];
    const wait = due + pulses[i] - hw.now();
    if (i === 0 || wait <= 0) hw.buzz(len, strength);
    else hw.setTimer(() => hw.buzz(len, strength), wait);
  }
}

export interface Executor {
  /** Elapsed plan ms (negative before the start). */
  elapsed(): number;
  /** Plan ms cut short by "next" in open-ended segments. */
  skipped(): number;
  /** The segment running now. */
  segment(): PlanSegment;
  /** Plan ms into that segment. */
  msInStep(): number;
  /** Starts `delayMs` after `at` (watch clock ms): the instant the START frame was received. */
  start(delayMs: number, at: number): void;
  /**
   * The user's "next": ends the running segment now if it is open-ended (PLAN_CUE.WAIT) and
   * the session is running. Returns false (nothing changed) otherwise.
   */
  next(): boolean;
  pause(): void;
  resume(): void;
  /** Cancels all timers; returns the plan ms that ran. */
  stop(): number;
}

export interface ExecutorEvents {
  /** The running segment changed (not called for segment 0: the START reply says it). */
  step(seg: PlanSegment): void;
  /** The countdown changed: redraw. */
  tick(): void;
  /** The plan ran to its end. */
  done(): void;
}

export function createExecutor(hw: Hardware, plan: Plan, cues: () => CueSettings, ev: ExecutorEvents): Executor {
  let startAt = 0;
  let paused = false;
  let pausedAt = 0;
  let timer = -1;
  /** Next cue point: 2*segment + (0 start, 1 end). */
  let k = 0;
  let kAt = 0;
  let cur = segmentOf(plan, 0);
  let curStart = 0;
  let lastShown = -1;
  let skipped = 0;
  /**
   * The next cue instant, computed ahead by arm(): valid while k is still armFrom (-1: none).
   * The rest is set by arm() before it is read (left unset: the file is at its size limit).
   */
  let armFrom = -1;
  let armAt: number;
  let armK: number;
  let armKAt: number;
  let armPulses: number[];
  /** The cue settings the arm was built with: after a SET_CUES, wake() builds it again. */
  let armCues: CueSettings | undefined;

  const elapsed = (): number => (paused ? pausedAt : hw.now() - startAt);

  function cuePointAt(): number {
    return k & 1 ? kAt + segmentOf(plan, k >> 1).durationMs : kAt;
  }

  /**
   * Computes, without changing k: the cue points due by plan ms `t` from k on, their first
   * instant (`armAt`), their pulses, and k/kAt past them. Settle calls it once the previous
   * cue has buzzed, so that when the next one is due its first pulse starts before any other
   * work: decoding segments and building pulses takes ms in Espruino (tens of ms in the
   * emulator on a busy host), and done at the due instant it made every first pulse that late.
   */
  function arm(t: number): void {
    const patterns: number[] = [];
    const c = (armCues = cues());
    let j = k;
    let jAt = kAt;
    while (j < plan.count * 2) {
      // One decode per cue point: on the watch each segmentOf() builds an object.
      const seg = segmentOf(plan, j >> 1);
      const at = j & 1 ? jAt + seg.durationMs : jAt;
      if (at > t + EARLY_MS) break;
      if (j === k) armAt = at;
      const bits = seg.cues & (j & 1 ? END_CUES : ~END_CUES);
      for (let i = 0; i < BUZZING.length; i++) {
        if (bits & BUZZING[i]) patterns.push(c.patterns[PATTERN_OF[i]]);
      }
      if (j & 1) jAt += seg.durationMs;
      j++;
    }
    // Nothing due: no arm, so that settle arms the next cue point.
    armFrom = j > k ? k : -1;
    armK = j;
    armKAt = jAt;
    armPulses = patterns.length ? pulsesOf(c, patterns) : [];
  }

  function wake(): void {
    timer = -1;
    const now = hw.now();
    if (armFrom !== k || armCues !== cues()) arm(now - startAt);
    let busy = 0;
    if (armFrom === k && startAt + armAt <= now + EARLY_MS) {
      if (armPulses.length) {
        play(hw, armCues as CueSettings, armPulses, startAt + armAt);
        busy = startAt + armAt + armPulses[armPulses.length - 2] - hw.now();
      }
      k = armK;
      kAt = armKAt;
    }
    // The face, the status and the log wait until the last pulse of what just buzzed has
    // started: a redraw or a flash write now would make those pulses late.
    if (busy > 0) timer = hw.setTimer(settle, busy + 1);
    else settle();
  }

  /** After the cues: the running segment, the end, the face, and the next wake-up. */
  function settle(): void {
    timer = -1;
    const t = elapsed();
    let moved = false;
    while (cur.index < plan.count - 1 && t + EARLY_MS >= curStart + cur.durationMs) {
      curStart += cur.durationMs;
      cur = segmentOf(plan, cur.index + 1);
      moved = true;
    }
    if (k >= plan.count * 2) {
      ev.done();
      return;
    }
    if (moved) ev.step(cur);
    if (armFrom !== k) arm(cuePointAt());
    // Next wake-up: the next cue point, or the next change of the displayed countdown.
    const end = t < 0 ? 0 : curStart + cur.durationMs;
    const shown = Math.ceil((end - t - EARLY_MS) / 1000);
    // Redraw only when the face changes: a timer that fires early (a host may) must not spend
    // a slow redraw just before a cue is due.
    if (moved || shown !== lastShown) ev.tick();
    lastShown = shown;
    const next = Math.min(cuePointAt(), end - Math.max(0, shown - 1) * 1000);
    timer = hw.setTimer(wake, Math.max(0, startAt + next - hw.now()));
  }

  function cancel(): void {
    if (timer >= 0) hw.clearTimer(timer);
    timer = -1;
  }

  return {
    elapsed: elapsed,
    skipped: () => skipped,
    segment: () => cur,
    msInStep: () => Math.max(0, elapsed() - curStart),
    start(delayMs: number, at: number) {
      cancel();
      startAt = at + delayMs;
      paused = false;
      k = 0;
      kAt = 0;
      curStart = 0;
      skipped = 0;
      cur = segmentOf(plan, 0);
      lastShown = -1;
      armFrom = -1;
      wake();
    },
    next() {
      const t = elapsed();
      const left = curStart + cur.durationMs - t;
      if (paused || t < 0 || !(cur.cues & PLAN_CUE.WAIT) || left <= EARLY_MS) return false;
      // The rest of the plan moves earlier by what is left of this segment: its end cues are
      // due now, and every later cue keeps its distance from them.
      cancel();
      startAt -= left;
      skipped += left;
      wake();
      return true;
    },
    pause() {
      if (paused) return;
      pausedAt = hw.now() - startAt;
      paused = true;
      cancel();
      ev.tick();
    },
    resume() {
      if (!paused) return;
      startAt = hw.now() - pausedAt;
      paused = false;
      lastShown = -1;
      wake();
    },
    stop() {
      const t = elapsed();
      cancel();
      pausedAt = t;
      paused = true;
      return Math.max(0, Math.min(t, plan.totalMs) - skipped);
    },
  };
}
