/**
 * The frame: one GATT write or one notification, judged on its own.
 *
 *   byte 0     frame format (1; the messages' version is HELLO_REPLY's protocol field)
 *   byte 1     message type
 *   byte 2     payload length n
 *   3..3+n-1   payload (little-endian integers)
 *   last 2     CRC-16/CCITT-FALSE over bytes 0..3+n-1, little-endian
 *
 * A frame never spans two writes, so a lost or garbled write can never desynchronise the
 * stream: the next write starts clean. Messages bigger than one frame (the plan) travel as
 * explicit chunks with offsets. Espruino subset: no defaults, destructuring, spread, `?.`.
 */
import { crc16 } from './crc';

/**
 * Byte 0 of every frame: the frame layout, the same (1) in protocol versions 1 and 2, so that a
 * phone and a watch one version apart still understand each other's HELLO and errors.
 */
export const FRAME_VERSION = 1;
/**
 * The messages' version, carried in HELLO_REPLY. 2 added the watch clock in HELLO_REPLY, the
 * open-ended hold (PLAN_CUE.WAIT), one reply per START, time zero at receipt and the wrist
 * plans (PLAN_SLOT_*). The phone reads it to know what the watch can do (docs/protocol.md §8).
 */
export const PROTOCOL_VERSION = 2;
/** Header (3) + CRC (2). */
export const FRAME_OVERHEAD = 5;
/** Every phone and every link can do 20-byte writes (ATT MTU 23); the protocol works with that. */
export const MIN_FRAME = 20;
/** The biggest write the watch accepts (Bangle.js 2 negotiates an MTU up to 131). */
export const MAX_FRAME = 128;

/** Error codes carried in a status frame. */
export const ERR = {
  NONE: 0,
  /** Frame CRC does not match. */
  BAD_CRC: 1,
  /** Message type not known to this protocol version. */
  UNKNOWN_MESSAGE: 2,
  /** Frame shorter than its header, length byte disagrees with the frame, or a payload of the wrong size. */
  BAD_LENGTH: 3,
  /** Byte 0 is not FRAME_VERSION. */
  WRONG_VERSION: 4,
  /** The whole plan's CRC-32 does not match the one announced in PLAN_BEGIN. */
  PLAN_CRC: 5,
  /** Plan chunk out of order, plan incomplete, too large, or not a well-formed plan. */
  BAD_PLAN: 6,
  /** START with no plan loaded, or for another plan id. */
  NO_PLAN: 7,
  /** Command not allowed in the current state (e.g. PAUSE while idle). */
  BAD_STATE: 8,
  /** A field out of range (e.g. cue length 0). */
  BAD_VALUE: 9,
  /** The watch could not write its storage. */
  STORAGE: 10,
  /** The watch hit an unexpected fault while handling the message (a bug: nothing changed). */
  INTERNAL: 11,
  /** Reminder schedule incomplete or out of order at REMINDERS_COMMIT, or a part sent without REMINDERS_BEGIN. */
  BAD_SCHEDULE: 12,
} as const;

/** A checked frame: `error` is 0 when `type` and `payload` can be trusted. */
export interface Frame {
  error: number;
  type: number;
  payload: Uint8Array;
}

export function encodeFrame(type: number, payload: Uint8Array): Uint8Array {
  const n = payload.length;
  if (n > MAX_FRAME - FRAME_OVERHEAD) throw new Error('frame payload too long: ' + n + ' bytes');
  const out = new Uint8Array(n + FRAME_OVERHEAD);
  out[0] = FRAME_VERSION;
  out[1] = type;
  out[2] = n;
  out.set(payload, 3);
  const crc = crc16(out, 0, n + 3);
  out[n + 3] = crc & 0xff;
  out[n + 4] = crc >> 8;
  return out;
}

/**
 * Checks a received frame: version first (byte 0 means "version" in every version), then the
 * length, then the CRC. Never throws; a bad frame comes back with `error` set.
 */
export function decodeFrame(bytes: Uint8Array): Frame {
  const len = bytes.length;
  const type = len > 1 ? bytes[1] : 0;
  const bad = { error: 0, type: type, payload: bytes.subarray(0, 0) };
  if (len < 1) {
    bad.error = ERR.BAD_LENGTH;
    return bad;
  }
  if (bytes[0] !== FRAME_VERSION) {
    bad.error = ERR.WRONG_VERSION;
    return bad;
  }
  if (len < FRAME_OVERHEAD || len > MAX_FRAME || bytes[2] + FRAME_OVERHEAD !== len) {
    bad.error = ERR.BAD_LENGTH;
    return bad;
  }
  const crc = crc16(bytes, 0, len - 2);
  if ((crc & 0xff) !== bytes[len - 2] || crc >> 8 !== bytes[len - 1]) {
    bad.error = ERR.BAD_CRC;
    return bad;
  }
  return { error: 0, type: type, payload: bytes.subarray(3, len - 2) };
}

export function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}

export function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}

export function put16(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >> 8) & 0xff;
}

export function put32(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
  b[o + 2] = (v >>> 16) & 0xff;
  b[o + 3] = (v >>> 24) & 0xff;
}

/** True when b[start..end) is printable ASCII (32–126): the watch fonts' safe range. */
export function printable(b: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (b[i] < 32 || b[i] > 126) return false;
  return true;
}

/** Bytes of a string limited to printable ASCII (the watch fonts' safe range); others become '?'. */
export function asciiBytes(s: string, max: number): Uint8Array {
  const n = Math.min(s.length, max);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    out[i] = c >= 32 && c < 127 ? c : 63;
  }
  return out;
}

export function asciiString(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]);
  return s;
}
