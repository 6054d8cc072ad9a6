/**
 * Adherence over a period of local days: how much of what was prescribed was done. A day's
 * extra sessions do not make up for a missed day, so each day counts at most its prescription.
 */
import type { Day, Prescriptions } from './days';
import { dayNumber, type DayKey } from './local-time';

export interface Adherence {
  routineId: string;
  /** Days in the period (inclusive). */
  days: number;
  /** timesPerDay × days. */
  prescribed: number;
  /** Completed sessions, each day capped at its prescription. */
  done: number;
  /** All completed sessions, uncapped. */
  completed: number;
  stopped: number;
  /** Days on which the prescription was fully met. */
  daysMet: number;
  /** done / prescribed, 0–1. */
  rate: number;
}

/** Days in an inclusive range; throws when `to` is before `from`. */
export function periodLength(from: DayKey, to: DayKey): number {
  const n = dayNumber(to) - dayNumber(from) + 1;
  if (n < 1) throw new RangeError(`period: the end ${to} is before the start ${from}`);
  return n;
}

/** Adherence of each routine in `routineIds` over [from, to] (local days, inclusive). */
export function adherence(
  days: ReadonlyMap<DayKey, Day>,
  routineIds: readonly string[],
  prescriptions: Prescriptions,
  from: DayKey,
  to: DayKey,
): Adherence[] {
  const length = periodLength(from, to);
  const lo = dayNumber(from);
  const hi = dayNumber(to);
  return routineIds.map((routineId) => {
    const perDay = prescriptions.get(routineId) ?? 1;
    const a: Adherence = { routineId, days: length, prescribed: perDay * length, done: 0, completed: 0, stopped: 0, daysMet: 0, rate: 0 };
    for (const day of days.values()) {
      const n = dayNumber(day.day);
      if (n < lo || n > hi) continue;
      const r = day.routines.find((x) => x.routineId === routineId);
      if (!r) continue;
      a.done += Math.min(r.done, perDay);
      a.completed += r.done;
      a.stopped += r.stopped;
      if (r.done >= perDay) a.daysMet++;
    }
    a.rate = a.prescribed ? a.done / a.prescribed : 0;
    return a;
  });
}
