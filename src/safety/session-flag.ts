/**
 * The flag a session gets from its pain scores: the one rule the data layer applies on every
 * write, kept in its own small module so the start-up code does not load the rest of the safety
 * texts (pain-rules.ts re-exports it).
 */

/** Pain at or above this (0–10) before or after a session is "high". */
export const HIGH_PAIN = 8;
/** A rise of this many points from before to after flags the session. */
export const PAIN_RISE = 2;

/** Why a session was flagged: pain after was high, or it rose from before. */
export type SessionFlag = 'pain-high' | 'pain-rose';

/**
 * The flag a session gets from its pain scores: 'pain-high' when pain after is HIGH_PAIN or
 * more, else 'pain-rose' when it is PAIN_RISE or more points above pain before; none otherwise
 * (also when pain after was not given).
 */
export function sessionFlag(painBefore: number | undefined, painAfter: number | undefined): SessionFlag | undefined {
  if (painAfter === undefined) return undefined;
  if (painAfter >= HIGH_PAIN) return 'pain-high';
  if (painBefore !== undefined && painAfter - painBefore >= PAIN_RISE) return 'pain-rose';
  return undefined;
}
