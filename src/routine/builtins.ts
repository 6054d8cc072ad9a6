/**
 * The three built-in routines. The movements come from a public article on easing a lower back
 * spasm; the wording here is ours. `version` goes up whenever a built-in changes, so the data
 * layer can upgrade stored copies the user has not edited.
 */
import type { Routine } from './model';

export interface BuiltIn {
  version: number;
  routine: Routine;
}

const kneesToChest: Routine = {
  id: 'knees-to-chest-twist',
  name: 'Lying knees-to-chest twist',
  summary: 'For the worst moments, when sitting or standing is too much: done flat on your back in bed.',
  prescription: { timesPerDay: 3, when: 'any' },
  restBetween: 0,
  exercises: [
    {
      id: 'lying-twist',
      name: 'Knees-to-chest twist',
      steps: [
        'Lie on your back with your legs long and your arms by your sides, palms on the bed.',
        'Draw both knees up together, slowly, until they come close to your chest, and wrap your arms around them.',
        'At the cue, as the voice names a side, let your knees and lower back roll gently that way, only as far as feels safe.',
        'Stay there until the cue for the end of the hold, then roll back to the middle.',
        'The next roll goes to the other side. Keep breathing slowly the whole time.',
      ],
      sides: ['right', 'left'],
      grouping: 'alternate',
      repetitions: 5,
      setup: 10,
      move: 3,
      hold: 5,
      back: 3,
      rest: 2,
      setupLabel: 'Knees to chest',
      moveLabel: 'Twist',
      backLabel: 'Back to center',
      poses: { setup: 'knees-to-chest', hold: 'knees-side' },
    },
  ],
};

const seatedTwist: Routine = {
  id: 'seated-spinal-twist',
  name: 'Seated spinal twist',
  summary: 'A gentle morning twist sitting up in bed, to loosen the lower back before the day starts.',
  prescription: { timesPerDay: 1, when: 'morning' },
  restBetween: 0,
  exercises: [
    {
      id: 'seated-twist',
      name: 'Seated twist',
      steps: [
        'Sit tall with both legs out in front of you.',
        'Bend your right knee and set that foot on the far side of your left thigh.',
        'At the cue, rest your right hand on the bed beside your left thigh and turn your upper body to the left, as far as is comfortable.',
        'At the cue for the end of the hold, come back to face forward. Every repetition on this side comes first.',
        'When the voice says it is the right side, cross the left leg over instead and turn to the right.',
      ],
      sides: ['left', 'right'],
      // The legs are crossed once per side, not once per repetition.
      grouping: 'block',
      repetitions: 3,
      setup: 10,
      move: 4,
      hold: 5,
      back: 3,
      rest: 2,
      setupLabel: 'Sit up tall',
      moveLabel: 'Turn',
      backLabel: 'Face forward',
      poses: { setup: 'seated-cross-side', hold: 'seated-twist-side' },
    },
  ],
};

const standingTwist: Routine = {
  id: 'standing-hip-twist',
  name: 'Standing hip twist',
  summary: 'For when you can stand: a slow twist from the hips. Each hold lasts until you feel the stretch.',
  // The source gives this one no frequency: "when needed", unless the user sets one (version 2).
  prescription: { timesPerDay: 1, when: 'as-needed' },
  restBetween: 0,
  exercises: [
    {
      id: 'standing-twist',
      name: 'Standing twist',
      steps: [
        'Stand up straight with your feet about a foot apart and your arms out to the sides.',
        'At the cue, turn from the hips so one arm swings across the front of your body and the other goes behind you.',
        'Stay turned until you feel a mild stretch in the back muscles, then tap Next. After a minute it moves on by itself.',
        'At the cue, return to facing forward, then turn the other way.',
      ],
      sides: ['right', 'left'],
      grouping: 'alternate',
      repetitions: 3,
      setup: 5,
      move: 3,
      hold: 60,
      openHold: true,
      back: 3,
      rest: 2,
      setupLabel: 'Stand, arms out',
      moveLabel: 'Twist',
      backLabel: 'Face forward',
      poses: { setup: 'standing-arms-out', hold: 'standing-twist-side' },
    },
  ],
};

/**
 * Version 2: step texts say "at the cue" (phone or watch); seated twist in blocks; standing hold
 * open-ended and "when needed" (issue 14); the pictures of the positions (issue 15; the way back
 * shows the get-ready picture).
 */
export const BUILT_INS: readonly BuiltIn[] = [
  { version: 2, routine: kneesToChest },
  { version: 2, routine: seatedTwist },
  { version: 2, routine: standingTwist },
];

/** A fresh copy of a built-in routine, safe to edit. */
export function builtInRoutine(id: string): Routine | undefined {
  const found = BUILT_INS.find((b) => b.routine.id === id);
  return found ? structuredClone(found.routine) : undefined;
}
