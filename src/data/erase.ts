/**
 * "Delete all my data": everything Unknot keeps on this phone and, with a watch connected, on the
 * watch, in an order that never leaves the watch ringing reminders for an app that forgot them.
 * 1. With a watch connected: the reminders are cleared in the settings (so any resend meanwhile
 *    is empty too), then the watch is wiped (`wipe()`, src/watch-link/wipe.ts: its reminders,
 *    its wrist plans, its loaded plan replaced by a shipped routine, its session log
 *    acknowledged without being stored).
 * 2. The database is deleted (routines, sessions, plans, settings).
 * 3. The page's localStorage is cleared (the welcome's answer, the watch plans remembered for sync).
 * A watch that is not connected is not touched: it keeps its log, wrist plans and reminders until
 * it is connected and the deletion is done again (WATCH_NOT_CONNECTED says so).
 */
import type { UnknotData } from './api';

/** What of the watch is cleared, said before the deletion when a watch is connected. */
export const WATCH_CLEARED =
  'The connected watch is cleared too: the sessions it has not yet handed to the phone, the routines kept on it and its reminders.';

/** Said before and after the deletion when no watch is connected. */
export const WATCH_NOT_CONNECTED =
  'No watch is connected. A watch you use keeps its own sessions, the routines kept on it and its reminders until you connect it here and delete again.';

/** What stays on a watch wiped during a session on the wrist (its routine cannot be replaced then). */
export const WATCH_KEEPS_RUNNING =
  'The routine running on the watch stays loaded on it until another is sent or the Unknot app is removed from the watch.';

export interface EraseOptions {
  /** Cleared last; `localStorage` in the app. */
  storage?: Pick<Storage, 'clear'>;
  /** A connected watch with the Unknot module, or null. */
  watch?: { wipe(): Promise<{ loadedReplaced: boolean }> } | null;
}

export interface EraseResult {
  /**
   * The watch was wiped ('cleared'); one was paired but is not connected ('not-connected': it keeps
   * its data); none was ever paired ('no-watch'); or the wipe failed (`watchError` says why).
   */
  watch: 'cleared' | 'not-connected' | 'no-watch' | 'failed';
  watchError?: string;
  /** Cleared, but a session was running on the wrist: its routine stays loaded there. */
  watchKeepsRunning?: boolean;
}

export async function eraseEverything(data: UnknotData, options: EraseOptions = {}): Promise<EraseResult> {
  let result: EraseResult = { watch: 'no-watch' };
  if (!options.watch) {
    const paired = await data.settings.get().then((s) => !!s.watch, () => false);
    if (paired) result = { watch: 'not-connected' };
  } else {
    try {
      await data.settings.update({ reminders: [] });
      const wiped = await options.watch.wipe();
      result = wiped.loadedReplaced ? { watch: 'cleared' } : { watch: 'cleared', watchKeepsRunning: true };
    } catch (e) {
      // The phone's data is deleted all the same; the user is told what the watch kept.
      result = { watch: 'failed', watchError: (e as Error).message };
    }
  }
  await data.deleteDatabase();
  try {
    options.storage?.clear();
  } catch {
    // Storage blocked: nothing was kept there.
  }
  return result;
}

/** What the user is told once the deletion is done. */
export function erasedText(result: EraseResult): string {
  if (result.watch === 'cleared') {
    return `All your data was deleted, on this phone and on the watch.${result.watchKeepsRunning ? ` ${WATCH_KEEPS_RUNNING}` : ''}`;
  }
  if (result.watch === 'failed') {
    return `All your data on this phone was deleted, but the watch could not be cleared (${result.watchError ?? 'no reason given'}): it keeps its own sessions, the routines kept on it and its reminders. Connect it here and delete again, or remove the Unknot app from the watch.`;
  }
  if (result.watch === 'not-connected') return `All your data on this phone was deleted. ${WATCH_NOT_CONNECTED}`;
  return 'All your data was deleted.';
}
