/**
 * A fake monotonic clock with one-shot timers, for driving the player to the exact millisecond.
 * `lateBy` makes every timer fire that much after its due time, like a busy main thread.
 */
import type { Clock, Scheduler } from '../../src/player/clock';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

export class FakeTime implements Clock, Scheduler {
  private _now = 0;
  private _timers: Timer[] = [];
  private _id = 0;

  constructor(
    start = 1000,
    private readonly _lateBy = 0,
  ) {
    this._now = start;
  }

  now = (): number => this._now;

  set = (fn: () => void, delayMs: number): unknown => {
    if (!(delayMs >= 0)) throw new Error(`bad timer delay ${delayMs}`);
    const timer = { id: ++this._id, at: this._now + delayMs + this._lateBy, fn };
    this._timers.push(timer);
    return timer.id;
  };

  clear = (handle: unknown): void => {
    this._timers = this._timers.filter((t) => t.id !== handle);
  };

  get pending(): number {
    return this._timers.length;
  }

  /** Runs every timer due within `ms`, in order, with the clock at each timer's time. */
  advance(ms: number): void {
    const end = this._now + ms;
    for (;;) {
      const next = [...this._timers].sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next || next.at > end) break;
      this._timers = this._timers.filter((t) => t !== next);
      this._now = Math.max(this._now, next.at);
      next.fn();
    }
    this._now = end;
  }

  /** Moves the clock on without running any timer. */
  jump(ms: number): void {
    this._now += ms;
  }

  /**
   * A frozen page: time moves on `ms` with no timer running, then each timer that came due
   * runs once, late (what a throttled or frozen tab does on return).
   */
  freeze(ms: number): void {
    this._now += ms;
    const due = this._timers.filter((t) => t.at <= this._now);
    this._timers = this._timers.filter((t) => t.at > this._now);
    for (const t of due) t.fn();
  }
}
