/**
 * Reminders on the watch: taking a schedule from the phone (all or nothing), keeping it in
 * unknot.rem, and finding what is due. The timer that rings them lives in unknot.boot.js, so
 * they ring with the app closed too. Espruino subset.
 */
import type { Hardware } from './hardware';
import { ERR } from '../protocol/frame';
import { MSG, type PhoneMessage } from '../protocol/messages';
import { REMINDER_LIMITS, patternOk, readAt, readBegin, readLabel } from '../protocol/reminders';

export const REMINDERS_FILE = 'unknot.rem';

/**
 * unknot.rem: labels, and instants as [due, label index, pattern] in ascending order, due in
 * Unix seconds on the WATCH clock (the phone's times shifted by the clock difference at upload).
 */
export interface StoredReminders {
  l: string[];
  r: number[][];
}

interface Upload {
  labels: string[];
  at: number[][];
  nl: number;
  ni: number;
  /** Watch clock − phone clock, seconds. */
  offset: number;
}

/**
 * Handles REMINDERS_BEGIN / REMINDER_LABEL / REMINDER_AT / REMINDERS_COMMIT. Returns the error
 * to report, 0 for a STATUS reply, -1 for no reply. A refused part voids the whole upload, so
 * the commit fails and the schedule already stored stays in force.
 */
export function createReminderSync(hw: Pick<Hardware, 'now' | 'readJSON' | 'writeJSON'>, changed: () => void): (m: PhoneMessage) => number {
  let up: Upload | null = null;
  return (m) => {
    const t = m.type;
    const p = m.data;
    if (t === MSG.REMINDERS_BEGIN) {
      const b = readBegin(p);
      up = null;
      if (b.labels > REMINDER_LIMITS.labels || b.instants > REMINDER_LIMITS.instants || (b.instants && !b.labels)) return ERR.BAD_VALUE;
      up = { labels: [], at: [], nl: b.labels, ni: b.instants, offset: Math.round(hw.now() / 1000) - b.phoneNow };
      return 0;
    }
    const u = up;
    if (!u) return ERR.BAD_SCHEDULE;
    let err = 0;
    if (t === MSG.REMINDER_LABEL) {
      const l = readLabel(p);
      const n = u.labels.length;
      if (!l.ok) err = ERR.BAD_VALUE;
      else if (l.index === n && n < u.nl) u.labels.push(l.text);
      // A repeat of the last one (a retried write) is harmless; anything else lost a frame.
      else if (l.index !== n - 1) err = ERR.BAD_SCHEDULE;
    } else if (t === MSG.REMINDER_AT) {
      const r = readAt(p);
      const n = u.at.length;
      const due = r.at + u.offset;
      if (!patternOk(r.pattern) || r.label >= u.nl) err = ERR.BAD_VALUE;
      else if (r.index === n && n < u.ni && (!n || due > u.at[n - 1][0])) u.at.push([due, r.label, r.pattern]);
      else if (r.index !== n - 1) err = ERR.BAD_SCHEDULE;
    } else {
      up = null;
      if (u.labels.length !== u.nl || u.at.length !== u.ni) return ERR.BAD_SCHEDULE;
      const ok = hw.writeJSON(REMINDERS_FILE, { l: u.labels, r: u.at });
      const back = ok ? loadReminders(hw.readJSON(REMINDERS_FILE)) : null;
      if (!back || back.r.length !== u.ni) return ERR.STORAGE;
      changed();
      return 0;
    }
    if (err) up = null;
    return err || -1;
  };
}

/** The stored schedule, or null when there is none or it is not one. */
export function loadReminders(json: unknown): StoredReminders | null {
  const s = json as StoredReminders | null;
  return s && s.l && s.r && s.r.length >= 0 ? s : null;
}

/** The first instant due strictly after `after` (watch Unix seconds), or null. */
export function nextReminder(s: StoredReminders, after: number): number[] | null {
  for (let i = 0; i < s.r.length; i++) if (s.r[i][0] > after) return s.r[i];
  return null;
}

/** The latest instant that fell due in the last `windowS` seconds before `now`, or null. */
export function justDue(s: StoredReminders, now: number, windowS: number): number[] | null {
  let found: number[] | null = null;
  for (let i = 0; i < s.r.length; i++) if (s.r[i][0] <= now && s.r[i][0] > now - windowS) found = s.r[i];
  return found;
}
