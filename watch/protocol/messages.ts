/**
 * Every message of protocol version 2: its type byte, its payload layout, a builder and a
 * parser. Phone → watch types are 0x01–0x7F, watch → phone 0x81–0xFF. The phone (src/watch-link)
 * and the watch (watch/core) both use this file, so the two ends cannot disagree.
 * Espruino subset: no defaults, destructuring, spread, `?.`, Map/Set.
 */
import { ERR, decodeFrame, encodeFrame, put16, put32, u16, u32, asciiBytes, asciiString } from './frame';

/** The wrist keeps this many plans (KEEP_PLAN slots 0, 1, 2). */
export const WRIST_PLANS = 3;

export const MSG = {
  // phone → watch
  HELLO: 0x01,
  PLAN_BEGIN: 0x02,
  PLAN_CHUNK: 0x03,
  PLAN_COMMIT: 0x04,
  START: 0x05,
  PAUSE: 0x06,
  RESUME: 0x07,
  STOP: 0x08,
  SET_CUES: 0x09,
  TEST_CUE: 0x0a,
  LOG_REQUEST: 0x0b,
  LOG_ACK: 0x0c,
  STATUS_REQUEST: 0x0d,
  REMINDERS_BEGIN: 0x0e,
  REMINDER_LABEL: 0x0f,
  REMINDER_AT: 0x10,
  REMINDERS_COMMIT: 0x11,
  KEEP_PLAN: 0x12,
  DROP_PLANS: 0x13,
  // watch → phone
  HELLO_REPLY: 0x81,
  STATUS: 0x82,
  LOG_ENTRY: 0x83,
  LOG_NONE: 0x84,
} as const;

/** Watch states, as carried in STATUS. */
export const STATE = { IDLE: 0, LOADED: 1, RUNNING: 2, PAUSED: 3, DONE: 4 } as const;

/** The four buzzing cues, in the order of CueSettings.patterns and of TEST_CUE's argument. */
export const CUE = { HOLD_START: 0, HOLD_END: 1, SWITCH_SIDE: 2, DONE: 3 } as const;

/**
 * How the watch buzzes. A pattern byte is a pulse count (bits 0–2, 0 = silent) with bit 7 set
 * for long pulses: 0x01 one short, 0x02 two short, 0x81 one long, 0x83 three long.
 */
export interface CueSettings {
  /** Short pulse, ms (20–2000). */
  shortMs: number;
  /** Long pulse, ms (50–5000). */
  longMs: number;
  /** Silence between pulses, ms (50–2000). */
  gapMs: number;
  /** Motor strength in percent (1–100). */
  strength: number;
  /** Patterns for hold start, hold end, switch side, routine done. */
  patterns: number[];
}

export const DEFAULT_CUES: CueSettings = { shortMs: 200, longMs: 600, gapMs: 150, strength: 80, patterns: [0x01, 0x02, 0x81, 0x83] };

/**
 * Below this battery percentage (STATUS's battery byte) a session on the wrist does not start
 * unasked: the phone warns before sending START, the watch's button wants a second press.
 */
export const LOW_BATTERY = 20;

/** Why a session log entry ended. */
export const OUTCOME = { DONE: 1, STOPPED: 2 } as const;

/** One finished or stopped session, kept on the watch until the phone acknowledges its id. */
export interface LogEntry {
  /** Stable id, unique on this watch (a counter kept in watch storage). */
  id: number;
  /** CRC-32 of the plan that ran. */
  planId: number;
  /** Start, Unix seconds on the watch clock. */
  startedAt: number;
  /** Seconds of the plan that ran (pauses excluded). */
  activeS: number;
  outcome: number;
}

export interface Status {
  state: number;
  error: number;
  /** Type of the message this status answers; 0 when the watch sends it unasked. */
  re: number;
  /** Index of the plan segment running (0 before the start). */
  step: number;
  /** Milliseconds into that segment. */
  msInStep: number;
  /** CRC-32 of the loaded plan, 0 when none. */
  planId: number;
  /** Battery percent. */
  battery: number;
}

export interface Hello {
  protocol: number;
  /** Module version: "0.10" (two parts) from protocol 2 on; "0.1.0" from a protocol 1 watch. */
  module: string;
  /** Biggest frame the watch accepts. */
  maxFrame: number;
  /** Espruino firmware version, e.g. "2v29" (protocol 2: at most 5 characters). */
  firmware: string;
  /**
   * The watch clock when it wrote the reply, ms since the Unix epoch; null from a protocol 1
   * watch. Minus the phone's clock at the reply (less half the round trip) = the offset.
   */
  clockMs: number | null;
}

/** A message the watch received, already checked; `error` non-zero means reply with that error. */
export interface PhoneMessage {
  type: number;
  error: number;
  total: number;
  crc: number;
  offset: number;
  data: Uint8Array;
  planId: number;
  delayMs: number;
  cues: CueSettings | null;
  cue: number;
  logId: number;
  /** KEEP_PLAN's slot, DROP_PLANS' first slot. */
  slot: number;
}

/** A message the phone received; exactly one of the payload fields is set, by `type`. */
export interface WatchMessage {
  type: number;
  error: number;
  hello: Hello | null;
  status: Status | null;
  log: LogEntry | null;
}

/**
 * Exact payload sizes; PLAN_CHUNK is "3 or more", REMINDER_LABEL "2 to 15" and HELLO_REPLY
 * "5 to 15" (10 to 15 when its protocol byte is 2 or more). The reminder payloads' values are
 * checked where they are used (core/reminders.ts).
 */
const SIZES: { [type: number]: number } = {
  1: 0, 2: 6, 4: 0, 5: 8, 6: 0, 7: 0, 8: 0, 9: 11, 10: 1, 11: 0, 12: 4, 13: 0, 14: 6, 16: 7, 17: 0, 18: 1, 19: 1,
  0x82: 14, 0x83: 15, 0x84: 0,
};

function sizeOk(type: number, n: number): boolean {
  if (type === MSG.PLAN_CHUNK) return n >= 3;
  if (type === MSG.REMINDER_LABEL) return n >= 2 && n <= 15;
  if (type === MSG.HELLO_REPLY) return n >= 5 && n <= 15;
  return SIZES[type] === n;
}

function known(type: number): boolean {
  return type === MSG.PLAN_CHUNK || type === MSG.REMINDER_LABEL || type === MSG.HELLO_REPLY || SIZES[type] !== undefined;
}

/** Range check of cue settings; the watch refuses anything outside with ERR.BAD_VALUE. */
export function cuesValid(c: CueSettings): boolean {
  if (c.shortMs < 20 || c.shortMs > 2000 || c.longMs < 50 || c.longMs > 5000) return false;
  if (c.gapMs < 50 || c.gapMs > 2000 || c.strength < 1 || c.strength > 100) return false;
  if (c.patterns.length !== 4) return false;
  for (let i = 0; i < 4; i++) if ((c.patterns[i] & 0x78) !== 0 || c.patterns[i] > 0xff) return false;
  return true;
}

// ---- phone → watch: builders ------------------------------------------------------------

const NOTHING = new Uint8Array([]);
const empty = (type: number): Uint8Array => encodeFrame(type, NOTHING);

export const helloFrame = (): Uint8Array => empty(MSG.HELLO);
export const pauseFrame = (): Uint8Array => empty(MSG.PAUSE);
export const resumeFrame = (): Uint8Array => empty(MSG.RESUME);
export const stopFrame = (): Uint8Array => empty(MSG.STOP);
export const logRequestFrame = (): Uint8Array => empty(MSG.LOG_REQUEST);
export const statusRequestFrame = (): Uint8Array => empty(MSG.STATUS_REQUEST);

/** Start the loaded plan `planId` `delayMs` after the watch receives this frame (watch clock). */
export function startFrame(planId: number, delayMs: number): Uint8Array {
  const p = new Uint8Array(8);
  put32(p, 0, planId);
  put32(p, 4, delayMs);
  return encodeFrame(MSG.START, p);
}

export function setCuesFrame(c: CueSettings): Uint8Array {
  if (!cuesValid(c)) throw new Error('cue settings out of range');
  const p = new Uint8Array(11);
  put16(p, 0, c.shortMs);
  put16(p, 2, c.longMs);
  put16(p, 4, c.gapMs);
  p[6] = c.strength;
  for (let i = 0; i < 4; i++) p[7 + i] = c.patterns[i];
  return encodeFrame(MSG.SET_CUES, p);
}

/** Buzz one cue now (CUE.*), to feel the current settings. */
export function testCueFrame(cue: number): Uint8Array {
  return encodeFrame(MSG.TEST_CUE, new Uint8Array([cue]));
}

/** Keep the loaded plan on the wrist as plan `slot` (0 … WRIST_PLANS-1). */
export function keepPlanFrame(slot: number): Uint8Array {
  return encodeFrame(MSG.KEEP_PLAN, new Uint8Array([slot]));
}

/** Forget the wrist plans from `slot` on (WRIST_PLANS: none). */
export function dropPlansFrame(slot: number): Uint8Array {
  return encodeFrame(MSG.DROP_PLANS, new Uint8Array([slot]));
}

export function logAckFrame(id: number): Uint8Array {
  const p = new Uint8Array(4);
  put32(p, 0, id);
  return encodeFrame(MSG.LOG_ACK, p);
}

export function planBeginFrame(total: number, crc: number): Uint8Array {
  const p = new Uint8Array(6);
  put16(p, 0, total);
  put32(p, 2, crc);
  return encodeFrame(MSG.PLAN_BEGIN, p);
}

export function planChunkFrame(offset: number, data: Uint8Array): Uint8Array {
  const p = new Uint8Array(2 + data.length);
  put16(p, 0, offset);
  p.set(data, 2);
  return encodeFrame(MSG.PLAN_CHUNK, p);
}

export const planCommitFrame = (): Uint8Array => empty(MSG.PLAN_COMMIT);

// ---- watch → phone: builders ------------------------------------------------------------

export function statusFrame(s: Status): Uint8Array {
  const p = new Uint8Array(14);
  p[0] = s.state;
  p[1] = s.error;
  p[2] = s.re;
  put16(p, 3, s.step);
  put32(p, 5, s.msInStep);
  put32(p, 9, s.planId);
  p[13] = s.battery;
  return encodeFrame(MSG.STATUS, p);
}

/** Protocol 2's layout (docs/protocol.md §4); `clockMs` null is written as the Unix epoch. */
export function helloReplyFrame(h: Hello): Uint8Array {
  const v = h.module.split('.');
  const fw = asciiBytes(h.firmware, 5);
  const p = new Uint8Array(10 + fw.length);
  const ms = h.clockMs === null ? 0 : h.clockMs;
  p[0] = h.protocol;
  p[1] = parseInt(v[0], 10) || 0;
  p[2] = parseInt(v[1], 10) || 0;
  p[3] = h.maxFrame;
  put32(p, 4, Math.floor(ms / 1000));
  put16(p, 8, Math.floor(ms % 1000));
  p.set(fw, 10);
  return encodeFrame(MSG.HELLO_REPLY, p);
}

export function logEntryFrame(e: LogEntry): Uint8Array {
  const p = new Uint8Array(15);
  put32(p, 0, e.id);
  put32(p, 4, e.planId);
  put32(p, 8, e.startedAt);
  put16(p, 12, Math.min(0xffff, e.activeS));
  p[14] = e.outcome;
  return encodeFrame(MSG.LOG_ENTRY, p);
}

export const logNoneFrame = (): Uint8Array => empty(MSG.LOG_NONE);

// ---- parsers -----------------------------------------------------------------------------

/** Checks frame, type and payload size; returns the type and payload or an error code. */
function check(bytes: Uint8Array, fromPhone: boolean): { error: number; type: number; payload: Uint8Array } {
  const f = decodeFrame(bytes);
  if (f.error) return f;
  if (!known(f.type) || (f.type < 0x80) !== fromPhone) f.error = ERR.UNKNOWN_MESSAGE;
  else if (!sizeOk(f.type, f.payload.length)) f.error = ERR.BAD_LENGTH;
  return f;
}

/** Used by the watch. Never throws: whatever the bytes, the result says what to do or which error to report. */
export function parsePhoneMessage(bytes: Uint8Array): PhoneMessage {
  const f = check(bytes, true);
  const p = f.payload;
  const m: PhoneMessage = {
    type: f.type, error: f.error, total: 0, crc: 0, offset: 0, data: p, planId: 0, delayMs: 0, cues: null, cue: 0, logId: 0, slot: 0,
  };
  if (m.error) return m;
  if (f.type === MSG.PLAN_BEGIN) {
    m.total = u16(p, 0);
    m.crc = u32(p, 2);
    if (m.total === 0) m.error = ERR.BAD_VALUE;
  } else if (f.type === MSG.PLAN_CHUNK) {
    m.offset = u16(p, 0);
    m.data = p.subarray(2);
  } else if (f.type === MSG.START) {
    m.planId = u32(p, 0);
    m.delayMs = u32(p, 4);
    if (m.delayMs > 600000) m.error = ERR.BAD_VALUE;
  } else if (f.type === MSG.SET_CUES) {
    m.cues = { shortMs: u16(p, 0), longMs: u16(p, 2), gapMs: u16(p, 4), strength: p[6], patterns: [p[7], p[8], p[9], p[10]] };
    if (!cuesValid(m.cues)) m.error = ERR.BAD_VALUE;
  } else if (f.type === MSG.TEST_CUE) {
    m.cue = p[0];
    if (m.cue > 3) m.error = ERR.BAD_VALUE;
  } else if (f.type === MSG.LOG_ACK) {
    m.logId = u32(p, 0);
  } else if (f.type === MSG.KEEP_PLAN || f.type === MSG.DROP_PLANS) {
    m.slot = p[0];
    if (m.slot > (f.type === MSG.KEEP_PLAN ? WRIST_PLANS - 1 : WRIST_PLANS)) m.error = ERR.BAD_VALUE;
  }
  return m;
}

/** Used by the phone. Never throws. */
export function parseWatchMessage(bytes: Uint8Array): WatchMessage {
  const f = check(bytes, false);
  const p = f.payload;
  const m: WatchMessage = { type: f.type, error: f.error, hello: null, status: null, log: null };
  if (m.error) return m;
  if (f.type === MSG.HELLO_REPLY && p[0] < 2) {
    // A watch still on protocol 1: three-part version, no clock.
    m.hello = { protocol: p[0], module: p[1] + '.' + p[2] + '.' + p[3], maxFrame: p[4], firmware: asciiString(p, 5, p.length), clockMs: null };
  } else if (f.type === MSG.HELLO_REPLY) {
    if (p.length < 10) m.error = ERR.BAD_LENGTH;
    else {
      const module = p[1] + '.' + (p[2] < 10 ? '0' : '') + p[2];
      m.hello = { protocol: p[0], module: module, maxFrame: p[3], firmware: asciiString(p, 10, p.length), clockMs: u32(p, 4) * 1000 + u16(p, 8) };
    }
  } else if (f.type === MSG.STATUS) {
    m.status = { state: p[0], error: p[1], re: p[2], step: u16(p, 3), msInStep: u32(p, 5), planId: u32(p, 9), battery: p[13] };
  } else if (f.type === MSG.LOG_ENTRY) {
    m.log = { id: u32(p, 0), planId: u32(p, 4), startedAt: u32(p, 8), activeS: u16(p, 12), outcome: p[14] };
  }
  return m;
}
