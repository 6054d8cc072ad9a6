/**
 * Turns a fired moment into voice, beeps and vibration according to the user's settings, and
 * describes what it did (a CueEmission) so the screen can announce it and tests can check it.
 */
import type { CueType, Timeline } from '../routine/index';
import type { Settings } from '../data/schema';
import type { Moment } from './moments';
import type { CueOutputs } from './outputs';
import { PATTERN_GAP_MS, TONES, isVocabulary, openingPhrase, phraseFor, type Tone } from './vocabulary';

export type CueSettings = Pick<Settings, 'voice' | 'beeps' | 'phoneVibration' | 'countdown' | 'cuePatterns'>;

/** What the player emitted at one moment (the `unknot-cue` event's detail). */
export interface CueEmission {
  /** Planned milliseconds from the session start. */
  atMs: number;
  /** How late it fired, by the player's own clock. */
  lateMs: number;
  /** Every timeline cue of the moment, bookkeeping marks included; empty for a count. */
  types: CueType[];
  /** 3, 2 or 1 for the countdown before a hold ends. */
  count?: number;
  /** Null when the voice is off or there is nothing to say. */
  speech: string | null;
  vibration: number[] | null;
  beep: Tone[] | null;
}

export class CueRouter {
  constructor(
    private readonly _timeline: Timeline,
    private readonly _outputs: CueOutputs,
    /** Read at every moment, so a switch flipped mid-session applies at once. */
    public settings: CueSettings,
  ) {}

  /** Says the first step; call on Start (a user gesture, which also unlocks audio). */
  started(): string | null {
    if (this.settings.beeps) this._outputs.beeper?.unlock();
    if (!this.settings.voice) return null;
    const text = openingPhrase(this._timeline);
    this._outputs.speaker?.say(text);
    return text;
  }

  fire(moment: Moment, lateMs: number): CueEmission {
    const { settings: s } = this;
    const emission: CueEmission = {
      atMs: moment.atMs,
      lateMs,
      types: moment.cues.map((c) => c.type),
      speech: null,
      vibration: null,
      beep: null,
    };
    if (moment.count !== undefined) {
      emission.count = moment.count;
      if (s.voice && s.countdown) emission.speech = String(moment.count);
    } else {
      const vocab = moment.cues.filter((c) => isVocabulary(c.type));
      const words = vocab
        .map((c) => phraseFor(c.type, this._timeline.segments[c.segment], this._timeline))
        .filter((w): w is string => !!w);
      if (s.voice && words.length) emission.speech = words.join(' ');
      const patterns = vocab.map((c) => s.cuePatterns[c.type] ?? []).filter((p) => p.length > 0);
      if (s.phoneVibration && patterns.length) emission.vibration = joinPatterns(patterns);
      const tones = vocab.flatMap((c) => TONES[c.type] ?? []);
      if (s.beeps && tones.length) emission.beep = tones;
    }
    // The precise signals first; speech takes hundreds of ms to start anyway.
    if (emission.vibration) this._outputs.vibrator?.vibrate(emission.vibration);
    if (emission.beep) this._outputs.beeper?.play(emission.beep);
    if (emission.speech) this._outputs.speaker?.say(emission.speech);
    return emission;
  }

  /** Silences whatever is still speaking or buzzing (stop, leaving the screen). */
  silence(): void {
    this._outputs.speaker?.cancel();
    this._outputs.vibrator?.cancel();
  }
}

/** [on, off, on] + [on] → [on, off, on, GAP, on]: one call plays both patterns in turn. */
function joinPatterns(patterns: number[][]): number[] {
  const out: number[] = [];
  for (const p of patterns) {
    if (out.length) out.push(PATTERN_GAP_MS);
    // A pattern of even length ends with a pause: fold it into the gap.
    const trimmed = p.length % 2 === 0 ? p.slice(0, -1) : p;
    out.push(...trimmed);
  }
  return out;
}
