/**
 * The cue trainer ("Try the cues"): each cue of the wrist's vocabulary played on its own, with
 * its meaning in words, through the same router as a session so it sounds and buzzes exactly as
 * it will then.
 */
import type { CueType } from '../routine/index';
import type { Moment } from './moments';
import { phrasesFor, type TrainerCueType } from './phrases';
import type { CueSettings } from './cue-router';

/** In the order a session meets them. */
export const TRAINER_CUES: readonly TrainerCueType[] = ['hold-start', 'hold-end', 'switch-side', 'routine-done'];

export interface TrainerCue {
  type: TrainerCueType;
  name: string;
  meaning: string;
  /** The moment to fire: the cue alone, with the trainer's words. */
  moment: Moment;
}

export function trainerCues(lang = 'en'): TrainerCue[] {
  const table = phrasesFor(lang).trainer;
  return TRAINER_CUES.map((type) => ({
    type,
    name: table[type].name,
    meaning: table[type].meaning,
    moment: {
      atMs: 0,
      cues: [{ atMs: 0, type: type as CueType, segment: 0 }],
      utterance: { atMs: 0, text: table[type].speech, kind: 'trainer', segment: 0, cue: type },
    },
  }));
}

/** The trainer plays voice, beep and vibration together, whatever the session switches say. */
export function trainerSettings(s: CueSettings): CueSettings {
  return { ...s, voice: true, beeps: true, phoneVibration: true };
}
