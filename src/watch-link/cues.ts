/**
 * The phone's cue settings (vibration patterns in ms, strength 0.1–1) → the watch's compact cue
 * settings (pulse counts, one short and one long length, one gap). Lossy on purpose: the watch
 * motor plays N short or N long pulses, which is what the patterns in the settings describe.
 */
import { CUE, cuesValid, DEFAULT_CUES, type CueSettings } from '../../watch/protocol/index';
import type { Settings } from '../data/schema';

/** A pulse at least this long is a "long" one. */
const LONG_FROM_MS = 400;
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));

/** Which setting drives each watch cue, in CUE order (hold start, hold end, switch side, done). */
export const WATCH_CUE_SOURCES = ['hold-start', 'hold-end', 'switch-side', 'routine-done'] as const;

export const WATCH_CUE_NAMES: Record<number, string> = {
  [CUE.HOLD_START]: 'Hold start',
  [CUE.HOLD_END]: 'Hold end',
  [CUE.SWITCH_SIDE]: 'Switch side',
  [CUE.DONE]: 'Routine done',
};

export function watchCues(s: Pick<Settings, 'cuePatterns' | 'cueStrength'>): CueSettings {
  const short: number[] = [];
  const long: number[] = [];
  const gaps: number[] = [];
  const patterns = WATCH_CUE_SOURCES.map((type) => {
    const p = s.cuePatterns[type] ?? [];
    const on = p.filter((_, i) => i % 2 === 0);
    p.forEach((ms, i) => i % 2 === 1 && gaps.push(ms));
    for (const ms of on) (ms >= LONG_FROM_MS ? long : short).push(ms);
    const count = Math.min(7, on.length);
    return count === 0 ? 0 : count | (on[0] >= LONG_FROM_MS ? 0x80 : 0);
  });
  const mean = (xs: number[], fallback: number) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : fallback);
  const cues: CueSettings = {
    shortMs: clamp(mean(short, DEFAULT_CUES.shortMs), 20, 2000),
    longMs: clamp(mean(long, DEFAULT_CUES.longMs), 50, 5000),
    gapMs: clamp(gaps.length ? Math.min(...gaps) : DEFAULT_CUES.gapMs, 50, 2000),
    strength: clamp(s.cueStrength * 100, 1, 100),
    patterns,
  };
  return cuesValid(cues) ? cues : DEFAULT_CUES;
}

/** The choices offered for each watch cue: pulse count and length. */
export const PATTERN_CHOICES = [
  { label: 'Off', count: 0, long: false },
  { label: '1 short', count: 1, long: false },
  { label: '2 short', count: 2, long: false },
  { label: '3 short', count: 3, long: false },
  { label: '1 long', count: 1, long: true },
  { label: '2 long', count: 2, long: true },
  { label: '3 long', count: 3, long: true },
] as const;

/** The phone's ms pattern for a choice (on, off, on...), shared with the phone's vibration. */
export function patternFor(count: number, long: boolean): number[] {
  const on = long ? 600 : 200;
  return Array.from({ length: Math.max(0, count * 2 - 1) }, (_, i) => (i % 2 ? 200 : on));
}

/** Index in PATTERN_CHOICES of a stored pattern (its pulse count and whether the first is long). */
export function choiceOf(pattern: readonly number[]): number {
  const on = pattern.filter((_, i) => i % 2 === 0);
  const count = Math.min(3, on.length);
  const i = PATTERN_CHOICES.findIndex((c) => c.count === count && (count === 0 || c.long === on[0] >= LONG_FROM_MS));
  return Math.max(0, i);
}
