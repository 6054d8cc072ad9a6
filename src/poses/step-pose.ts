/**
 * Which picture a step shows. Pure: the routine page, the player and the tests share it.
 *
 * A move shows where it goes (the hold's picture); a rest has no position of its own, so the
 * player shows the NEXT step's picture there, for the user to know where to go.
 */
import type { Exercise, Routine, Segment, Side, Timeline } from '../routine/index';
import { resolvePose, type PoseChoice, type PoseId } from './catalogue';

/** The picture of a segment's own position, if its exercise names one. */
export function segmentPose(routine: Routine, seg: Segment): PoseId | undefined {
  const ex = routine.exercises[seg.exercise];
  const poses = ex?.poses;
  if (!poses || seg.kind === 'rest') return undefined;
  const choice = seg.kind === 'setup' ? poses.setup : seg.kind === 'back' ? (poses.back ?? poses.setup) : poses.hold;
  return choice ? resolvePose(choice, seg.side, ex.sides[0]) : undefined;
}

export interface ShownPose {
  pose: PoseId;
  /** True when the picture is the next step's (during a rest): "next, go here". */
  upcoming: boolean;
}

/** What the player shows during segment `index`: its own picture, or during a rest the next one. */
export function shownPose(routine: Routine, timeline: Timeline, index: number): ShownPose | undefined {
  const seg = timeline.segments[index];
  if (!seg) return undefined;
  const own = segmentPose(routine, seg);
  if (own) return { pose: own, upcoming: false };
  if (seg.kind !== 'rest') return undefined;
  const next = timeline.segments[index + 1];
  const pose = next && segmentPose(routine, next);
  return pose ? { pose, upcoming: true } : undefined;
}

export interface PoseStep {
  /** What the voice calls the step, e.g. "Twist right". */
  label: string;
  pose: PoseId;
}

/**
 * The pictured steps of one exercise, in the order they are done, for the routine page: the
 * get-ready, then per side the move (with its hold) and the way back. A picture that repeats the
 * one before it is left out; so is a phase with no picture.
 */
export function exercisePoseSteps(ex: Exercise): PoseStep[] {
  const poses = ex.poses;
  if (!poses) return [];
  const sides: (Side | 'none')[] = ex.sides.length ? ex.sides : ['none'];
  const first = ex.sides[0];
  const out: PoseStep[] = [];
  const add = (label: string, choice: PoseChoice | undefined, side: Side | 'none') => {
    if (!choice) return;
    const pose = resolvePose(choice, side, first);
    const last = out[out.length - 1];
    if (pose && (!last || last.pose !== pose)) out.push({ label, pose });
  };
  add(ex.setupLabel, poses.setup, 'none');
  for (const side of sides) {
    add(side === 'none' ? ex.moveLabel : `${ex.moveLabel} ${side}`, poses.hold, side);
    add(ex.backLabel, poses.back ?? poses.setup, side);
  }
  return out;
}
