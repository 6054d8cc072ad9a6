/**
 * The two seams between the player and time. The engine never reads a global clock or timer
 * directly, so a test can drive it with a fake clock to the exact millisecond.
 */

/** A monotonic millisecond clock (performance.now in the browser). */
export interface Clock {
  now(): number;
}

/** One-shot timers. The engine keeps at most one pending. */
export interface Scheduler {
  set(fn: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

/** performance.now: monotonic, unaffected by wall-clock changes; exists in browsers and Node. */
export const monotonicClock: Clock = { now: () => performance.now() };

export const timerScheduler: Scheduler = {
  set: (fn, delayMs) => setTimeout(fn, delayMs),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
