/**
 * The report for the physiotherapist: adherence and pain per routine over a chosen period of
 * local days. Pure: the element only lays it out and prints it.
 */
import { exerciseMs, type SessionRecord } from '../data/schema';
import { adherence, periodLength, type Adherence } from '../history/adherence';
import { groupByDay, streaks, isActiveDay, type Streaks } from '../history/days';
import { dayNumber, localDay, type DayKey } from '../history/local-time';
import { painTrend, type PainTrend } from '../history/pain';
import { flagText } from '../safety/pain-rules';
import type { SessionFelt } from '../data/schema';

export interface ReportRoutine {
  id: string;
  name: string;
  timesPerDay: number;
}

export interface ReportInput {
  sessions: readonly SessionRecord[];
  /** Every routine the sessions may refer to (deleted ones too, for their names). */
  routines: readonly ReportRoutine[];
  /** Routines to show even without a session in the period (those the user has reminders for). */
  include?: readonly string[];
  from: DayKey;
  to: DayKey;
  timeZone: string;
  /** The first local day Unknot was used: adherence is not counted for days before it. */
  firstDay?: DayKey;
}

export interface RoutineReport {
  routineId: string;
  name: string;
  timesPerDay: number;
  adherence: Adherence;
  pain: PainTrend;
  minutes: number;
}

export interface Report {
  from: DayKey;
  to: DayKey;
  days: number;
  /** The first day adherence counts (the later of `from` and the first day Unknot was used); after `to` when none does. */
  countedFrom: DayKey;
  timeZone: string;
  /** Days with at least one completed session. */
  activeDays: number;
  /** Streaks within the period, as of its last day. */
  streaks: Streaks;
  sessions: number;
  completed: number;
  stoppedEarly: number;
  routines: RoutineReport[];
  /** The most recent notes in the period (at most NOTES_SHOWN, newest first), for the therapist to read. */
  notes: { at: number; routineName: string; note: string; felt?: SessionFelt }[];
  /** Every session of the period marked for pain (src/safety), newest first, with the reason. */
  flagged: { at: number; routineName: string; reason: string; note?: string }[];
}

/** Notes on the one printed page: enough to read, few enough to fit. */
export const NOTES_SHOWN = 6;

/** The sessions whose local start day is within [from, to]. */
export function inPeriod(sessions: readonly SessionRecord[], from: DayKey, to: DayKey, timeZone: string): SessionRecord[] {
  const lo = dayNumber(from);
  const hi = dayNumber(to);
  return sessions.filter((s) => {
    const n = dayNumber(localDay(s.startedAt, timeZone));
    return n >= lo && n <= hi;
  });
}

export function buildReport(input: ReportInput): Report {
  const days = periodLength(input.from, input.to);
  const sessions = inPeriod(input.sessions, input.from, input.to, input.timeZone);
  const byId = new Map(input.routines.map((r) => [r.id, r]));
  const prescriptions = new Map(input.routines.map((r) => [r.id, r.timesPerDay]));
  const grouped = groupByDay(sessions, input.timeZone, prescriptions);
  const ids = [...new Set([...(input.include ?? []), ...sessions.map((s) => s.routineId)])];
  const countedFrom = input.firstDay && input.firstDay > input.from ? input.firstDay : input.from;
  const rates =
    countedFrom <= input.to
      ? adherence(grouped, ids, prescriptions, countedFrom, input.to)
      : ids.map((routineId) => ({ routineId, days: 0, prescribed: 0, done: 0, completed: 0, stopped: 0, daysMet: 0, rate: 0 }));
  const routines = ids
    .map((id, i): RoutineReport => {
      const own = sessions.filter((s) => s.routineId === id);
      return {
        routineId: id,
        name: byId.get(id)?.name ?? id,
        timesPerDay: prescriptions.get(id) ?? 1,
        adherence: rates[i],
        pain: painTrend(id, own),
        minutes: own.reduce((m, s) => m + exerciseMs(s) / 60_000, 0),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    from: input.from,
    to: input.to,
    days,
    countedFrom,
    timeZone: input.timeZone,
    activeDays: [...grouped.values()].filter(isActiveDay).length,
    streaks: streaks(grouped, input.to),
    sessions: sessions.length,
    completed: sessions.filter((s) => s.outcome === 'completed').length,
    stoppedEarly: sessions.filter((s) => s.outcome === 'stopped-early').length,
    routines,
    notes: sessions
      .filter((s) => s.note?.trim())
      .sort((a, b) => b.startedAt - a.startedAt)
      .slice(0, NOTES_SHOWN)
      .map((s) => ({ at: s.startedAt, routineName: byId.get(s.routineId)?.name ?? s.routineId, note: s.note!.trim(), ...(s.felt && { felt: s.felt }) })),
    flagged: sessions
      .filter((s) => s.flag)
      .sort((a, b) => b.startedAt - a.startedAt)
      .map((s) => ({
        at: s.startedAt,
        routineName: byId.get(s.routineId)?.name ?? s.routineId,
        reason: flagText(s.flag!, s.painBefore, s.painAfter),
        ...(s.note?.trim() && { note: s.note.trim() }),
      })),
  };
}
