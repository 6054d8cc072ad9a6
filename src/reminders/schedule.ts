/**
 * Reminder times: defaults for the built-in routines and the next instants they are due, in an
 * explicit time zone. Pure; the runner (runner.ts) turns these into timers.
 *
 * Daylight saving: a time that does not exist that day (02:30 when clocks jump 02:00→03:00)
 * fires once, at the first time after the jump; a time that happens twice (clocks go back)
 * fires once, the first time. Both come from zonedInstant().
 */
import type { Reminder } from '../data/schema';
import type { UnknotData } from '../data/api';
import { addDays, localDay, parseClock, zonedInstant } from '../history/local-time';
import type { Prescription } from '../routine';

/** The defaults the built-in routines ship with (off until the user turns reminders on). */
export const SEED_REMINDERS: readonly Reminder[] = [
  { routineId: 'knees-to-chest-twist', times: ['08:00', '13:00', '19:00'], enabled: false },
  { routineId: 'seated-spinal-twist', times: ['07:30'], enabled: false },
];

/** "HH:MM" of minutes after midnight. */
const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Times to suggest for a routine without a reminder yet, spread over the waking day. */
export function suggestTimes(p: Prescription): string[] {
  if (p.timesPerDay === 1) return [p.when === 'morning' ? '07:30' : p.when === 'evening' ? '19:00' : '08:00'];
  const [from, to] = p.when === 'morning' ? [7 * 60, 11 * 60] : p.when === 'evening' ? [17 * 60, 21 * 60] : [8 * 60, 19 * 60];
  const times = new Set<string>();
  for (let i = 0; i < p.timesPerDay; i++) {
    const m = Math.round((from + ((to - from) * i) / (p.timesPerDay - 1)) / 5) * 5;
    times.add(hhmm(m));
  }
  return [...times];
}

/** The routine's stored reminder, else its seed default, else times suggested by its prescription (off). */
export function reminderFor(routine: { id: string; prescription: Prescription }, stored: readonly Reminder[]): Reminder {
  const found = stored.find((r) => r.routineId === routine.id) ?? SEED_REMINDERS.find((r) => r.routineId === routine.id);
  return found ? { ...found, times: [...found.times] } : { routineId: routine.id, times: suggestTimes(routine.prescription), enabled: false };
}

/** The stored reminders, or the seed defaults for routines that have none yet. */
export function withSeedReminders(stored: readonly Reminder[], routineIds: readonly string[]): Reminder[] {
  const result = stored.map((r) => ({ ...r, times: [...r.times] }));
  for (const seed of SEED_REMINDERS) {
    if (routineIds.includes(seed.routineId) && !result.some((r) => r.routineId === seed.routineId)) {
      result.push({ ...seed, times: [...seed.times] });
    }
  }
  return result;
}

/** Sorted, de-duplicated, validated times; throws naming the bad one. */
export function normaliseTimes(times: readonly string[]): string[] {
  for (const t of times) parseClock(t);
  return [...new Set(times)].sort();
}

/** One time a reminder is due. */
export interface Occurrence {
  routineId: string;
  /** The "HH:MM" the user set. */
  time: string;
  /** The local day it belongs to. */
  day: string;
  /** Epoch ms it is due at. */
  at: number;
}

/** Every enabled occurrence with `from < at <= to`, oldest first. */
export function occurrences(reminders: readonly Reminder[], from: number, to: number, timeZone: string): Occurrence[] {
  const out: Occurrence[] = [];
  if (to <= from) return out;
  // One day of margin either side: zones are at most ±14 h from UTC.
  const last = localDay(to, timeZone);
  for (let day = addDays(localDay(from, timeZone), -1); day <= addDays(last, 1); day = addDays(day, 1)) {
    for (const r of reminders) {
      if (!r.enabled) continue;
      for (const time of r.times) {
        const at = zonedInstant(day, time, timeZone);
        if (at > from && at <= to) out.push({ routineId: r.routineId, time, day, at });
      }
    }
  }
  return out.sort((a, b) => a.at - b.at || (a.routineId < b.routineId ? -1 : 1));
}

/** The next occurrence strictly after `after`, or null when no reminder is on. */
export function nextDue(reminders: readonly Reminder[], after: number, timeZone: string): Occurrence | null {
  if (!reminders.some((r) => r.enabled && r.times.length)) return null;
  // Every enabled time occurs at least once in any 2 local days.
  return occurrences(reminders, after, after + 3 * 86_400_000, timeZone)[0] ?? null;
}

/** The list with `reminder` put in place of the routine's old one (or added). */
export function putReminder(reminders: readonly Reminder[], reminder: Reminder): Reminder[] {
  const next = { ...reminder, times: normaliseTimes(reminder.times) };
  const i = reminders.findIndex((r) => r.routineId === reminder.routineId);
  return i < 0 ? [...reminders, next] : reminders.map((r, j) => (j === i ? next : r));
}

/** A time not yet in the list, to offer when the user adds one: an hour after the last, or 08:00. */
export function nextFreeTime(times: readonly string[]): string {
  const last = [...times].sort().at(-1);
  let m = last ? (Number(last.slice(0, 2)) * 60 + Number(last.slice(3)) + 60) % 1440 : 8 * 60;
  for (let i = 0; i < 1440 && times.includes(hhmm(m)); i++) m = (m + 1) % 1440;
  return hhmm(m);
}

export type ReminderData = Pick<UnknotData, 'settings'> & { routines: Pick<UnknotData['routines'], 'get'> };

/**
 * The reminders that ring, with the routines' names: those of routines that still exist. A
 * deleted routine's reminder stays stored (undo brings it back) but does not ring, in the app
 * or on the watch. Runs on every page: it reads only the routines that have a reminder, not the
 * whole library (10,000 routines took a 0.3–1 s task on every view).
 */
export async function liveReminders(data: ReminderData): Promise<{ reminders: Reminder[]; names: Map<string, string> }> {
  const settings = await data.settings.get();
  const records = await Promise.all([...new Set(settings.reminders.map((r) => r.routineId))].map((id) => data.routines.get(id)));
  const names = new Map(records.filter((r) => r && r.deletedAt === undefined).map((r) => [r!.routine.id, r!.routine.name]));
  return { reminders: settings.reminders.filter((r) => names.has(r.routineId)), names };
}
