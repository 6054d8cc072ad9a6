/**
 * What one reminder schedule may hold, and its shape. Apart from reminders.ts, with no imports,
 * so the phone's start-up code (src/reminders) can use it without pulling in the protocol.
 * Espruino subset.
 */

/** 8 labels of 14 ASCII bytes, 64 instants (14 days × 4 a day). */
export const REMINDER_LIMITS = { labels: 8, instants: 64, labelBytes: 14 } as const;

/** A schedule as the phone sends it. */
export interface ReminderSchedule {
  /** Short names, printable ASCII, 1–14 bytes each. */
  labels: string[];
  /** Due instants, strictly ascending, Unix seconds (UTC), each with its label index. */
  instants: { at: number; label: number }[];
}
