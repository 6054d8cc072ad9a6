/**
 * Local calendar days and wall-clock times in an explicit IANA time zone, with nothing but
 * Intl.DateTimeFormat: the browser already ships the whole tz database, so a date library
 * (≈20–70 KB) would add weight and a second, possibly older, copy of the same rules.
 *
 * A day is a key "YYYY-MM-DD". Day arithmetic is done on the calendar itself (days since
 * 1970-01-01 in the proleptic Gregorian calendar), never by adding 24 hours to an instant,
 * because a local day is 23 or 25 hours long on a daylight-saving change.
 */

/** "YYYY-MM-DD", a day in some time zone's calendar. */
export type DayKey = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone, which is what a caller passing garbage should see.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local wall-clock fields of an instant. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall time by asking Intl directly (≈30 µs a call): the reference the fast path is checked against. */
export function wallTimeExact(epochMs: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(epochMs)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/**
 * The wall time, fast: the zone's offset is looked up once per UTC week and reused for every
 * instant in that week, unless the offset differs at the week's two ends (a change inside the
 * week), where each instant asks Intl itself. Sound as long as a zone never changes its offset
 * and changes it back within one week, which no zone in the tz database does. Grouping ten years
 * of sessions is ≈20× faster this way (see tests/bench/history.bench.ts).
 */
export function wallTime(epochMs: number, timeZone: string): WallTime {
  const offset = weekOffset(epochMs, timeZone);
  if (offset === null) return wallTimeExact(epochMs, timeZone);
  const d = new Date(Math.floor(epochMs / 1000) * 1000 + offset);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

const WEEK_MS = 7 * 86_400_000;
const weekOffsets = new Map<string, number | null>();

function weekOffset(epochMs: number, timeZone: string): number | null {
  const week = Math.floor(epochMs / WEEK_MS);
  const key = `${timeZone}|${week}`;
  let offset = weekOffsets.get(key);
  if (offset === undefined) {
    const first = offsetAt(week * WEEK_MS, timeZone);
    offset = first === offsetAt((week + 1) * WEEK_MS - 1000, timeZone) ? first : null;
    if (weekOffsets.size >= 5000) weekOffsets.delete(weekOffsets.keys().next().value!);
    weekOffsets.set(key, offset);
  }
  return offset;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The local day an instant falls on. */
export function localDay(epochMs: number, timeZone: string): DayKey {
  const w = wallTime(epochMs, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** "HH:MM" of an instant, local. */
export function localClock(epochMs: number, timeZone: string): string {
  const w = wallTime(epochMs, timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a day key (a calendar count; no time zone involved). */
export function dayNumber(day: DayKey): number {
  const [y, m, d] = day.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function dayFromNumber(n: number): DayKey {
  const d = new Date(n * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export const addDays = (day: DayKey, n: number): DayKey => dayFromNumber(dayNumber(day) + n);

/** 0 = Monday … 6 = Sunday. */
export const weekday = (day: DayKey): number => (dayNumber(day) + 3) % 7;

/** Local wall time minus UTC at an instant, in ms (e.g. +3,600,000 for Berlin in winter). */
function offsetAt(epochMs: number, timeZone: string): number {
  const w = wallTimeExact(epochMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** Parses "HH:MM" (00:00–23:59); throws a clear message otherwise. */
export function parseClock(time: string): { hour: number; minute: number } {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw new RangeError(`time ${JSON.stringify(time)}: expected "HH:MM" between 00:00 and 23:59`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/**
 * The instant the local clock in `timeZone` shows `time` on `day`.
 * - Twice (clocks go back): the FIRST of the two, so a reminder fires once.
 * - Never (clocks jump forward over it): the first instant after the jump, i.e. the next time
 *   that does exist on that day (02:30 on a 02:00→03:00 day gives 03:00).
 */
export function zonedInstant(day: DayKey, time: string, timeZone: string): number {
  // Cached: the reminder runner asks for the same few (day, time) pairs every minute.
  const key = `${timeZone}|${day}|${time}`;
  let at = instants.get(key);
  if (at === undefined) {
    at = resolveInstant(day, time, timeZone);
    if (instants.size >= 2000) instants.delete(instants.keys().next().value!);
    instants.set(key, at);
  }
  return at;
}

const instants = new Map<string, number>();

function resolveInstant(day: DayKey, time: string, timeZone: string): number {
  const { hour, minute } = parseClock(time);
  const [y, mo, d] = day.split('-').map(Number);
  const wall = Date.UTC(y, mo - 1, d, hour, minute);
  // Every zone changes its offset at most once within a day or so: the offsets a day before and
  // a day after are the only two candidates.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const valid = [wall - before, wall - after].filter((t) => t + offsetAt(t, timeZone) === wall).sort((a, b) => a - b);
  if (valid.length) return valid[0];
  // A gap: find the transition, the first instant whose wall time is past `wall`.
  let lo = wall - Math.max(before, after);
  let hi = wall - Math.min(before, after);
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (mid + offsetAt(mid, timeZone) > wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The instant a local day starts (its first existing instant). */
export const startOfDay = (day: DayKey, timeZone: string): number => zonedInstant(day, '00:00', timeZone);

/** The zone this device is in now (asked each time: the user may travel). */
export const currentTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
