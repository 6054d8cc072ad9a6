/**
 * "Add to my calendar": the reminders as an iCalendar file (RFC 5545) the phone's own calendar
 * imports and rings, with Unknot closed and no server. One repeating event per reminder time
 * (RRULE:FREQ=DAILY) with an alarm (VALARM) at its start, in the user's time zone by its IANA name
 * (TZID) with a VTIMEZONE built from the browser's own zone data, so 08:00 stays 08:00 across a
 * daylight-saving change. UIDs are stable: importing a newer file updates the same events.
 */
import type { Reminder } from '../data/schema';
import { localDay, wallTimeExact, type DayKey } from '../history/local-time';

export interface IcsInput {
  reminders: readonly Reminder[];
  /** Routine names by id, for the event titles. */
  names: ReadonlyMap<string, string>;
  /** IANA zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** Epoch ms: DTSTAMP, and the day the events start. */
  now: number;
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped. */
export function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Content lines folded at 75 octets (UTF-8), continuation lines starting with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = new TextEncoder().encode(ch).length;
    if (bytes + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const utcStamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const dayStamp = (day: DayKey) => day.replace(/-/g, '');

/** The zone's offset from UTC at an instant, in minutes. */
function offsetMinutes(ms: number, timeZone: string): number {
  const w = wallTimeExact(ms, timeZone);
  const at = Math.floor(ms / 60_000) * 60_000;
  return Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - at) / 60_000);
}

const offsetText = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;

interface Transition {
  /** Epoch ms of the first instant with the new offset. */
  at: number;
  from: number;
  to: number;
}

/** The zone's offset changes within [from, to), found week by week then to the minute. */
function transitions(timeZone: string, from: number, to: number): Transition[] {
  const found: Transition[] = [];
  const WEEK = 7 * 86_400_000;
  let prev = offsetMinutes(from, timeZone);
  for (let t = from; t < to; t += WEEK) {
    const next = offsetMinutes(Math.min(t + WEEK, to), timeZone);
    if (next === prev) continue;
    let lo = t;
    let hi = Math.min(t + WEEK, to);
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMinutes(mid, timeZone) === prev) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, from: prev, to: offsetMinutes(hi, timeZone) });
    prev = next;
  }
  return found;
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** Local wall time just before a transition (as the old offset shows it): an observance's DTSTART. */
function onset(t: Transition): { stamp: string; month: number; day: number; weekday: number; year: number } {
  const d = new Date(t.at + t.from * 60_000);
  const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
  return { stamp, month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay(), year: d.getUTCFullYear() };
}

/** "BYMONTH=3;BYDAY=-1SU"-style rule for a transition, as the nth (or last) weekday of its month. */
function yearlyRule(t: Transition): string {
  const o = onset(t);
  const daysInMonth = new Date(Date.UTC(o.year, o.month, 0)).getUTCDate();
  const nth = o.day + 7 > daysInMonth ? -1 : Math.ceil(o.day / 7);
  return `FREQ=YEARLY;BYMONTH=${o.month};BYDAY=${nth}${WEEKDAYS[o.weekday]}`;
}

/** Where the rule would put the transition in `year` (its local date), to check it against the zone. */
function ruleDate(rule: string, year: number): string {
  const month = Number(/BYMONTH=(\d+)/.exec(rule)![1]);
  const [, nthText, wd] = /BYDAY=(-?\d)(\w\w)/.exec(rule)!;
  const nth = Number(nthText);
  const weekday = WEEKDAYS.indexOf(wd);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const days = Array.from({ length: daysInMonth }, (_, i) => i + 1).filter((d) => new Date(Date.UTC(year, month - 1, d)).getUTCDay() === weekday);
  const day = nth === -1 ? days[days.length - 1] : days[nth - 1];
  return `${year}${pad(month)}${pad(day)}`;
}

/** The VTIMEZONE for `timeZone`, from the browser's zone data (see the file's note). */
export function vtimezone(timeZone: string, now: number): string[] {
  const year = new Date(now).getUTCFullYear();
  const lastYear = Date.UTC(year - 1, 0, 1);
  const recent = transitions(timeZone, lastYear, Date.UTC(year, 0, 1));
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const observance = (t: Transition, extra: string[]) => [
    `BEGIN:${t.to > t.from ? 'DAYLIGHT' : 'STANDARD'}`,
    `DTSTART:${onset(t).stamp}`,
    `TZOFFSETFROM:${offsetText(t.from)}`,
    `TZOFFSETTO:${offsetText(t.to)}`,
    ...extra,
    `END:${t.to > t.from ? 'DAYLIGHT' : 'STANDARD'}`,
  ];
  if (!recent.length) {
    const fixed = offsetMinutes(now, timeZone);
    const future = transitions(timeZone, Date.UTC(year, 0, 1), Date.UTC(year + 20, 0, 1));
    if (!future.length) return [...lines, ...observance({ at: Date.UTC(1970, 0, 1) - fixed * 60_000, from: fixed, to: fixed }, []), 'END:VTIMEZONE'];
  }
  // Yearly rules when they describe the next years exactly (as for Europe and North America) ...
  const rules = recent.map(yearlyRule);
  const upcoming = transitions(timeZone, Date.UTC(year, 0, 1), Date.UTC(year + 6, 0, 1));
  const ruleHolds =
    recent.length > 0 &&
    upcoming.length === recent.length * 6 &&
    upcoming.every((t, i) => ruleDate(rules[i % recent.length], year + Math.floor(i / recent.length)) === onset(t).stamp.slice(0, 8));
  if (ruleHolds) {
    recent.forEach((t, i) => lines.push(...observance(t, [`RRULE:${rules[i]}`])));
  } else {
    // ... else every change of the next 20 years, each as its own observance.
    for (const t of transitions(timeZone, lastYear, Date.UTC(year + 20, 0, 1))) lines.push(...observance(t, []));
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

/** The .ics text: one daily event with an alarm per enabled reminder time. */
export function remindersIcs(input: IcsInput): string {
  const { timeZone, now } = input;
  const today = localDay(now, timeZone);
  const utc = timeZone === 'UTC' || timeZone === 'Etc/UTC';
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Unknot//Reminders//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Unknot reminders'];
  if (!utc) lines.push(...vtimezone(timeZone, now));
  for (const r of input.reminders) {
    if (!r.enabled) continue;
    const name = input.names.get(r.routineId) ?? r.routineId;
    for (const time of r.times) {
      const hhmm = time.replace(':', '');
      lines.push(
        'BEGIN:VEVENT',
        `UID:unknot-reminder-${r.routineId}-${hhmm}@unknot.app`,
        `DTSTAMP:${utcStamp(now)}`,
        utc ? `DTSTART:${dayStamp(today)}T${hhmm}00Z` : `DTSTART;TZID=${timeZone}:${dayStamp(today)}T${hhmm}00`,
        'DURATION:PT10M',
        'RRULE:FREQ=DAILY',
        `SUMMARY:${icsText(`Unknot: ${name}`)}`,
        `DESCRIPTION:${icsText(`Time for “${name}”. Open Unknot to start. Stop if the pain gets worse.`)}`,
        'TRANSP:TRANSPARENT',
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `DESCRIPTION:${icsText(`Unknot: ${name}`)}`,
        'TRIGGER:PT0S',
        'END:VALARM',
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** How many events (reminder times) the file holds. */
export const icsEventCount = (reminders: readonly Reminder[]): number => reminders.filter((r) => r.enabled).reduce((n, r) => n + r.times.length, 0);

/** Where the app remembers which reminders were last added to the calendar (localStorage). */
export const CALENDAR_KEY = 'unknot-calendar-reminders';

/** What the calendar file depends on, as text: equal texts mean the calendar holds these reminders. */
export function calendarFingerprint(reminders: readonly Reminder[]): string {
  return JSON.stringify(
    reminders
      .filter((r) => r.enabled && r.times.length)
      .map((r) => [r.routineId, [...r.times].sort()])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  );
}
