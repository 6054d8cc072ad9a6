/**
 * Every word the player speaks or captions, in one table per language, so another language is
 * one more table. A phrase with several wordings lists them longest first: the script picks the
 * longest one that is over before the next thing is said (see script.ts).
 */
import type { Side } from '../routine/index';

/** Wordings of one phrase, longest first; an empty string means "may be left out". */
export type Wordings = readonly string[];

export interface PhraseTable {
  /** BCP 47 language of the phrases (and of the voices offered for them). */
  lang: string;
  /** At the start of the first get-ready: "Get ready: knees to chest." */
  getReady(setupLabel: string): Wordings;
  /** At the start of a later exercise's get-ready. */
  nextExercise(setupLabel: string): Wordings;
  /** The last seconds of a get-ready and of a fixed hold. */
  count(n: number): string;
  /** The first repetition of an exercise. */
  firstRep(reps: number): Wordings;
  /** A later repetition (not the last). */
  rep(rep: number, reps: number): Wordings;
  /** The last repetition; `perSide` when the sides are done one after the other. */
  lastRep(perSide: boolean): Wordings;
  /** At a switch when all repetitions of a side come together. */
  nowSide(side: Side): Wordings;
  /** The movement toward a side, said as it starts: "Twist to the right." */
  move(moveLabel: string, side: Side | 'none'): Wordings;
  /** The side of a hold that has no move step before it: "Left side." */
  sideOnly(side: Side): Wordings;
  /** A fixed hold starts; `seconds` only on the first hold of an exercise. */
  hold(seconds?: number): Wordings;
  /** An open-ended hold starts; `first` on the first hold of an exercise. */
  openHold(first: boolean): Wordings;
  breathe: Wordings;
  /** The hold ends: the way back ("Back to center.") or a plain release. */
  holdEnd(backLabel?: string): Wordings;
  closing: Wordings;
  paused: string;
  /** On resume, followed by what the current step is. */
  resuming: string;
  rest: string;
  /** The sample played from Settings, at the chosen voice and rate. */
  sample: string;
  /** The cue trainer: each cue's name, what it means, and what the voice says as it plays. */
  trainer: Record<TrainerCueType, { name: string; meaning: string; speech: string }>;
}

/** The cues the trainer plays: the ones that sound and buzz. */
export type TrainerCueType = 'hold-start' | 'hold-end' | 'switch-side' | 'routine-done';

const sentence = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
const lower = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
const upper = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export const EN: PhraseTable = {
  lang: 'en',
  getReady: (label) => [`Get ready: ${sentence(lower(label))}`, sentence(upper(label))],
  nextExercise: (label) => [`Next exercise: ${sentence(lower(label))}`, sentence(upper(label))],
  count: (n) => String(n),
  firstRep: (reps) => [`Repetition 1 of ${reps}.`, `1 of ${reps}.`, ''],
  rep: (rep, reps) => [`${rep} of ${reps}.`, ''],
  lastRep: (perSide) => (perSide ? ['Last one on this side.', 'Last one.'] : ['Last one.']),
  nowSide: (side) => [`Now the ${side} side.`],
  move: (label, side) => (side === 'none' ? [sentence(upper(label))] : [`${upper(label)} to the ${side}.`, `${upper(label)} ${side}.`]),
  sideOnly: (side) => [`${upper(side)} side.`],
  hold: (seconds) => (seconds === undefined ? ['Hold.'] : [seconds === 1 ? 'Hold 1 second.' : `Hold ${seconds} seconds.`, 'Hold.']),
  openHold: (first) => (first ? ['Hold until you feel the stretch, then tap Next.', 'Hold, then tap Next.', 'Hold.'] : ['Hold, then tap Next.', 'Hold.']),
  breathe: ['Breathe slowly.', ''],
  holdEnd: (back) => [back ? sentence(upper(back)) : 'Release.'],
  closing: ['That is the whole routine. Well done. Rest a moment and notice how your back feels.', 'Well done. That is the whole routine.', 'Done.'],
  paused: 'Paused.',
  resuming: 'Resuming.',
  rest: 'Rest.',
  sample: 'Twist to the right. Hold 5 seconds.',
  trainer: {
    'hold-start': { name: 'Hold starts', meaning: 'You are in position: stay there, breathing slowly.', speech: 'Hold starts. Stay where you are.' },
    'hold-end': { name: 'Hold ends', meaning: 'Come back slowly to the middle.', speech: 'Hold ends. Come back to the middle.' },
    'switch-side': { name: 'Switch sides', meaning: 'The next movement goes to the other side.', speech: 'Switch sides. The other side is next.' },
    'routine-done': { name: 'Done', meaning: 'The routine is over: rest before you move on.', speech: 'Done. That is the end of the routine.' },
  },
};

/** The tables by language; the app speaks English today. */
export const PHRASES: Record<string, PhraseTable> = { en: EN };

/** The table for `lang` ("en-GB" uses "en"), English when there is none. */
export function phrasesFor(lang: string): PhraseTable {
  return PHRASES[lang] ?? PHRASES[lang.split('-')[0]] ?? EN;
}
