/**
 * Fires reminders while the app is open. A timer aims at the next due time, but never further
 * than a minute ahead: a laptop that slept, a throttled background tab, a changed clock or time
 * zone must not make a reminder fire hours late or twice. On every wake it looks at what fell
 * due since the last look and fires those that are not older than the grace period.
 *
 * The clock, timers and the zone are passed in, so tests drive it with a fake clock.
 */
import type { Reminder } from '../data/schema';
import { nextDue, occurrences, type Occurrence } from './schedule';

/** How long "Snooze" puts a reminder off. */
export const SNOOZE_MS = 10 * 60_000;

export interface RunnerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface RunnerOptions {
  clock: RunnerClock;
  /** The zone to read the "HH:MM" times in, asked on every wake (the user may travel). */
  timeZone(): string;
  /** Called once per occurrence that falls due. */
  onDue(occurrence: Occurrence): void;
  /** A reminder missed by more than this (a sleeping laptop) is skipped. Default 30 minutes. */
  graceMs?: number;
  /** Longest single wait. Default one minute. */
  maxWaitMs?: number;
}

export class ReminderRunner {
  private _reminders: readonly Reminder[] = [];
  private _lastCheck: number;
  private _timer: unknown = null;
  private _running = false;
  /** One-off repeats asked for by Snooze, at most one per routine. */
  private _snoozed: Occurrence[] = [];

  constructor(private readonly _o: RunnerOptions) {
    this._lastCheck = _o.clock.now();
  }

  /** Replaces the schedule; occurrences already passed are not replayed. */
  set(reminders: readonly Reminder[]): void {
    this._reminders = reminders.map((r) => ({ ...r, times: [...r.times] }));
    if (this._running) this._arm();
  }

  start(): void {
    if (this._running) return;
    this._running = true;
    this._lastCheck = this._o.clock.now();
    this._arm();
  }

  stop(): void {
    this._running = false;
    this._disarm();
  }

  /** The next time a reminder is due (a snoozed one included), or null. */
  next(): Occurrence | null {
    const planned = nextDue(this._reminders, this._o.clock.now(), this._o.timeZone());
    return [planned, ...this._snoozed].filter((o): o is Occurrence => !!o).sort((a, b) => a.at - b.at)[0] ?? null;
  }

  /**
   * Snooze: `occurrence` falls due once more `ms` from now (replacing an earlier snooze of the
   * same routine). Returns the repeat.
   */
  snooze(occurrence: Occurrence, ms = SNOOZE_MS): Occurrence {
    const again = { ...occurrence, at: this._o.clock.now() + ms };
    this._snoozed = [...this._snoozed.filter((o) => o.routineId !== occurrence.routineId), again];
    if (this._running) this._arm();
    return again;
  }

  /** Looks for due reminders now (also called by the timer; call it when the page becomes visible). */
  check(): void {
    if (!this._running) return;
    const now = this._o.clock.now();
    const grace = this._o.graceMs ?? 30 * 60_000;
    // A clock set back: start again from now rather than replay the past.
    const from = now < this._lastCheck ? now : this._lastCheck;
    const snoozed = this._snoozed.filter((o) => o.at <= now);
    this._snoozed = this._snoozed.filter((o) => o.at > now);
    const due = [...occurrences(this._reminders, from, now, this._o.timeZone()), ...snoozed].filter((o) => now - o.at <= grace).sort((a, b) => a.at - b.at);
    this._lastCheck = now;
    for (const o of due) this._o.onDue(o);
    this._arm();
  }

  private _arm(): void {
    this._disarm();
    if (!this._running) return;
    const now = this._o.clock.now();
    const next = this.next();
    const wait = Math.min(this._o.maxWaitMs ?? 60_000, next ? Math.max(0, next.at - now) : Infinity);
    this._timer = this._o.clock.setTimeout(() => {
      this._timer = null;
      this.check();
    }, wait);
  }

  private _disarm(): void {
    if (this._timer !== null) this._o.clock.clearTimeout(this._timer);
    this._timer = null;
  }
}
