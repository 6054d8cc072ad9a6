/**
 * The phone's session player: runs a compiled Timeline against one monotonic anchor.
 *
 * position = clock.now() − anchor. Pause remembers the position; resume and skip move the
 * anchor so that the formula still holds. Every tick recomputes the position from the anchor
 * and aims the single pending timer at the next moment (a cue or a count) or the next whole
 * second of the display, whichever is first, so timer lateness never accumulates.
 *
 * Late ticks (a hidden page whose timers were throttled or frozen): the player shows the true
 * position and never replays a burst of stale cues. Of the moments that came due since the
 * last tick it fires only the latest one, and only if it is less than STALE_AFTER_MS old;
 * everything older is dropped (counted in `droppedMoments`). Moments are at least a second
 * apart (durations are whole seconds), so a normal tick never drops anything.
 */
import { segmentAt, type Segment, type Side, type Timeline } from '../routine/index';
import type { Clock, Scheduler } from './clock';
import { firstMomentFrom, momentsOf, type Moment } from './moments';
import type { Utterance } from './script';

/** A moment older than this when its tick finally runs is not fired. */
export const STALE_AFTER_MS = 1000;
/** skipBack() restarts the current step when more than this is done, else goes to the previous one. */
export const SKIP_BACK_GRACE_MS = 2000;

export type PlayerState = 'idle' | 'running' | 'paused' | 'done';

/** What the screen shows; a fresh object after every change. */
export interface PlayerSnapshot {
  state: PlayerState;
  positionMs: number;
  totalMs: number;
  /** 0–1. */
  progress: number;
  segment: Segment;
  segmentRemainingMs: number;
  rep: number;
  reps: number;
  side: Side | 'none';
  /** Segments finished (position at or past their end), out of stepsTotal. */
  stepsDone: number;
  stepsTotal: number;
  /** True once done by reaching the end; false when stopped early. */
  completed: boolean;
  droppedMoments: number;
  /** An open-ended hold is under way: the screen offers "Next" (see next()). */
  waitingForNext: boolean;
}

export interface PlayerOptions {
  clock: Clock;
  scheduler: Scheduler;
  /** The spoken script (scriptOf): its utterances become moments too, e.g. a movement's start. */
  script?: readonly Utterance[];
  /** A moment fired; lateMs = position at firing − its planned ms (0 with a fake clock). */
  onMoment?: (moment: Moment, lateMs: number) => void;
  onChange?: (snapshot: PlayerSnapshot) => void;
}

export class PlayerEngine {
  private readonly _moments: Moment[];
  private _state: PlayerState = 'idle';
  private _anchor = 0;
  /** The position while paused or done. */
  private _heldPos = 0;
  private _next = 0;
  private _timer: unknown = null;
  private _dropped = 0;

  constructor(
    readonly timeline: Timeline,
    private readonly _opts: PlayerOptions,
  ) {
    this._moments = momentsOf(timeline, _opts.script);
  }

  get state(): PlayerState {
    return this._state;
  }

  /** The session position in milliseconds, from the anchor while running. */
  position(): number {
    if (this._state !== 'running') return this._heldPos;
    return Math.min(this.timeline.totalMs, this._rawPosition());
  }

  /** Unclamped while running, so a tick that arrives after the end still knows how late it is. */
  private _rawPosition(): number {
    return Math.max(0, this._opts.clock.now() - this._anchor);
  }

  /** Starts at `fromMs` (0, or the start of a step when continuing an interrupted session). */
  start(fromMs = 0): void {
    if (this._state !== 'idle') return;
    this._state = 'running';
    this._seek(fromMs);
  }

  pause(): void {
    if (this._state !== 'running') return;
    this._catchUp();
    if (this.state !== 'running') return; // the catch-up reached the end
    this._heldPos = this.position();
    this._state = 'paused';
    this._clearTimer();
    this._changed();
  }

  resume(): void {
    if (this._state !== 'paused') return;
    this._anchor = this._opts.clock.now() - this._heldPos;
    this._state = 'running';
    this.tick();
  }

  /** To the start of the next step (the end, when on the last one). */
  skipForward(): void {
    if (this._state !== 'running' && this._state !== 'paused') return;
    this._catchUp();
    const seg = segmentAt(this.timeline, this.position());
    this._seek(seg.startMs + seg.durationMs);
  }

  /** True while an open-ended hold runs or is paused: "next" ends it. */
  get waitingForNext(): boolean {
    return this._waitsIn(segmentAt(this.timeline, this.position()));
  }

  private _waitsIn(seg: Segment): boolean {
    return !!seg.open && (this._state === 'running' || this._state === 'paused');
  }

  /**
   * The user's "next": ends an open-ended hold now (its hold-end cue fires at once and the rest
   * of the session follows from there). Anywhere else it does nothing, so a stray tap never
   * skips a fixed hold. Without it the hold ends by itself at its maximum.
   */
  next(): boolean {
    this._catchUp();
    if (!this.waitingForNext) return false;
    this.skipForward();
    return true;
  }

  /** To the start of this step, or of the previous one when this one has only just begun. */
  skipBack(): void {
    if (this._state !== 'running' && this._state !== 'paused') return;
    this._catchUp();
    const pos = this.position();
    const seg = segmentAt(this.timeline, pos);
    const prev = this.timeline.segments[seg.index - 1];
    this._seek(pos - seg.startMs > SKIP_BACK_GRACE_MS || !prev ? seg.startMs : prev.startMs);
  }

  /** Ends the session early; a no-op once done. */
  stop(): void {
    if (this._state !== 'running' && this._state !== 'paused') return;
    this._catchUp();
    if (this.state === 'done') return; // the catch-up reached the end
    this._finish(this.position());
  }

  /**
   * Brings the session up to the true position: fires what is due (see the stale rule at the
   * top) and re-aims the timer. The timer calls it; so does the page when it becomes visible.
   */
  tick(): void {
    if (this._state !== 'running') return;
    this._clearTimer();
    this._catchUp();
    if (this._state !== 'running') return;
    this._aim();
    this._changed();
  }

  snapshot(): PlayerSnapshot {
    const { timeline } = this;
    const pos = this.position();
    const seg = segmentAt(timeline, pos);
    const segEnd = seg.startMs + seg.durationMs;
    const atEnd = pos >= timeline.totalMs;
    return {
      state: this._state,
      positionMs: pos,
      totalMs: timeline.totalMs,
      progress: timeline.totalMs ? pos / timeline.totalMs : 1,
      segment: seg,
      segmentRemainingMs: Math.max(0, segEnd - pos),
      rep: seg.rep,
      reps: seg.reps,
      side: seg.side,
      stepsDone: atEnd ? timeline.segments.length : seg.index,
      stepsTotal: timeline.segments.length,
      completed: this._state === 'done' && atEnd,
      droppedMoments: this._dropped,
      waitingForNext: this._waitsIn(seg),
    };
  }

  /** Stops the timer without changing state (the screen went away). */
  dispose(): void {
    this._clearTimer();
  }

  /** Fires the due moment (at most one, see the stale rule) and finishes at the end. */
  private _catchUp(): void {
    if (this._state !== 'running') return;
    const pos = this._rawPosition();
    const first = this._next;
    while (this._next < this._moments.length && this._moments[this._next].atMs <= pos) this._next++;
    if (this._next > first) {
      const latest = this._moments[this._next - 1];
      const lateMs = pos - latest.atMs;
      this._dropped += this._next - first - 1;
      if (lateMs < STALE_AFTER_MS) this._opts.onMoment?.(latest, lateMs);
      else this._dropped++;
    }
    if (pos >= this.timeline.totalMs) this._finish(this.timeline.totalMs);
  }

  private _seek(ms: number): void {
    const target = Math.min(this.timeline.totalMs, Math.max(0, ms));
    this._next = firstMomentFrom(this._moments, target);
    if (this._state === 'paused') {
      this._heldPos = target;
      this._changed();
      return;
    }
    this._anchor = this._opts.clock.now() - target;
    this.tick();
  }

  private _aim(): void {
    const pos = this.position();
    const nextMoment = this._moments[this._next]?.atMs ?? Infinity;
    const nextSecond = (Math.floor(pos / 1000) + 1) * 1000;
    const target = Math.min(nextMoment, nextSecond, this.timeline.totalMs);
    // Rounded up: a timer that fires a fraction early would only have to be re-aimed.
    this._timer = this._opts.scheduler.set(() => this.tick(), Math.max(0, Math.ceil(target - pos)));
  }

  private _finish(pos: number): void {
    this._clearTimer();
    this._heldPos = pos;
    this._state = 'done';
    this._changed();
  }

  private _clearTimer(): void {
    if (this._timer !== null) this._opts.scheduler.clear(this._timer);
    this._timer = null;
  }

  private _changed(): void {
    this._opts.onChange?.(this.snapshot());
  }
}
