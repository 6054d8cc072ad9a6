/**
 * How each cue of the watch's vocabulary (hold start, hold end, switch side, routine done)
 * sounds on the phone: the words, the tones. The buzz patterns are the user's, in Settings.
 */
import { BUZZING_CUES, type CueType, type Segment, type Timeline } from '../routine/index';

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

const seconds = (ms: number): string => {
  const s = Math.round(ms / 1000);
  return s === 1 ? '1 second' : `${s} seconds`;
};

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The words for one cue, or null for the bookkeeping marks (rep done, exercise done). */
export function phraseFor(type: CueType, segment: Segment, timeline: Timeline): string | null {
  const segs = timeline.segments;
  switch (type) {
    case 'hold-start': {
      // Say the movement with the hold, so someone not looking knows which way: "Twist right."
      const move = segs[segment.index - 1];
      const what =
        move && move.kind === 'move' && move.exercise === segment.exercise
          ? `${move.label}. `
          : segment.side !== 'none'
            ? `${capital(segment.side)} side. `
            : '';
      return `${what}Hold ${seconds(segment.durationMs)}.`;
    }
    case 'hold-end': {
      const back = segs[segment.index + 1];
      return back && back.kind === 'back' && back.exercise === segment.exercise ? `${back.label}.` : 'Release.';
    }
    case 'switch-side':
      return 'Switch sides.';
    case 'routine-done':
      return 'Done.';
    default:
      return null;
  }
}

/** What the voice says when a session starts: the first step, e.g. "Knees to chest." */
export function openingPhrase(timeline: Timeline): string {
  return `${timeline.segments[0].label}.`;
}
