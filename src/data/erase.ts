/**
 * "Delete all my data": everything Unknot keeps on this phone, in an order that never leaves the
 * watch ringing reminders for an app that forgot them.
 * 1. With a watch connected: the reminders are cleared in the settings and the now empty schedule
 *    is sent (the existing reminder upload; an empty schedule clears the watch's).
 * 2. The database is deleted (routines, sessions, plans, settings).
 * 3. The page's localStorage is cleared (the welcome's answer, the watch plans remembered for sync).
 * The watch's own log and the plans it was sent stay on it: the protocol has no message to delete
 * them (see WATCH_NOT_CLEARED).
 */
import type { UnknotData } from './api';

/** What of the watch is not cleared, said to the user before and after. */
export const WATCH_NOT_CLEARED =
  'The watch keeps the routines it was sent and any sessions it has not yet handed to the phone: Unknot has no way to delete those over Bluetooth. To remove them, remove the Unknot app from the watch with the Bangle.js App Loader.';

export interface EraseOptions {
  /** Cleared last; `localStorage` in the app. */
  storage?: Pick<Storage, 'clear'>;
  /** A connected watch with the Unknot module, or null. */
  watch?: { syncReminders(): Promise<number> } | null;
}

export interface EraseResult {
  /** The watch's reminders were cleared (a watch was connected and took the empty schedule). */
  watchReminders: 'cleared' | 'no-watch' | 'failed';
}

export async function eraseEverything(data: UnknotData, options: EraseOptions = {}): Promise<EraseResult> {
  let watchReminders: EraseResult['watchReminders'] = 'no-watch';
  if (options.watch) {
    try {
      await data.settings.update({ reminders: [] });
      await options.watch.syncReminders();
      watchReminders = 'cleared';
    } catch {
      watchReminders = 'failed'; // the phone's data is deleted all the same; the user is told
    }
  }
  await data.deleteDatabase();
  try {
    options.storage?.clear();
  } catch {
    // Storage blocked: nothing was kept there.
  }
  return { watchReminders };
}
