/**
 * The reminder schedule as the watch takes it (REMINDERS_* in docs/protocol.md): absolute due
 * instants for the next days plus short labels. Absolute instants because the watch has only a
 * fixed UTC offset and no time-zone rules: daylight saving stays here, in occurrences(), and the
 * phone resends the schedule whenever it connects.
 */
import type { Reminder } from '../data/schema';
import { REMINDER_LIMITS, type ReminderSchedule } from '../../watch/protocol/reminder-limits';
import { liveReminders, occurrences, type ReminderData } from './schedule';

export type WatchSchedule = ReminderSchedule;

export const WATCH_LIMITS = {
  days: 14,
  instants: REMINDER_LIMITS.instants,
  maxLabels: REMINDER_LIMITS.labels,
  labelBytes: REMINDER_LIMITS.labelBytes,
} as const;

/** ASCII only (the watch font), trimmed to `max` bytes at a word end where possible. */
export function watchLabel(name: string, max: number = WATCH_LIMITS.labelBytes): string {
  const ascii = name.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/\s+/g, ' ').trim();
  if (ascii.length <= max) return ascii || 'Routine';
  const cut = ascii.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).trim();
}

export function watchSchedule(reminders: readonly Reminder[], names: ReadonlyMap<string, string>, now: number, timeZone: string): WatchSchedule {
  // Two routines due at the same minute ring once, for the first: the watch takes each instant once.
  const due = occurrences(reminders, now, now + WATCH_LIMITS.days * 86_400_000, timeZone)
    .filter((o, i, all) => i === 0 || Math.floor(o.at / 1000) > Math.floor(all[i - 1].at / 1000))
    .slice(0, WATCH_LIMITS.instants);
  const ids = [...new Set(due.map((o) => o.routineId))].slice(0, WATCH_LIMITS.maxLabels);
  return {
    labels: ids.map((id) => watchLabel(names.get(id) ?? id)),
    instants: due.filter((o) => ids.includes(o.routineId)).map((o) => ({ at: Math.floor(o.at / 1000), label: ids.indexOf(o.routineId) })),
  };
}

/** What the watch should ring from `now` on: the reminders that ring (liveReminders). */
export async function scheduleForWatch(data: ReminderData, now: number, timeZone: string): Promise<WatchSchedule> {
  const live = await liveReminders(data);
  return watchSchedule(live.reminders, live.names, now, timeZone);
}
