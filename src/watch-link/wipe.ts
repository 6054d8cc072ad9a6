/**
 * "Delete all my data" on the watch, composed from messages the watch module already has, so the
 * module (close to its size budget) does not grow:
 *  1. the reminders: an empty schedule (REMINDERS_BEGIN with L = N = 0, REMINDERS_COMMIT), so
 *     unknot.rem holds nothing and nothing rings;
 *  2. the wrist plans: DROP_PLANS(0) erases unknot.w0–w2 (a protocol 1 watch has none);
 *  3. the loaded plan: no message unloads it, so a shipped routine is loaded in its place (the
 *     user's own routine's name and steps go), unless a session is running on the wrist;
 *  4. the session log: LOG_REQUEST, then LOG_ACK for every entry the watch offers, WITHOUT
 *     storing it in history (the user asked for it to go), until LOG_NONE. The watch deletes an
 *     entry only at its ack.
 * Called only once the user has confirmed the deletion (typed confirmation): nothing here is
 * acknowledged on any other path. Pure: the exchanges come in through WipeChannel.
 */
import type { WatchLogEntry } from './trust';

/** The exchanges the wipe needs; each throws when the watch refuses or the link drops. */
export interface WipeChannel {
  clearReminders(): Promise<void>;
  /** Omitted for a watch without wrist plans (protocol 1). */
  dropPlans?: () => Promise<void>;
  /** Loads a shipped routine over the loaded plan; false (nothing sent) while a session runs on it. */
  replaceLoaded: () => Promise<boolean>;
  next(): Promise<WatchLogEntry | null>;
  ack(id: number): Promise<void>;
}

/**
 * Entries acknowledged at most per wipe. Far above what a watch really holds (one entry per
 * session), it only stops a watch that keeps inventing entries from holding the page forever.
 */
export const WIPE_MAX_ENTRIES = 1000;

export interface WipeResult {
  /** Log entries the watch deleted (acknowledged, never stored). */
  logDeleted: number;
  /** The wrist plans were dropped (false: a protocol 1 watch, which keeps none). */
  plansDropped: boolean;
  /** The loaded plan is now a shipped routine (false: a session was running, its routine stays loaded). */
  loadedReplaced: boolean;
}

export async function wipeWatch(ch: WipeChannel, max = WIPE_MAX_ENTRIES): Promise<WipeResult> {
  // Reminders first: the watch must not ring for an app that forgot them, even if a later step fails.
  await ch.clearReminders();
  if (ch.dropPlans) await ch.dropPlans();
  const loadedReplaced = await ch.replaceLoaded();
  const seen = new Set<number>();
  let logDeleted = 0;
  for (;;) {
    const entry = await ch.next();
    if (!entry) break;
    // The same entry after its ack: the watch did not delete it; asking again would loop forever.
    if (seen.has(entry.id)) throw new Error('The watch keeps sending the same session after it was acknowledged.');
    if (logDeleted === max) throw new Error(`The watch still holds sessions after ${max} were deleted.`);
    seen.add(entry.id);
    await ch.ack(entry.id);
    logDeleted++;
  }
  return { logDeleted, plansDropped: !!ch.dropPlans, loadedReplaced };
}
