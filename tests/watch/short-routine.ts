/** A short routine (about 20 s) for whole sessions in real time: two sides, two repetitions. */
import type { Routine } from '../../src/routine';

export const SHORT: Routine = {
  id: 'short', name: 'Short twist', summary: '', prescription: { timesPerDay: 1, when: 'any' }, restBetween: 0,
  exercises: [{
    id: 'twist', name: 'Twist', steps: [], sides: ['right', 'left'], grouping: 'alternate', repetitions: 2,
    setup: 1, move: 1, hold: 2, back: 1, rest: 1, setupLabel: 'Lie down', moveLabel: 'Twist', backLabel: 'Back',
  }],
};
