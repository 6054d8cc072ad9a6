/**
 * How each cue of the watch's vocabulary (hold start, hold end, switch side, routine done)
 * sounds on the phone: the tones. The words are the script's (script.ts); the buzz patterns are
 * the user's, in Settings.
 */
import { BUZZING_CUES, type CueType } from '../routine/index';

/** One beep: a sine tone, then silence before the next. */
export interface Tone {
  hz: number;
  ms: number;
  gapMs: number;
}

/** Distinct by pitch and rhythm, so they can be told apart with eyes closed. */
export const TONES: Partial<Record<CueType, readonly Tone[]>> = {
  'hold-start': [{ hz: 880, ms: 150, gapMs: 0 }],
  'hold-end': [
    { hz: 660, ms: 100, gapMs: 100 },
    { hz: 660, ms: 100, gapMs: 0 },
  ],
  'switch-side': [{ hz: 440, ms: 500, gapMs: 0 }],
  'routine-done': [
    { hz: 523, ms: 180, gapMs: 60 },
    { hz: 659, ms: 180, gapMs: 60 },
    { hz: 784, ms: 360, gapMs: 0 },
  ],
};

/** Pause between two vibration patterns that fall on the same moment (switch side + hold start). */
export const PATTERN_GAP_MS = 200;

export const isVocabulary = (type: CueType): boolean => BUZZING_CUES.includes(type);
