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

interface Saved {
  cues: CueSettings;
  nextLog: number;
}

export function loadSettings(hw: Hardware): Saved {
  const s = hw.readJSON(SETTINGS_FILE) as Saved | null;
  const cues = s && s.cues && cuesValid(s.cues) ? s.cues : DEFAULT_CUES;
  const nextLog = s && s.nextLog > 0 ? s.nextLog : 1;
  return { cues: cues, nextLog: nextLog };
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

export function logCount(hw: Hardware): number {
  return logIds(hw).length;
}

/** Deletes an entry once the phone has acknowledged it; unknown ids are ignored (a repeated ack). */
export function ackLog(hw: Hardware, id: number): void {
  if (logIds(hw).indexOf(id) >= 0) hw.erase(LOG_PREFIX + id);
}
