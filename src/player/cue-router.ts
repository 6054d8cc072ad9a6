/**
 * Turns a fired moment into voice, beeps and vibration according to the user's settings, and
 * describes what it did (a CueEmission) so the screen can caption and announce it and tests can
 * check it. The words come from the script (script.ts); this only decides what to play.
 */
import type { CueType, Segment } from '../routine/index';
import type { Settings } from '../data/schema';
import type { Moment } from './moments';
import type { CueOutputs } from './outputs';
import { pausedPhrase, resumingPhrase } from './script';
import { PATTERN_GAP_MS, TONES, isVocabulary, type Tone } from './vocabulary';

export type CueSettings = Pick<Settings, 'voice' | 'beeps' | 'phoneVibration' | 'countdown' | 'cuePatterns'>;

/** What the player emitted at one moment (the `unknot-cue` event's detail). */
export interface CueEmission {
  /** Planned milliseconds from the session start. */
  atMs: number;
  /** How late it fired, by the player's own clock. */
  lateMs: number;
  /** Every timeline cue of the moment, bookkeeping marks included; empty for words alone. */
  types: CueType[];
  /** 3, 2 or 1 for a count (get-ready, end of a hold). */
  count?: number;
  /** What the script says at this moment, spoken or not (the screen's caption); null when nothing. */
  caption: string | null;
  /** Null when the voice is off or there is nothing to say. */
  speech: string | null;
  vibration: number[] | null;
  beep: Tone[] | null;
}

export class CueRouter {
  constructor(
    private readonly _outputs: CueOutputs,
    /** Read at every moment, so a switch flipped mid-session applies at once. */
    public settings: CueSettings,
  ) {}

  /** Call inside the Start click (a user gesture), before the first moment: unlocks audio. */
  started(): void {
    if (this.settings.beeps) this._outputs.beeper?.unlock();
  }

  fire(moment: Moment, lateMs: number): CueEmission {
    const { settings: s } = this;
    const words = moment.count !== undefined && !s.countdown ? null : (moment.utterance?.text ?? null);
    const emission: CueEmission = {
      atMs: moment.atMs,
      lateMs,
      types: moment.cues.map((c) => c.type),
      caption: words,
      speech: s.voice ? words : null,
      vibration: null,
      beep: null,
    };
    if (moment.count !== undefined) emission.count = moment.count;
    const vocab = moment.cues.filter((c) => isVocabulary(c.type));
    const patterns = vocab.map((c) => s.cuePatterns[c.type] ?? []).filter((p) => p.length > 0);
    if (s.phoneVibration && patterns.length) emission.vibration = joinPatterns(patterns);
    const tones = vocab.flatMap((c) => TONES[c.type] ?? []);
    if (s.beeps && tones.length) emission.beep = tones;
    // The precise signals first; speech takes hundreds of ms to start anyway.
    if (emission.vibration) this._outputs.vibrator?.vibrate(emission.vibration);
    if (emission.beep) this._outputs.beeper?.play(emission.beep);
    if (emission.speech) this._outputs.speaker?.say(emission.speech);
    return emission;
  }

  /** Says "Paused." (the voice is cut first); returns the words for the caption. */
  paused(): string {
    return this._say(pausedPhrase());
  }

  /** Says "Resuming." and the step under way; returns the words for the caption. */
  resumed(segment: Segment): string {
    return this._say(resumingPhrase(segment));
  }

  /** Silences whatever is still speaking or buzzing (stop, leaving the screen). */
  silence(): void {
    this._outputs.speaker?.cancel();
    this._outputs.vibrator?.cancel();
  }

  private _say(text: string): string {
    if (this.settings.voice) this._outputs.speaker?.say(text);
    return text;
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
