/**
 * The reminder schedule on the wire (docs/protocol.md §4, §5 "Send the reminders"): the phone
 * sends absolute due instants for the next days and short labels; the watch keeps them and
 * buzzes at each one, with or without the phone. Layouts are read and written only here.
 * Espruino subset: no defaults, destructuring, spread, `?.`, Map/Set.
 */
import { encodeFrame, put32, u32, asciiBytes, asciiString } from './frame';
import { MSG } from './messages';
import { REMINDER_LIMITS, type ReminderSchedule } from './reminder-limits';

export { REMINDER_LIMITS, type ReminderSchedule };


/**
 * Three long pulses, the strongest pattern. It is also "routine done", but a reminder never
 * rings during a session on the watch, so the two cannot be confused.
 */
export const REMINDER_PATTERN = 0x83;

/** One REMINDER_AT, as read from its payload. */
export interface ReminderAt {
  index: number;
  label: number;
  /** Unix seconds on the phone's clock. */
  at: number;
  /** Buzz pattern, encoded as in SET_CUES. */
  pattern: number;
}

/** A pattern byte is valid when bits 3–6 are clear and it has at least one pulse. */
export const patternOk = (p: number): boolean => (p & 0x78) === 0 && (p & 7) > 0;

/** A label is 1–14 bytes of printable ASCII. */
export function labelOk(b: Uint8Array): boolean {
  if (b.length < 1 || b.length > REMINDER_LIMITS.labelBytes) return false;
  for (let i = 0; i < b.length; i++) if (b[i] < 32 || b[i] > 126) return false;
  return true;
}

export function remindersBeginFrame(labels: number, instants: number, phoneNow: number): Uint8Array {
  const p = new Uint8Array(6);
  p[0] = labels;
  p[1] = instants;
  put32(p, 2, phoneNow);
  return encodeFrame(MSG.REMINDERS_BEGIN, p);
}

export function reminderLabelFrame(index: number, label: string): Uint8Array {
  const b = asciiBytes(label, REMINDER_LIMITS.labelBytes);
  const p = new Uint8Array(1 + b.length);
  p[0] = index;
  p.set(b, 1);
  return encodeFrame(MSG.REMINDER_LABEL, p);
}

export function reminderAtFrame(r: ReminderAt): Uint8Array {
  const p = new Uint8Array(7);
  p[0] = r.index;
  p[1] = r.label;
  put32(p, 2, r.at);
  p[6] = r.pattern;
  return encodeFrame(MSG.REMINDER_AT, p);
}

export const remindersCommitFrame = (): Uint8Array => encodeFrame(MSG.REMINDERS_COMMIT, new Uint8Array(0));

/** The payload of REMINDERS_BEGIN: counts and the phone's clock (Unix seconds) when it sent it. */
export function readBegin(p: Uint8Array): { labels: number; instants: number; phoneNow: number } {
  return { labels: p[0], instants: p[1], phoneNow: u32(p, 2) };
}

export function readLabel(p: Uint8Array): { index: number; text: string; ok: boolean } {
  const b = p.subarray(1);
  return { index: p[0], text: asciiString(b, 0, b.length), ok: labelOk(b) };
}

export function readAt(p: Uint8Array): ReminderAt {
  return { index: p[0], label: p[1], at: u32(p, 2), pattern: p[6] };
}

/**
 * Every frame of one schedule: BEGIN, the labels, the instants, COMMIT (an empty schedule
 * clears the watch's). Throws when the schedule breaks a limit, so the phone fixes it first.
 */
export function reminderFrames(s: ReminderSchedule, phoneNow: number, pattern: number): Uint8Array[] {
  const L = REMINDER_LIMITS;
  if (s.labels.length > L.labels || s.instants.length > L.instants) throw new Error('reminder schedule too long');
  if (!patternOk(pattern)) throw new Error('reminder pattern out of range');
  const out = [remindersBeginFrame(s.labels.length, s.instants.length, phoneNow)];
  for (let i = 0; i < s.labels.length; i++) {
    if (!labelOk(asciiBytes(s.labels[i], 99))) throw new Error('reminder label ' + i + ' is not 1–14 printable ASCII bytes');
    out.push(reminderLabelFrame(i, s.labels[i]));
  }
  for (let i = 0; i < s.instants.length; i++) {
    const r = s.instants[i];
    if (r.label >= s.labels.length || (i > 0 && r.at <= s.instants[i - 1].at)) throw new Error('reminder instant ' + i + ' out of order or unlabelled');
    out.push(reminderAtFrame({ index: i, label: r.label, at: r.at, pattern: pattern }));
  }
  out.push(remindersCommitFrame());
  return out;
}
