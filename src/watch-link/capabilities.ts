/**
 * What a connected watch's module can do, from its HELLO. Kept apart so the phone's screens ask
 * one place, and the version is a named constant the watch side can point at.
 */
import type { Hello } from '../../watch/protocol/index';
import type { Timeline } from '../routine/index';

/**
 * The first protocol version whose plan carries "wait for a press" (open-ended holds). Must be
 * the version the watch module's protocol bump for open-ended holds introduces.
 */
export const OPEN_HOLD_PROTOCOL = 2;

/** True when the watch plays an open-ended hold as one: it waits for a press, up to the maximum. */
export function watchWaitsForPress(hello: Hello | null | undefined): boolean {
  return !!hello && hello.protocol >= OPEN_HOLD_PROTOCOL;
}

/**
 * What to tell the user before Start when the routine has open-ended holds and the watch's
 * module is too old to wait for a press; null when there is nothing to say.
 */
export function openHoldWarning(timeline: Timeline, hello: Hello | null | undefined): string | null {
  const open = timeline.segments.filter((s) => s.kind === 'hold' && s.open);
  if (!hello || !open.length || watchWaitsForPress(hello)) return null;
  const max = Math.max(...open.map((s) => s.durationMs / 1000));
  return (
    `The watch runs an older Unknot module (${hello.module}): it cannot wait for a press, so on the watch each open-ended hold ` +
    `lasts its full ${max} seconds. Update the watch module to hold only until you press.`
  );
}
