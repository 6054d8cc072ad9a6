/**
 * The seam between the watch logic and the watch. Everything in watch/core talks to this and
 * nothing else; watch/bangle implements it with Espruino's globals, the tests with a double.
 * Espruino subset: no defaults, destructuring, spread, `?.`, Map/Set.
 */

/** What the face shows; the screen decides how. */
export interface Face {
  /** Wall clock, "HH:MM". */
  clock: string;
  /** Routine name, or the app name when nothing is loaded. */
  title: string;
  /** Short step label ("Hold", "Twist right"), or a hint ("Press to start"). */
  label: string;
  /** The big countdown ("0:05"), or "" when there is nothing to count. */
  big: string;
  /** 0 none, 1 right, 2 left: draws an arrow. */
  side: number;
  /** "2/5" (repetition i of N), or "". */
  rep: string;
  /** STATE.* */
  state: number;
}

export interface Hardware {
  /** The watch clock in ms since the Unix epoch (fractional). */
  now(): number;
  setTimer(fn: () => void, ms: number): number;
  clearTimer(id: number): void;
  /** One motor pulse; strength 0–1. */
  buzz(ms: number, strength: number): void;
  draw(face: Face): void;
  /** Button: `long` is true for a long press (stop), false for a short one. */
  onButton(fn: (long: boolean) => void): void;
  /** The app is about to be unloaded (another app starts). */
  onExit(fn: () => void): void;
  /** Frames written by the phone on the control characteristic. */
  onFrame(fn: (bytes: Uint8Array) => void): void;
  /** A reminder fell due while the app runs (unknot.boot.js keeps the timer). */
  onReminder(fn: (label: string, pattern: number) => void): void;
  /** The stored reminder schedule changed: aim the reminder timer again. */
  rearm(): void;
  /** Notify a frame on the status characteristic; must not throw when nobody is connected. */
  send(bytes: Uint8Array): void;
  /**
   * CRC-32 (IEEE) of a plan, as protocol/crc.ts computes it. The watch has it built in
   * (E.CRC32): the interpreted loop would take seconds for a long plan.
   */
  crc32(bytes: Uint8Array): number;
  /** Battery percent. */
  battery(): number;
  /** Firmware version, e.g. "2v29". */
  firmware(): string;
  readBytes(name: string): Uint8Array | null;
  /** Returns false when the write failed. */
  writeBytes(name: string, bytes: Uint8Array): boolean;
  readJSON(name: string): unknown;
  writeJSON(name: string, value: unknown): boolean;
  /** Names of stored files that start with `prefix`. */
  list(prefix: string): string[];
  erase(name: string): void;
}
