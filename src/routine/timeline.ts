/**
 * The compiled form of a routine: one list of timed segments with the cue marks that the
 * phone player, the watch plan and the tests all follow.
 */
import type { Side } from './model';

export type SegmentKind = 'setup' | 'move' | 'hold' | 'back' | 'rest';

/** Cue types, in the order they are emitted when several fall on the same millisecond. */
export const CUE_TYPES = [
  'hold-end',
  'rep-done',
  'exercise-done',
  'routine-done',
  'switch-side',
  'hold-start',
] as const;
export type CueType = (typeof CUE_TYPES)[number];

export interface Cue {
  /** Milliseconds from the start of the session. */
  atMs: number;
  type: CueType;
  /** Segment the cue belongs to (the one that starts or ends at `atMs`). */
  segment: number;
}

export interface Segment {
  index: number;
  startMs: number;
  durationMs: number;
  kind: SegmentKind;
  /** What the voice says and the phone shows, e.g. "Twist right". */
  label: string;
  side: Side | 'none';
  exercise: number;
  /** 1-based repetition and its total (per side for block grouping). */
  rep: number;
  reps: number;
  /** An open-ended hold: it waits for the user's "next", up to `durationMs` (its maximum). */
  open?: boolean;
  /** Cue marks inside this segment (`atMs` absolute), in emission order. */
  cues: Cue[];
}

export interface Timeline {
  routineId: string;
  routineName: string;
  totalMs: number;
  segments: Segment[];
  /** Every cue of the session in time order; same objects as in the segments. */
  cues: Cue[];
}
