/**
 * The cue vocabulary shared by the phone and the watch: what each cue means to the person
 * lying down, and which buzz pattern carries it. rep-done and exercise-done are bookkeeping
 * marks: they show on screen and in history but do not buzz, so the wrist stays simple.
 */
import type { CueType } from './timeline';

export interface CueMeaning {
  /** Short name for lists. */
  name: string;
  /** How the wrist says it, or null when it does not buzz. */
  buzz: string | null;
}

export const CUE_MEANINGS: Record<CueType, CueMeaning> = {
  'hold-start': { name: 'Hold starts', buzz: 'one short buzz' },
  'hold-end': { name: 'Hold ends', buzz: 'two short buzzes' },
  'switch-side': { name: 'Switch sides', buzz: 'one long buzz' },
  'rep-done': { name: 'Repetition done', buzz: null },
  'exercise-done': { name: 'Exercise done', buzz: null },
  'routine-done': { name: 'Routine done', buzz: 'three long buzzes' },
};

/** The cues that buzz on the wrist (and vibrate or beep on the phone). */
export const BUZZING_CUES: readonly CueType[] = (Object.keys(CUE_MEANINGS) as CueType[]).filter((c) => CUE_MEANINGS[c].buzz !== null);
