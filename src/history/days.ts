/**
 * Sessions grouped by local day, and done-against-prescribed per routine. Pure: the caller
 * passes the time zone the history is shown in.
 *
 * A session belongs to the local day it STARTED on, in the zone passed in. A record keeps only
 * instants, not the zone it was done in, so a user who moves zones sees past sessions on the
 * day they fall on where they are now (a 23:30 session in Berlin is 17:30 the same day in New
 * York, but a 00:30 one moves to the day before). That is the honest reading of the record.
 */
import type { SessionRecord } from '../data/schema';
import { addDays, dayFromNumber, dayNumber, localDay, weekday, type DayKey } from './local-time';

/** What one routine had on one day. */
export interface RoutineDay {
  routineId: string;
  /** Completed sessions. */
  done: number;
  /** Sessions stopped early (shown, but not counted as done). */
  stopped: number;
  /** The routine's timesPerDay. */
  prescribed: number;
}

export interface Day {
  day: DayKey;
  sessions: SessionRecord[];
  /** Per routine that has a session that day, sorted by routine id. */
  routines: RoutineDay[];
}

/** timesPerDay by routine id; a routine not in it counts as once a day. */
export type Prescriptions = ReadonlyMap<string, number>;

/** Sessions by local day (sessions within a day oldest first). */
export function groupByDay(sessions: readonly SessionRecord[], timeZone: string, prescriptions: Prescriptions): Map<DayKey, Day> {
  const days = new Map<DayKey, Day>();
  const sorted = [...sessions].sort((a, b) => a.startedAt - b.startedAt);
  for (const s of sorted) {
    const key = localDay(s.startedAt, timeZone);
    let day = days.get(key);
    if (!day) days.set(key, (day = { day: key, sessions: [], routines: [] }));
    day.sessions.push(s);
    let r = day.routines.find((x) => x.routineId === s.routineId);
    if (!r) {
      r = { routineId: s.routineId, done: 0, stopped: 0, prescribed: prescriptions.get(s.routineId) ?? 1 };
      day.routines.push(r);
      day.routines.sort((a, b) => (a.routineId < b.routineId ? -1 : 1));
    }
    if (s.outcome === 'completed') r.done++;
    else r.stopped++;
  }
  return days;
}

/** A day counts toward a streak when it has at least one completed session. */
export const isActiveDay = (day: Day | undefined): boolean => !!day?.routines.some((r) => r.done > 0);

export interface Streaks {
  /** Active days in a row ending today, or ending yesterday while today has nothing yet. */
  current: number;
  longest: number;
}

/** Current and longest streaks of active days, counted in calendar days (DST-proof). */
export function streaks(days: ReadonlyMap<DayKey, Day>, today: DayKey): Streaks {
  const active = [...days.values()].filter(isActiveDay).map((d) => dayNumber(d.day)).sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < active.length; i++) {
    run = i > 0 && active[i] === active[i - 1] + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  const set = new Set(active);
  // Today is not over: no session yet today does not break yesterday's streak.
  let cursor = set.has(dayNumber(today)) ? today : addDays(today, -1);
  let current = 0;
  while (set.has(dayNumber(cursor))) {
    current++;
    cursor = addDays(cursor, -1);
  }
  return { current, longest };
}

/** The days of a calendar month view: the month's days, padded to whole Monday–Sunday weeks. */
export function monthGrid(year: number, month: number): { day: DayKey; inMonth: boolean }[] {
  const first = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
  const next = month === 12 ? `${String(year + 1).padStart(4, '0')}-01-01` : `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-01`;
  const start = dayNumber(first) - weekday(first);
  const end = dayNumber(next);
  const cells: { day: DayKey; inMonth: boolean }[] = [];
  for (let n = start; n < end || cells.length % 7 !== 0; n++) {
    const day = dayFromNumber(n);
    cells.push({ day, inMonth: n >= dayNumber(first) && n < end });
  }
  return cells;
}
