/**
 * Which picture a step shows. Pure: the routine page, the player and the tests share it.
 *
 * A move shows where it goes (the hold's picture); a rest has no position of its own, so the
 * player shows the NEXT step's picture there, for the user to know where to go.
 */
import type { Routine, Segment, Timeline } from '../routine/index';
import { resolvePose, type PoseId } from './catalogue';

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
