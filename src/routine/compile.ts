/**
 * Routine → timeline. Deterministic: the same routine always gives the same segments and cues,
 * to the millisecond, so a test can pin the exact moment of every buzz.
 */
import type { Exercise, Routine, Side } from './model';
import { CUE_TYPES, type Cue, type CueType, type Segment, type SegmentKind, type Timeline } from './timeline';

interface Visit {
  rep: number;
  side: Side | 'none';
  /** True when this visit finishes a repetition (the last side of it, or every visit in block mode). */
  endsRep: boolean;
}

/** The order in which an exercise visits its sides, repetition by repetition. */
export function visitsOf(ex: Exercise): Visit[] {
  const sides: (Side | 'none')[] = ex.sides.length ? ex.sides : ['none'];
  const visits: Visit[] = [];
  if (ex.grouping === 'block') {
    for (const side of sides) {
      for (let rep = 1; rep <= ex.repetitions; rep++) visits.push({ rep, side, endsRep: true });
    }
  } else {
    for (let rep = 1; rep <= ex.repetitions; rep++) {
      sides.forEach((side, i) => visits.push({ rep, side, endsRep: i === sides.length - 1 }));
    }
  }
  return visits;
}

function sideWord(side: Side | 'none'): string {
  return side === 'none' ? '' : ` ${side}`;
}

const cueRank = (type: CueType): number => CUE_TYPES.indexOf(type);

export function compile(routine: Routine): Timeline {
  const segments: Segment[] = [];
  const cues: Cue[] = [];
  let t = 0;

  const cue = (type: CueType, atMs: number, segment: number) => cues.push({ atMs, type, segment });
  /** Appends a segment of `seconds` (skipped when 0) and returns its index, or -1 if skipped. */
  const add = (kind: SegmentKind, seconds: number, label: string, side: Side | 'none', exercise: number, rep: number, reps: number): number => {
    if (seconds <= 0) return -1;
    const index = segments.length;
    segments.push({ index, startMs: t, durationMs: seconds * 1000, kind, label, side, exercise, rep, reps, cues: [] });
    t += seconds * 1000;
    return index;
  };
  const last = () => segments.length - 1;

  routine.exercises.forEach((ex, ei) => {
    if (ei > 0) add('rest', routine.restBetween, 'Rest', 'none', ei, 1, ex.repetitions);
    add('setup', ex.setup, ex.setupLabel, 'none', ei, 1, ex.repetitions);
    let prevSide: Side | 'none' | null = null;
    visitsOf(ex).forEach((visit, vi) => {
      const startsRep = vi > 0 && (ex.grouping === 'block' || visit.side === (ex.sides[0] ?? 'none'));
      if (startsRep) add('rest', ex.rest, 'Rest', 'none', ei, visit.rep - 1 || 1, ex.repetitions);
      const switching = prevSide !== null && visit.side !== 'none' && visit.side !== prevSide;
      prevSide = visit.side;
      const moveAt = t;
      const move = add('move', ex.move, ex.moveLabel + sideWord(visit.side), visit.side, ei, visit.rep, ex.repetitions);
      const hold = add('hold', ex.hold, 'Hold', visit.side, ei, visit.rep, ex.repetitions);
      if (ex.openHold) segments[hold].open = true;
      if (switching) cue('switch-side', moveAt, move >= 0 ? move : hold);
      cue('hold-start', segments[hold].startMs, hold);
      cue('hold-end', t, hold);
      add('back', ex.back, ex.backLabel, visit.side, ei, visit.rep, ex.repetitions);
      if (visit.endsRep) cue('rep-done', t, last());
    });
    cue('exercise-done', t, last());
  });
  cue('routine-done', t, last());

  cues.sort((a, b) => a.atMs - b.atMs || cueRank(a.type) - cueRank(b.type));
  for (const c of cues) segments[c.segment].cues.push(c);
  return { routineId: routine.id, routineName: routine.name, totalMs: t, segments, cues };
}

/** The segment running at `ms` (the last one once the session is over). */
export function segmentAt(timeline: Timeline, ms: number): Segment {
  const segs = timeline.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid].startMs <= ms) lo = mid;
    else hi = mid - 1;
  }
  return segs[lo];
}
