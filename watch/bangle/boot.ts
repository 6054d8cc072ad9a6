/**
 * unknot.boot.js: runs at every boot/app load, before the boot loader's single
 * NRF.setServices(bleServices).
 * - It declares the Unknot GATT service; writes are handed to the app when it runs. On a clock
 *   face, a write opens the app, so the phone can wake it; the phone repeats HELLO until it
 *   answers.
 * - It keeps the reminder timer, so reminders ring with the app closed: on a clock face it
 *   buzzes and opens the app, which shows the reminder; in another app it only buzzes; in the
 *   Unknot app it hands the reminder over (the app skips it during a session).
 * - It takes the reminder schedule from the phone (the app hands the REMINDERS_* messages over).
 * Espruino subset: computed keys are not allowed, hence the assignments.
 */
import { GATT } from '../protocol/gatt';
import { MAX_FRAME } from '../protocol/frame';
import { pulsesOf } from '../core/executor';
import { SETTINGS_FILE, cuesOf } from '../core/store';
import { REMINDERS_FILE, createReminderSync, loadReminders, nextReminder } from '../core/reminders';
import type { PhoneMessage } from '../protocol/messages';

declare const bleServices: { [uuid: string]: object };
declare const global: {
  unknotRx: ((b: Uint8Array, at: number) => void) | undefined;
  unknotRemind: ((label: string, pattern: number) => void) | undefined;
  unknotSync: ((m: PhoneMessage) => number) | undefined;
};
declare const Bangle: { CLOCK: number | undefined; buzz(ms: number, strength: number): Promise<void> };
declare function load(file: string): void;
declare function getTime(): number;
declare function require(name: string): { readJSON(name: string, noExceptions: boolean): unknown; writeJSON(name: string, v: unknown): boolean };

const APP = 'unknot.app.js';
/** The longest single wait: a watch clock set meanwhile is noticed within the hour. */
const MAX_WAIT_S = 3600;

const chars: { [uuid: string]: object } = {};
chars[GATT.control] = {
  writable: true,
  maxLen: MAX_FRAME,
  onWrite: (e: { data: ArrayBuffer }) => {
    // Time zero of a START is its receipt: the clock is read before the frame is even looked
    // at, so how long the parsing takes never moves a cue (docs/protocol.md §5).
    const at = getTime() * 1000;
    if (global.unknotRx) global.unknotRx(new Uint8Array(e.data), at);
    else if (Bangle.CLOCK) load(APP);
  },
};
chars[GATT.status] = { readable: true, notify: true, value: [0], maxLen: 20 };
bleServices[GATT.service] = chars;

// Through a variable: a bundler would try to resolve a literal require('Storage') call.
const espruinoRequire = require;
const S = espruinoRequire('Storage');
let timer: number | undefined;
/** The last instant rung: a timer that fires a little early must not ring it twice. */
let rung = 0;

function ring(label: string, pattern: number): void {
  if (global.unknotRemind) return global.unknotRemind(label, pattern);
  const cues = cuesOf(S.readJSON(SETTINGS_FILE, true));
  const pulses = pulsesOf(cues, [pattern]);
  for (let i = 0; i < pulses.length; i += 2) {
    const len = pulses[i + 1];
    setTimeout(() => Bangle.buzz(len, cues.strength / 100), pulses[i]);
  }
  // Opening the app resets the interpreter: only once the pattern has played.
  const end = pulses[pulses.length - 2] + pulses[pulses.length - 1];
  if (Bangle.CLOCK) setTimeout(() => load(APP), end + 100);
}

function arm(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  const s = loadReminders(S.readJSON(REMINDERS_FILE, true));
  const now = getTime();
  const next = s ? nextReminder(s, Math.max(now, rung)) : null;
  if (!s || !next) return;
  timer = setTimeout(() => {
    timer = undefined;
    if (next[0] <= getTime() + 0.05) {
      rung = next[0];
      ring(s.l[next[1]], next[2]);
    }
    arm();
  }, Math.min(next[0] - now, MAX_WAIT_S) * 1000) as unknown as number;
}

// The app hands the REMINDERS_* messages here: the schedule is the boot code's business, and
// unknot.app.js stays within its 12 KB.
global.unknotSync = createReminderSync({
  now: () => getTime() * 1000,
  readJSON: (name) => S.readJSON(name, true),
  writeJSON: (name, v) => {
    try {
      return S.writeJSON(name, v) !== false;
    } catch (e) {
      return !e; // a full flash throws: false
    }
  },
}, arm);
arm();
