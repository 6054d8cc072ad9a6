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
  /** A question or warning over the face ("Tap to stop"), or "". */
  note: string;
  /** The wrist plans' names, a row each (tap one to choose it); empty during a session. */
  rows: string[];
  /** The row of the plan chosen now, or -1. */
  sel: number;
}

import type { PhoneMessage } from '../protocol/messages';

export interface Hardware {
  /** The watch clock in ms since the Unix epoch (fractional). */
  now(): number;
  setTimer(fn: () => void, ms: number): number;
  clearTimer(id: number): void;
  /** One motor pulse; strength 0–1. */
  buzz(ms: number, strength: number): void;
  draw(face: Face): void;
  /**
   * Button: `long` is true once it has been held LONG_PRESS_MS (called while still held, before
   * the firmware's own 1.5 s reset), false for a shorter press, on release.
   */
  onButton(fn: (long: boolean) => void): void;
  /** A tap on the screen at (x, y). */
  onTouch(fn: (x: number, y: number) => void): void;
  /** The back gesture or the back widget. */
  onBack(fn: () => void): void;
  /** The app is about to be unloaded (another app starts, fast or not). */
  onExit(fn: () => void): void;
  /** Back to the clock face. */
  leave(): void;
  /**
   * Frames written by the phone on the control characteristic, with the watch clock (ms) read
   * first thing in the write handler, before anything looked at the bytes.
   */
  onFrame(fn: (bytes: Uint8Array, receivedAt: number) => void): void;
  /** A reminder fell due while the app runs (unknot.boot.js keeps the timer). */
  onReminder(fn: (label: string, pattern: number) => void): void;
  /**
   * REMINDERS_BEGIN … REMINDERS_COMMIT, handed to the boot code, which keeps the schedule and
   * its timer (core/reminders.ts createReminderSync). Returns as createReminderSync's handler.
   */
  reminderSync(m: PhoneMessage): number;
  /** Notify a frame on the status characteristic; false (never a throw) when nobody is connected. */
  send(bytes: Uint8Array): boolean;
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
