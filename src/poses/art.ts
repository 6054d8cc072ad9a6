/**
 * The drawings of the pose set, as data: a 120 × 120 box of round-capped strokes and a head, in
 * roles the picture element colours (body and far side in currentColor, the moving part in the
 * accent, the bed or floor faint). Loaded on demand, never at start-up. Only the right-hand
 * twin of a sided pose is drawn; its left twin is the same drawing mirrored.
 *
 * Roles: g bed or floor · b body · t trunk (thick) · f far limb (faint) · a moving limb (accent)
 * · A moving trunk · F moving far limb (faint accent) · r arrow of the movement (thin accent).
 */
import type { PoseId } from './catalogue';

export type Role = 'g' | 'b' | 't' | 'f' | 'a' | 'A' | 'F' | 'r';

export interface PoseArt {
  /** Strokes, drawn in order: [role, SVG path data]. */
  s: [Role, string][];
  /** Centre of the head (radius 9). */
  h: [number, number];
  /** The nose, where the face turns (a short stroke drawn over the head). */
  n?: string;
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
// The bed under a person sitting on it, seen from behind and above: its edges run away from you.
const SEAT = 'M12 116L32 4M108 116L88 4';

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

// Sitting, seen from behind and above: the legs run away from you, above the head.
const seatedCrossRight: PoseArt = {
  s: [
    ['g', SEAT],
    ['b', 'M55 104L50 10'],
    ['a', 'M65 104L76 40L44 66'],
    ['b', 'M52 90L40 112M68 90L80 112'],
    ['t', 'M60 110V88'],
  ],
  h: [60, 74],
  tag: [104, 16],
};

const seatedTwistRight: PoseArt = {
  s: [
    ['g', SEAT],
    ['b', 'M65 104L70 10'],
    ['f', 'M55 104L44 40L76 66'],
    ['F', 'M47 82L88 62'],
    ['t', 'M60 110V90'],
    ['a', 'M73 92L86 112'],
    ['A', 'M47 82L73 92'],
  ],
  h: [61, 73],
  n: 'M69 73h3',
  tag: [104, 16],
};

const standingTwistRight: PoseArt = {
  s: [
    ['g', FLOOR],
    ['b', 'M55 68L50 110M65 68L70 110'],
    ['a', 'M66 33L104 42'],
    ['t', 'M60 64L61 31'],
    ['F', 'M55 33L98 30'],
    ['r', 'M38 80Q60 92 82 80M74 80L82 80L78 87'],
  ],
  h: [62, 16],
  tag: [104, 104],
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
  'knees-to-chest': {
    s: [
      ['g', BED],
      ['t', 'M36 92H68'],
      ['a', 'M68 90L56 62L80 58'],
      ['b', 'M40 88L48 70L64 64'],
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
