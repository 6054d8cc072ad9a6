/**
 * Which reminders go to the watch: the next 14 days of the user's enabled reminders, for
 * routines that still exist (a deleted routine's reminder stays stored for undo, but does not
 * ring), as absolute instants the watch rings on its own clock.
 */
import type { UnknotData } from '../data/api';
import { watchSchedule, type WatchSchedule } from '../reminders/watch-schedule';

export type ReminderData = Pick<UnknotData, 'settings'> & { routines: Pick<UnknotData['routines'], 'list'> };

export async function scheduleForWatch(data: ReminderData, now: number, timeZone: string): Promise<WatchSchedule> {
  const [settings, routines] = await Promise.all([data.settings.get(), data.routines.list()]);
  const names = new Map(routines.map((r) => [r.routine.id, r.routine.name]));
  return watchSchedule(settings.reminders.filter((r) => names.has(r.routineId)), names, now, timeZone);
}

/** The zone the phone is in now (the user may travel: asked at every send). */
export const currentTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
