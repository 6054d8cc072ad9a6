/**
 * The pose set's names: which pictures exist and the choices a phase of an exercise can name.
 * Small and DOM-free; it loads with the views that show pictures, as do the words (words.ts), and
 * the drawings (art.ts) load when a picture is first drawn.
 *
 * Left and right: the side shows three times and they agree: the moving part in the accent colour,
 * a letter R or L in the corner on the person's own side, and the view. The twists (seated and
 * standing) and the seated crossed leg are seen from the front with a face, so the person's right is on the
 * picture's left; the knee rolls are seen from
 * above, legs toward the top, so the picture's right is your right. Poses with no side are seen
 * from the side or the front. docs/poses.md says the same for readers.
 */
import type { Side } from '../routine/side';

/** Pictures with no side. */
const FIXED = ['lying', 'knees-to-chest', 'resting', 'seated', 'standing', 'standing-arms-out'] as const;
/** Pictures drawn for each side: `knees-right`, `knees-left`, ... */
const SIDED = ['knees', 'seated-cross', 'seated-twist', 'standing-twist'] as const;
type Stem = (typeof SIDED)[number];

/** One picture of the set. `seated-cross-right`: the right leg crossed over, facing forward. */
export type PoseId = (typeof FIXED)[number] | `${Stem}-${Side}`;
/**
 * A picture that follows the side of the step ("knees rolled to the side you are going to"). For
 * a step with no side (the get-ready) it shows the exercise's first side.
 */
export type SidedPose = `${Stem}-side`;
/** What a phase of an exercise can name: one picture, or a picture that follows the side. */
export type PoseChoice = PoseId | SidedPose;

export const POSE_IDS: readonly PoseId[] = [...FIXED, ...SIDED.flatMap((s) => [`${s}-right`, `${s}-left`] as const)];
export const POSE_CHOICES: readonly PoseChoice[] = [...SIDED.map((s) => `${s}-side` as const), ...POSE_IDS];

export const isPoseId = (value: string): value is PoseId => POSE_IDS.includes(value as PoseId);

export const isPoseChoice = (value: string): value is PoseChoice => POSE_CHOICES.includes(value as PoseChoice);

/**
 * The picture a choice shows for a step on `side` (`first`: the side used when the step has none);
 * undefined for a name that is not in the set.
 */
export function resolvePose(choice: PoseChoice, side: Side | 'none', first: Side = 'right'): PoseId | undefined {
  if (!isPoseChoice(choice)) return undefined;
  if (isPoseId(choice)) return choice;
  let s = side === 'none' ? first : side;
  // Ready to turn toward a side, the OTHER leg is the crossed one (turning left, the right leg is).
  if (choice === 'seated-cross-side') s = s === 'right' ? 'left' : 'right';
  return `${choice.slice(0, -5) as Stem}-${s}`;
}
