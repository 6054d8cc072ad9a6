/**
 * The plan on the wire and in watch storage: a compact binary form of a compiled routine.
 *
 *   u8   format (1)
 *   u8   name length, then the name (printable ASCII 32–126, ≤ 20)
 *   u8   label count L, then L × (u8 length 1–14, printable ASCII): the distinct step labels
 *   u16  segment count S
 *   S × 7 bytes:
 *        u16  duration in 100 ms units (1–65535)
 *        u8   kind (bits 0–3: 0 setup, 1 move, 2 hold, 3 back, 4 rest) | side << 4 (0 none, 1 right, 2 left)
 *        u8   label index (< L)
 *        u8   repetition (1 … repetitions)
 *        u8   repetitions (≥ 1)
 *        u8   cue bits (PLAN_CUE): bits 0–3 fire at the segment's end, bits 4–5 at its start;
 *             bit 6 (WAIT): open-ended, the segment ends at a press or at its duration (protocol 2)
 *
 * The plan id is the CRC-32 of these bytes. The watch never turns the segments into objects:
 * a long plan would not fit its heap, so it reads them in place (`segmentOf`).
 * Espruino subset: no defaults, destructuring, spread, `?.`.
 */
import { asciiString, printable, u16 } from './frame';

export const PLAN_FORMAT = 1;
/** The largest plan the watch accepts (it holds the upload in RAM until it is checked). */
export const MAX_PLAN_BYTES = 32768;
export const NAME_MAX = 20;
export const LABEL_MAX = 14;
export const SEGMENT_BYTES = 7;

/** Cue bits, in the order of CUE_TYPES of the routine engine (the order they fire at one instant). */
export const PLAN_CUE = {
  HOLD_END: 1,
  REP_DONE: 2,
  EXERCISE_DONE: 4,
  ROUTINE_DONE: 8,
  SWITCH_SIDE: 16,
  HOLD_START: 32,
  /** Not a cue: the segment is open-ended (waits for the user's press, its duration is the maximum). */
  WAIT: 64,
} as const;
/** Cues that fire when their segment ends; the others fire when it starts. */
export const END_CUES = 15;

export const KINDS = ['setup', 'move', 'hold', 'back', 'rest'] as const;
export const SIDES = ['none', 'right', 'left'] as const;

/** A checked plan, read in place. */
export interface Plan {
  id: number;
  name: string;
  labels: string[];
  count: number;
  totalMs: number;
  bytes: Uint8Array;
  /** Offset of segment 0. */
  base: number;
}

export interface PlanSegment {
  index: number;
  durationMs: number;
  kind: number;
  side: number;
  label: string;
  rep: number;
  reps: number;
  cues: number;
}

/**
 * Checks every byte of a plan and returns it, or null when anything is out of place
 * (a truncated plan, a label index past the table, a zero duration...). Never throws.
 */
export function decodePlan(bytes: Uint8Array, id: number): Plan | null {
  const n = bytes.length;
  if (n < 5 || n > MAX_PLAN_BYTES || bytes[0] !== PLAN_FORMAT) return null;
  let o = 1;
  const nameLen = bytes[o++];
  if (nameLen > NAME_MAX || o + nameLen >= n || !printable(bytes, o, o + nameLen)) return null;
  const name = asciiString(bytes, o, o + nameLen);
  o += nameLen;
  const labelCount = bytes[o++];
  const labels: string[] = [];
  for (let i = 0; i < labelCount; i++) {
    if (o >= n) return null;
    const l = bytes[o++];
    if (l === 0 || l > LABEL_MAX || o + l > n || !printable(bytes, o, o + l)) return null;
    labels.push(asciiString(bytes, o, o + l));
    o += l;
  }
  if (o + 2 > n) return null;
  const count = u16(bytes, o);
  o += 2;
  if (count === 0 || o + count * SEGMENT_BYTES !== n) return null;
  let total = 0;
  for (let i = 0; i < count; i++) {
    const s = o + i * SEGMENT_BYTES;
    const dur = u16(bytes, s);
    const kind = bytes[s + 2] & 15;
    const side = bytes[s + 2] >> 4;
    if (dur === 0 || kind > 4 || side > 2 || bytes[s + 3] >= labelCount) return null;
    if (bytes[s + 4] === 0 || bytes[s + 4] > bytes[s + 5] || bytes[s + 6] > 127) return null;
    total += dur * 100;
  }
  return { id: id, name: name, labels: labels, count: count, totalMs: total, bytes: bytes, base: o };
}

/** Segment `i` of a checked plan. */
export function segmentOf(plan: Plan, i: number): PlanSegment {
  const b = plan.bytes;
  const s = plan.base + i * SEGMENT_BYTES;
  return {
    index: i,
    durationMs: u16(b, s) * 100,
    kind: b[s + 2] & 15,
    side: b[s + 2] >> 4,
    label: plan.labels[b[s + 3]],
    rep: b[s + 4],
    reps: b[s + 5],
    cues: b[s + 6],
  };
}
