/** Routines the player tests play, built from the built-ins. */
import { builtInRoutine, type Routine } from '../../src/routine/index';

/**
 * The standing hip twist with a fixed 5-s hold (its first shipped timing: 75 s, hold-start 8000,
 * hold-end 13000, switch-side 16000...), for tests about timing rather than open-ended holds.
 */
export function fixedStanding(): Routine {
  const r = builtInRoutine('standing-hip-twist')!;
  r.exercises = r.exercises.map(({ openHold: _open, ...ex }) => ({ ...ex, hold: 5 }));
  return r;
}
