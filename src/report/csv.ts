/**
 * Sessions as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted,
 * quotes doubled). A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage
 * return) as a formula, so such cells get a leading apostrophe: a note like "=HYPERLINK(...)"
 * stays text (OWASP "CSV injection").
 */
import { exerciseMs, type SessionRecord } from '../data/schema';
import { localClock, localDay } from '../history/local-time';
import { flagText } from '../safety/pain-rules';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, made safe and quoted when needed. Numbers are written as they are. */
export function csvCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | undefined | null)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const SESSION_COLUMNS = [
  'Date',
  'Start',
  'End',
  'Minutes',
  'Routine',
  'Outcome',
  'Steps done',
  'Steps total',
  'Pain before',
  'Pain after',
  'Marked',
  'Felt',
  'Source',
  'Note',
  'Session id',
] as const;

/** Every session, oldest first, with local dates and times in `timeZone`. */
export function sessionsCsv(sessions: readonly SessionRecord[], routineName: (id: string) => string, timeZone: string): string {
  const sorted = [...sessions].sort((a, b) => a.startedAt - b.startedAt);
  return toCsv([
    SESSION_COLUMNS,
    ...sorted.map((s) => [
      localDay(s.startedAt, timeZone),
      localClock(s.startedAt, timeZone),
      localClock(s.endedAt, timeZone),
      Math.round(exerciseMs(s) / 6000) / 10,
      routineName(s.routineId),
      s.outcome === 'completed' ? 'completed' : 'stopped early',
      s.stepsDone,
      s.totalSteps,
      s.painBefore,
      s.painAfter,
      s.flag ? flagText(s.flag, s.painBefore, s.painAfter) : '',
      s.felt,
      s.source,
      s.note,
      s.id,
    ]),
  ]);
}
