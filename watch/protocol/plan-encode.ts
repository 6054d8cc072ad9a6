/**
 * Timeline (from the routine engine's compile()) → the binary plan of plan.ts, and the frames
 * that carry it. Phone side only: the watch build never imports this file.
 */
import type { Timeline } from '../../src/routine/timeline';
import { crc32 } from './crc';
import { FRAME_OVERHEAD, MAX_FRAME, MIN_FRAME, asciiBytes, put16 } from './frame';
import { planBeginFrame, planChunkFrame, planCommitFrame } from './messages';
import { END_CUES, KINDS, LABEL_MAX, MAX_PLAN_BYTES, NAME_MAX, PLAN_CUE, PLAN_FORMAT, SEGMENT_BYTES, SIDES } from './plan';

const CUE_BIT: Record<string, number> = {
  'hold-end': PLAN_CUE.HOLD_END,
  'rep-done': PLAN_CUE.REP_DONE,
  'exercise-done': PLAN_CUE.EXERCISE_DONE,
  'routine-done': PLAN_CUE.ROUTINE_DONE,
  'switch-side': PLAN_CUE.SWITCH_SIDE,
  'hold-start': PLAN_CUE.HOLD_START,
};

/** Accents off, then printable ASCII only: the watch fonts have nothing else. */
function ascii(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Cuts to `max` characters, at a word boundary when one is near, so "Stand, arms out" reads "Stand, arms". */
export function shorten(s: string, max: number): string {
  const t = ascii(s).trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space >= max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:-]+$/, '');
}

export interface EncodeOptions {
  /**
   * Keep open-ended holds open (PLAN_CUE.WAIT). False for a watch whose HELLO_REPLY says
   * protocol 1: it would refuse the bit, so the hold goes as a fixed hold of its maximum.
   */
  waitForPress?: boolean;
}

/** The binary plan of a timeline. Throws, naming the segment, if a timeline cannot be represented. */
export function encodePlan(t: Timeline, opts: EncodeOptions = {}): Uint8Array {
  const wait = opts.waitForPress ?? true;
  const name = asciiBytes(shorten(t.routineName, NAME_MAX), NAME_MAX);
  const labels: string[] = [];
  const labelIndex = (label: string): number => {
    const s = shorten(label, LABEL_MAX) || '-';
    let i = labels.indexOf(s);
    if (i < 0) {
      i = labels.length;
      labels.push(s);
    }
    return i;
  };
  const segs = new Uint8Array(t.segments.length * SEGMENT_BYTES);
  t.segments.forEach((seg, i) => {
    const where = `segment ${i} ("${seg.label}")`;
    if (seg.durationMs % 100 !== 0 || seg.durationMs < 100 || seg.durationMs > 0xffff * 100) {
      throw new Error(`${where}: duration ${seg.durationMs} ms is not a multiple of 100 ms between 100 ms and 6553.5 s`);
    }
    if (seg.rep < 1 || seg.reps > 255 || seg.rep > seg.reps) throw new Error(`${where}: repetition ${seg.rep} of ${seg.reps} out of range`);
    let cues = wait && seg.open ? PLAN_CUE.WAIT : 0;
    for (const c of seg.cues) {
      const bit = CUE_BIT[c.type];
      const at = bit & END_CUES ? seg.startMs + seg.durationMs : seg.startMs;
      if (c.atMs !== at) throw new Error(`${where}: cue ${c.type} at ${c.atMs} ms is not at the segment's ${bit & END_CUES ? 'end' : 'start'}`);
      cues |= bit;
    }
    const o = i * SEGMENT_BYTES;
    put16(segs, o, seg.durationMs / 100);
    segs[o + 2] = KINDS.indexOf(seg.kind) | (SIDES.indexOf(seg.side) << 4);
    segs[o + 3] = labelIndex(seg.label);
    segs[o + 4] = seg.rep;
    segs[o + 5] = seg.reps;
    segs[o + 6] = cues;
  });
  if (labels.length > 255) throw new Error(`too many distinct step labels: ${labels.length} (255 at most)`);
  if (t.segments.length === 0 || t.segments.length > 0xffff) throw new Error(`segment count ${t.segments.length} out of range`);
  const labelBytes = labels.map((l) => asciiBytes(l, LABEL_MAX));
  const size = 2 + name.length + 1 + labelBytes.reduce((n, l) => n + 1 + l.length, 0) + 2 + segs.length;
  if (size > MAX_PLAN_BYTES) throw new Error(`plan of "${t.routineName}" is ${size} bytes; the watch takes ${MAX_PLAN_BYTES} at most`);
  const out = new Uint8Array(size);
  let o = 0;
  out[o++] = PLAN_FORMAT;
  out[o++] = name.length;
  out.set(name, o);
  o += name.length;
  out[o++] = labels.length;
  for (const l of labelBytes) {
    out[o++] = l.length;
    out.set(l, o);
    o += l.length;
  }
  put16(out, o, t.segments.length);
  out.set(segs, o + 2);
  return out;
}

/** The id the watch reports for a plan: its CRC-32. */
export const planIdOf = (plan: Uint8Array): number => crc32(plan);

/**
 * The frames that load `plan`: PLAN_BEGIN, as many PLAN_CHUNKs as needed, PLAN_COMMIT.
 * `maxFrame` is the write size the link allows (20 always works; up to 128).
 */
export function planFrames(plan: Uint8Array, maxFrame?: number): Uint8Array[] {
  const frame = Math.max(MIN_FRAME, Math.min(MAX_FRAME, Math.floor(maxFrame ?? MIN_FRAME)));
  const step = frame - FRAME_OVERHEAD - 2;
  const frames = [planBeginFrame(plan.length, crc32(plan))];
  for (let o = 0; o < plan.length; o += step) frames.push(planChunkFrame(o, plan.subarray(o, o + step)));
  frames.push(planCommitFrame());
  return frames;
}
