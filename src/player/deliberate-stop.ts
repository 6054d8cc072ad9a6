/**
 * Ending a session takes a deliberate act, because a slip of a hand on a bed must not end it:
 * Stop is pressed and held for STOP_HOLD_MS (a short tap only explains), then the session pauses
 * and can be taken back for STOP_UNDO_MS before it ends. The undo time counts as a pause.
 */
export const STOP_HOLD_MS = 1000;
export const STOP_UNDO_MS = 5000;
