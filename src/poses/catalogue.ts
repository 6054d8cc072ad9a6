/**
 * The pose set's names: which pictures exist and the choices a phase of an exercise can name.
 * Tiny and DOM-free, because the routine validator needs it at start-up; the words (words.ts) and
 * the drawings (art.ts) load only with the views that show pictures.
 *
 * Left and right: every picture is drawn so that the picture's right is YOUR right. Upright
 * poses are seen from behind; poses on the bed that turn to a side are seen from above, your legs
 * toward the top, the way you see your own body when you look down along it. Poses with no side
 * are seen from the side (in profile). The side that moves carries the accent colour and a
 * letter, R or L. docs/poses.md says the same for readers.
 */
import type { Side } from '../routine/model';

/** One picture of the set. */
export const POSE_IDS = [
  'lying',
  'knees-to-chest',
  'knees-right',
  'knees-left',
  'resting',
  'seated',
  'seated-cross-right',
  'seated-cross-left',
  'seated-twist-right',
  'seated-twist-left',
  'standing',
  'standing-arms-out',
  'standing-twist-right',
  'standing-twist-left',
] as const;
export type PoseId = (typeof POSE_IDS)[number];

/**
 * Pictures that follow the side of the step: "knees rolled to the side you are going to". For a
 * step with no side (the get-ready) they show the exercise's first side.
 */
export const SIDED_POSES = {
  'knees-side': { right: 'knees-right', left: 'knees-left' },
  'seated-twist-side': { right: 'seated-twist-right', left: 'seated-twist-left' },
  // Ready to turn toward a side: the OTHER leg is crossed over (turning left, the right leg is).
  'seated-cross-side': { right: 'seated-cross-left', left: 'seated-cross-right' },
  'standing-twist-side': { right: 'standing-twist-right', left: 'standing-twist-left' },
} as const satisfies Record<string, Record<Side, PoseId>>;
export type SidedPose = keyof typeof SIDED_POSES;

/** What a phase of an exercise can name: one picture, or a picture that follows the side. */
export type PoseChoice = PoseId | SidedPose;
export const POSE_CHOICES = [...Object.keys(SIDED_POSES), ...POSE_IDS] as PoseChoice[];

export const isPoseId = (value: string): value is PoseId => (POSE_IDS as readonly string[]).includes(value);

/** The picture a choice shows for a step on `side` (`first`: the side used when the step has none). */
export function resolvePose(choice: PoseChoice, side: Side | 'none', first: Side = 'right'): PoseId {
  if (isPoseId(choice)) return choice;
  return SIDED_POSES[choice][side === 'none' ? first : side];
}
