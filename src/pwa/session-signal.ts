/**
 * The one thing the PWA shell needs to know about the player: whether a routine is running right
 * now, so an update never interrupts it. A DOM event rather than a shared module: the player and
 * the update prompt stay unaware of each other, and a test can fire the same event.
 *
 * The player calls `announceSessionState(true)` when a session starts (or resumes) and
 * `announceSessionState(false)` when it ends, is abandoned, or the player element disconnects.
 */

/** Name of the event, dispatched on `window`. */
export const SESSION_STATE_EVENT = 'unknot-session-state';

export interface SessionStateDetail {
  /** True while a routine is being guided (including while paused). */
  running: boolean;
}

export type SessionStateEvent = CustomEvent<SessionStateDetail>;

/** Tells whoever listens (the update prompt) that a session started or ended. */
export function announceSessionState(running: boolean, target: EventTarget = window): void {
  target.dispatchEvent(new CustomEvent<SessionStateDetail>(SESSION_STATE_EVENT, { detail: { running } }));
}

/** The event's `running` flag, or undefined for a malformed event (which then changes nothing). */
export function runningFrom(event: Event): boolean | undefined {
  const detail = (event as Partial<SessionStateEvent>).detail;
  return typeof detail?.running === 'boolean' ? detail.running : undefined;
}

declare global {
  interface WindowEventMap {
    'unknot-session-state': SessionStateEvent;
  }
}
