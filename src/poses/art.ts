/**
 * The drawings of the pose set, as data: a 120 × 120 box of round-capped strokes and a head, in
 * roles the picture element colours (body and far side in currentColor, the moving part in the
 * accent, the bed or floor faint). Loaded on demand, never at start-up. Only the right-hand
 * twin of a sided pose is drawn; its left twin is the same drawing mirrored. Eyes on the head
 * mean the figure faces you (seen from the front: its right on the picture's left).
 *
 * Roles: g bed or floor · b body · t trunk (thick) · f far limb (faint) · a moving limb (accent)
 * · A moving trunk · F moving far limb (faint accent) · r arrow of the movement (thin accent)
 * · o a gap in the background colour, drawn under a limb to part it from one in the same tone.
 */
import type { PoseId } from './catalogue';

export type Role = 'g' | 'b' | 't' | 'f' | 'a' | 'A' | 'F' | 'r' | 'o';

export interface PoseArt {
  /** Strokes, drawn in order: [role, SVG path data]. */
  s: [Role, string][];
  /** Centre of the head (radius 9). */
  h: [number, number];
  /** The nose, where the face turns (a short stroke drawn over the head). */
  n?: string;
  /** Eyes (small dots in the background colour): the face is toward you, so the view is from the front. */
  e?: [number, number][];
  /** Where the side letter sits, in the drawing's own (right-hand) coordinates. */
  tag?: [number, number];
  /** Drawn as the mirror image of the right-hand twin. */
  mirror?: true;
}

// Bed seen from the side, with a pillow at the head end; floor; bed edges seen from above.
const BED = 'M4 101H116M8 101v-8q0-6 6-6h14q6 0 6 6v8';
const FLOOR = 'M8 114H112';
const EDGES = 'M8 4V116M112 4V116';
const PILLOW = 'M40 116v-8q0-6 6-6h28q6 0 6 6v8';

const kneesRight: PoseArt = {
  s: [
    ['g', EDGES],
    ['g', PILLOW],
    ['b', 'M52 86L32 70M68 86L88 70'],
    ['t', 'M60 88V62'],
    ['F', 'M63 62L92 52L78 32'],
    ['a', 'M57 61L88 42L70 24'],
    ['r', 'M56 12Q82 6 98 22M90 20L98 22L96 14'],
  ],
  h: [60, 100],
  tag: [104, 104],
};

// A stool and the floor, for the seated poses: the seat is what makes a person read as sitting.
const STOOL = 'M8 114H112M28 80H92M34 80L30 114M86 80L90 114';

// Sitting on a stool, seen from the front (the face is toward you, so YOUR right is on the
// picture's left, as in the twists): the right leg crossed over the left knee, its knee out to the
// side and its ankle resting on the other knee, in front of it; the left leg, foot on the floor, in
// the lighter tone. (In profile, round 2, the reader took the near leg for the other one.)
const seatedCrossRight: PoseArt = {
  s: [
    ['g', STOOL],
    ['b', 'M52 48L44 62L40 76M68 48L76 62L80 76'],
    ['f', 'M66 76L74 92V110H82'],
    ['t', 'M60 76V44'],
    ['a', 'M54 76L26 92L72 88L80 82'],
  ],
  h: [60, 29],
  e: [[56.5, 28], [63.5, 28]],
  tag: [16, 16],
};

// Sitting on a stool, seen from the front (the face is toward you, so YOUR right is on the
// picture's left): left leg crossed over the right knee, the upper body and head turned to the
// person's right, the left arm across to the right knee.
const seatedTwistRight: PoseArt = {
  s: [
    ['g', STOOL],
    ['F', 'M52 46L32 58L28 78'],
    ['t', 'M60 72L58 44'],
    ['f', 'M52 78L44 90L44 110H38'],
    ['b', 'M68 78L40 86L30 106'],
    ['a', 'M66 46L52 66L44 84'],
    ['r', 'M84 14Q60 2 36 14M43 9L36 14L42 20'],
  ],
  h: [57, 29],
  e: [[51.5, 28], [57, 28]],
  tag: [16, 16],
};

// Standing, seen from the front (the face is toward you, so YOUR right is on the picture's left),
// turned from the hips to the person's right, both arms swung that way.
const standingTwistRight: PoseArt = {
  s: [
    ['g', FLOOR],
    ['b', 'M55 68L50 110H44M65 68L70 110H76'],
    ['F', 'M53 32L16 26'],
    ['t', 'M60 64L58 31'],
    ['a', 'M65 34L24 46'],
    ['r', 'M82 80Q60 92 38 80M46 80L38 80L42 87'],
  ],
  h: [56, 16],
  e: [[50.5, 15], [56, 15]],
  tag: [16, 104],
};

/** Every picture of the set. */
export const POSE_ART: Record<PoseId, PoseArt> = {
  lying: {
    s: [
      ['g', BED],
      ['b', 'M70 94H106L110 85'],
      ['t', 'M36 92H70'],
    ],
    h: [22, 78],
  },
  // Both knees pulled up to the chest together, seen from the side. Both legs in the figure's
  // tone (a lighter far leg read as the "ghost" of a moving leg, round 3; an accent limb read as a
  // side, round 4): the far knee and foot show just above the near ones, parted by a gap in the
  // background colour; the arm, parted the same way, wraps from the shoulder round the shins.
  'knees-to-chest': {
    s: [
      ['g', BED],
      ['b', 'M70 90L60 52L84 46L88 38'],
      ['o', 'M66 90L52 60L76 56'],
      ['b', 'M66 90L52 60L76 56L80 48'],
      ['t', 'M36 92H68'],
      ['o', 'M40 86L60 80L66 60'],
      ['b', 'M40 86L60 80L66 60'],
    ],
    h: [22, 78],
  },
  'knees-right': kneesRight,
  'knees-left': { ...kneesRight, mirror: true },
  resting: {
    s: [
      ['g', BED],
      ['b', 'M68 92L84 66L98 95L108 95'],
      ['t', 'M36 92H68'],
    ],
    h: [22, 78],
  },
  seated: {
    s: [
      ['g', BED],
      ['b', 'M40 96H104L108 86'],
      ['t', 'M34 90L36 58'],
      ['b', 'M37 60L56 88'],
    ],
    h: [38, 40],
  },
  'seated-cross-right': seatedCrossRight,
  'seated-cross-left': { ...seatedCrossRight, mirror: true },
  'seated-twist-right': seatedTwistRight,
  'seated-twist-left': { ...seatedTwistRight, mirror: true },
  standing: {
    s: [
      ['g', FLOOR],
      ['b', 'M55 68L50 110M65 68L70 110M52 33L38 48L50 62M68 33L82 48L70 62'],
      ['t', 'M60 64V31'],
    ],
    h: [60, 16],
  },
  'standing-arms-out': {
    s: [
      ['g', FLOOR],
      ['b', 'M55 68L50 110M65 68L70 110'],
      ['a', 'M52 33L14 36M68 33L106 36'],
      ['t', 'M60 64V31'],
    ],
    h: [60, 16],
  },
  'standing-twist-right': standingTwistRight,
  'standing-twist-left': { ...standingTwistRight, mirror: true },
};
