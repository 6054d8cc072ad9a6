/**
 * What the watch keeps in flash: cue settings and the log-id counter (unknot.json), the last
 * loaded plan (unknot.plan), and one file per unacknowledged session (unknot.log.<id>).
 * Espruino subset.
 */
import type { Hardware } from './hardware';
import { DEFAULT_CUES, cuesValid, type CueSettings, type LogEntry } from '../protocol/messages';

export const SETTINGS_FILE = 'unknot.json';
export const PLAN_FILE = 'unknot.plan';
export const LOG_PREFIX = 'unknot.log.';
/** The wrist plans (KEEP_PLAN): unknot.w0, unknot.w1, unknot.w2. */
export const WRIST_PREFIX = 'unknot.w';
/** Sessions done today, for the clock info: { d: local day number, n: count }. */
export const DAY_FILE = 'unknot.day';
/** Written by the clock info's tap: the app starts the last loaded plan when it opens. */
export const GO_FILE = 'unknot.go';

/** Days since the epoch on the watch's local clock (the clock info reads the same). */
export const localDay = (ms: number): number => Math.floor((ms - new Date(ms).getTimezoneOffset() * 60000) / 86400000);

/** Counts a finished session on its local day (the log itself is emptied once the phone acks it). */
export function countDone(hw: Hardware, atMs: number): void {
  const d = localDay(atMs);
  const c = hw.readJSON(DAY_FILE) as { d: number; n: number } | null;
  hw.writeJSON(DAY_FILE, { d: d, n: c && c.d === d ? c.n + 1 : 1 });
}

interface Saved {
  cues: CueSettings;
  nextLog: number;
}

/** The cue settings in unknot.json as read (any JSON, or nothing), or the defaults. */
export function cuesOf(json: unknown): CueSettings {
  const s = json as Saved | null;
  return s && s.cues && cuesValid(s.cues) ? s.cues : DEFAULT_CUES;
}

export function loadSettings(hw: Hardware): Saved {
  const s = hw.readJSON(SETTINGS_FILE) as Saved | null;
  const nextLog = s && s.nextLog > 0 ? s.nextLog : 1;
  return { cues: cuesOf(s), nextLog: nextLog };
}

export function saveSettings(hw: Hardware, s: Saved): boolean {
  return hw.writeJSON(SETTINGS_FILE, s);
}

function logIds(hw: Hardware): number[] {
  const ids: number[] = [];
  const names = hw.list(LOG_PREFIX);
  for (let i = 0; i < names.length; i++) {
    const id = parseInt(names[i].slice(LOG_PREFIX.length), 10);
    if (id > 0) ids.push(id);
  }
  return ids.sort((a, b) => a - b);
}

/**
 * Writes a finished session under a fresh id. The counter is saved first, so a crash between
 * the two writes can waste an id but never reuse one.
 */
export function addLog(hw: Hardware, s: Saved, e: LogEntry): boolean {
  e.id = s.nextLog;
  s.nextLog++;
  if (!saveSettings(hw, s)) return false;
  return hw.writeJSON(LOG_PREFIX + e.id, e);
}

/** The oldest entry not yet acknowledged, or null. */
export function oldestLog(hw: Hardware): LogEntry | null {
  const ids = logIds(hw);
  for (let i = 0; i < ids.length; i++) {
    const e = hw.readJSON(LOG_PREFIX + ids[i]) as LogEntry | null;
    if (e && e.id === ids[i]) return e;
  }
  return null;
}

/** Deletes an entry once the phone has acknowledged it; unknown ids are ignored (a repeated ack). */
export function ackLog(hw: Hardware, id: number): void {
  if (logIds(hw).indexOf(id) >= 0) hw.erase(LOG_PREFIX + id);
}
