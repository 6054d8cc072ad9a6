/** Pain before and after, per routine, as a trend over time. */
import type { SessionRecord } from '../data/schema';

export interface PainPoint {
  sessionId: string;
  at: number;
  before?: number;
  after?: number;
}

export interface PainTrend {
  routineId: string;
  /** Sessions with at least one pain value, oldest first. */
  points: PainPoint[];
  /**
   * Means over the sessions that have BOTH scores (`paired`), so that meanBefore - meanAfter is
   * exactly meanDrop: a session rated only before would otherwise pull one mean and not the other.
   */
  meanBefore: number | null;
  meanAfter: number | null;
  /** Mean of (before - after) over sessions that have both; positive means it helped. */
  meanDrop: number | null;
  /** How many sessions have both scores: the means are over these. */
  paired: number;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

export function painTrend(routineId: string, sessions: readonly SessionRecord[]): PainTrend {
  const points = sessions
    .filter((s) => s.routineId === routineId && (s.painBefore !== undefined || s.painAfter !== undefined))
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((s): PainPoint => ({ sessionId: s.id, at: s.startedAt, before: s.painBefore, after: s.painAfter }));
  const both = points.filter((p) => p.before !== undefined && p.after !== undefined);
  return {
    routineId,
    points,
    meanBefore: mean(both.map((p) => p.before!)),
    meanAfter: mean(both.map((p) => p.after!)),
    meanDrop: mean(both.map((p) => p.before! - p.after!)),
    paired: both.length,
  };
}

/** Chart geometry: a polyline's points for one series, x by time and y by pain 0–10 (10 at the top). */
export function seriesPath(
  points: readonly PainPoint[],
  key: 'before' | 'after',
  box: { width: number; height: number; from: number; to: number },
): { x: number; y: number; value: number; at: number }[] {
  const span = Math.max(1, box.to - box.from);
  return points
    .filter((p) => p[key] !== undefined)
    .map((p) => ({
      x: Math.round(((p.at - box.from) / span) * box.width * 10) / 10,
      y: Math.round((1 - p[key]! / 10) * box.height * 10) / 10,
      value: p[key]!,
      at: p.at,
    }));
}

/** Routine ids of the sessions, the one done most first (ties: the one done last first): the chart opens on the first. */
export function routinesByUse(sessions: readonly Pick<SessionRecord, 'routineId' | 'startedAt'>[]): string[] {
  const use = new Map<string, { n: number; last: number }>();
  for (const s of sessions) {
    const u = use.get(s.routineId) ?? { n: 0, last: 0 };
    use.set(s.routineId, { n: u.n + 1, last: Math.max(u.last, s.startedAt) });
  }
  return [...use.entries()].sort(([, a], [, b]) => b.n - a.n || b.last - a.last).map(([id]) => id);
}
