/**
 * What Unknot says when pain is high or rises: pure rules, no DOM. The player and the history
 * only show what these return. The thresholds are cautious on purpose: the app cannot examine
 * anyone, so when pain is high it suggests rest and names the signs that need a doctor.
 */
import type { Routine } from '../routine';
import { HIGH_PAIN, type SessionFlag } from './session-flag';

export { HIGH_PAIN, PAIN_RISE, sessionFlag, type SessionFlag } from './session-flag';

/** Holds in the gentle version last at most this many seconds. */
export const GENTLE_HOLD_S = 3;
/** This many flagged sessions within FLAG_WINDOW_DAYS make the app recommend a professional. */
export const FLAGS_FOR_ADVICE = 3;
export const FLAG_WINDOW_DAYS = 7;

/** True when the pain given before starting calls for the "rest may be better now" message. */
export function restAdvisedBefore(painBefore: number | undefined): boolean {
  return painBefore !== undefined && painBefore >= HIGH_PAIN;
}

/**
 * The gentler version offered when pain before is high: half the repetitions (rounded down, at
 * least one) and holds of at most GENTLE_HOLD_S seconds. Same id, so it counts as that routine;
 * its plan differs, so history keeps what was really played.
 */
export function gentleRoutine(routine: Routine): Routine {
  return {
    ...routine,
    exercises: routine.exercises.map((e) => ({
      ...e,
      repetitions: Math.max(1, Math.floor(e.repetitions / 2)),
      hold: Math.min(e.hold, GENTLE_HOLD_S),
    })),
  };
}

/** What the gentle version changes, said on screen before and during it. */
export const GENTLE_SUMMARY = `Gentle version: half the repetitions (at least one) and holds of ${GENTLE_HOLD_S} seconds.`;

/** The flag in words, for history, the report and the CSV. */
export function flagText(flag: SessionFlag, painBefore?: number, painAfter?: number): string {
  if (flag === 'pain-high') return `Pain after was high${painAfter === undefined ? '' : ` (${painAfter} of 10)`}`;
  const rise = painBefore !== undefined && painAfter !== undefined ? painAfter - painBefore : undefined;
  return `Pain rose${rise === undefined ? '' : ` by ${rise} ${rise === 1 ? 'point' : 'points'} (${painBefore} to ${painAfter})`}`;
}

/** Advice to see a professional, and why. */
export interface ProfessionalAdvice {
  /** How many flagged sessions fell within the window. */
  flagged: number;
  /** The reason in words, e.g. "3 sessions in the last 7 days ended with pain high or rising." */
  reason: string;
}

/**
 * Three or more flagged sessions that started within the last FLAG_WINDOW_DAYS days (up to `now`)
 * call for a professional; null otherwise.
 */
export function professionalAdvice(sessions: readonly { startedAt: number; flag?: SessionFlag }[], now: number): ProfessionalAdvice | null {
  const since = now - FLAG_WINDOW_DAYS * 24 * 3600_000;
  const flagged = sessions.filter((s) => s.flag && s.startedAt > since && s.startedAt <= now).length;
  if (flagged < FLAGS_FOR_ADVICE) return null;
  return {
    flagged,
    reason: `${flagged} sessions in the last ${FLAG_WINDOW_DAYS} days ended with pain that was high or had risen.`,
  };
}
