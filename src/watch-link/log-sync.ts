/**
 * A watch log entry → the history record the data layer stores. The id is derived from the
 * entry (its watch id and start time), so a resend after a lost ack is skipped by the
 * idempotent add, and a watch whose counter restarted (module reinstalled) cannot collide.
 */
import { OUTCOME, encodePlan, planIdOf, type LogEntry } from '../../watch/protocol/index';
import { BUILT_INS, compile, type Routine } from '../routine/index';
import type { SessionInput, UnknotData } from '../data/api';
import { MAX_ENTRIES_PER_SYNC, judgeEntry, type EntryContext, type PlanFacts, type WatchLogEntry } from './trust';

/** Remembers which routine each uploaded plan came from, by plan id (CRC-32 of the plan bytes). */
export interface PlanMemory {
  get(planId: number): Routine | undefined;
  put(planId: number, routine: Routine): void;
}

export function memoryPlans(): PlanMemory {
  const m = new Map<number, Routine>();
  return { get: (id) => m.get(id), put: (id, r) => void m.set(id, structuredClone(r)) };
}

/** Kept in localStorage so a session finished after a reload still finds its routine. */
export function localPlans(storage: Storage, key = 'unknot.watch.plans', keep = 20): PlanMemory {
  const read = (): [number, Routine][] => {
    try {
      return JSON.parse(storage.getItem(key) ?? '[]') as [number, Routine][];
    } catch {
      return [];
    }
  };
  return {
    get: (id) => read().find(([k]) => k === id)?.[1],
    put: (id, routine) => {
      const rest = read().filter(([k]) => k !== id);
      storage.setItem(key, JSON.stringify([[id, routine], ...rest].slice(0, keep)));
    },
  };
}

export const planIdOfRoutine = (r: Routine): number => planIdOf(encodePlan(compile(r)));

/** The routine an entry ran: remembered at upload, else any known routine whose plan matches. */
export function findRoutine(planId: number, memory: PlanMemory, known: Routine[]): Routine | undefined {
  const remembered = memory.get(planId);
  if (remembered) return remembered;
  for (const r of [...known, ...BUILT_INS.map((b) => b.routine)]) {
    try {
      if (planIdOfRoutine(r) === planId) return r;
    } catch {
      // A routine the watch cannot take was never uploaded.
    }
  }
  return undefined;
}

export const sessionIdOf = (e: LogEntry): string => `watch-${e.id}-${e.startedAt}`;

export function sessionFromLog(e: LogEntry, routine: Routine): SessionInput {
  const timeline = compile(routine);
  const activeMs = e.activeS * 1000;
  const done = e.outcome === OUTCOME.DONE;
  const stepsDone = done ? timeline.segments.length : timeline.segments.filter((s) => s.startMs + s.durationMs <= activeMs).length;
  const startedAt = e.startedAt * 1000;
  return {
    id: sessionIdOf(e),
    plan: routine,
    startedAt,
    // The watch logs active time only; pauses are not in the entry.
    endedAt: startedAt + activeMs,
    stepsDone,
    totalSteps: timeline.segments.length,
    outcome: done ? 'completed' : 'stopped-early',
    source: 'watch',
  };
}

/** localStorage where the page may use it, else memory only (private modes that forbid storage). */
export function browserPlans(): PlanMemory {
  try {
    return localPlans(globalThis.localStorage);
  } catch {
    return memoryPlans();
  }
}

/** The two exchanges the sync needs: the next log entry (null when none is left), and its ack. */
export interface LogChannel {
  next(): Promise<WatchLogEntry | null>;
  ack(id: number): Promise<void>;
}

export interface SyncResult {
  /** Sessions newly stored in history. */
  added: number;
  /** Implausible entries: acknowledged (the watch deletes them) and kept out of history. */
  refused: number;
  /** Why the last refused entry was refused (judgeEntry's words); null when none was. */
  lastReason: string | null;
  /** Stopped at an entry whose routine is unknown (left on the watch, not acknowledged). */
  unknown: boolean;
  /** Stopped at MAX_ENTRIES_PER_SYNC: the watch may hold more, read at the next sync. */
  more: boolean;
}

/**
 * Drains the watch's log, at most `max` entries: each plausible entry is committed to history
 * (idempotent by id) BEFORE it is acknowledged, so a drop at any point loses nothing and
 * duplicates nothing; an implausible one (judgeEntry) is acknowledged without being stored.
 * Stops at an entry whose routine is unknown (`unknown`: left on the watch, not acknowledged).
 */
export async function syncEntries(
  ch: LogChannel,
  data: Pick<UnknotData, 'sessions'> & { routines?: Pick<UnknotData['routines'], 'list'> },
  plans: PlanMemory,
  opts: {
    context?: () => EntryContext;
    max?: number;
    /** Called after each refused entry was acknowledged (the count survives a sync that fails later). */
    onRefused?: (reason: string) => void;
  } = {},
): Promise<SyncResult> {
  const context = opts.context ?? (() => ({ nowMs: Date.now(), clockOffsetMs: null }));
  const max = opts.max ?? MAX_ENTRIES_PER_SYNC;
  // Read only when an entry's plan was not remembered at upload: most syncs find no entry at all.
  let known: Routine[] | undefined;
  const knownRoutines = async () => (known ??= data.routines ? (await data.routines.list()).map((r) => r.routine) : []);
  const seen = new Set<number>();
  // One compile per routine, not per entry: a full sync of one routine's sessions compiles it once.
  const facts = new Map<number, PlanFacts>();
  const factsOf = (planId: number, r: Routine): PlanFacts => {
    let f = facts.get(planId);
    if (!f) {
      const t = compile(r);
      f = { totalMs: t.totalMs, steps: t.segments.length };
      facts.set(planId, f);
    }
    return f;
  };
  const result: SyncResult = { added: 0, refused: 0, lastReason: null, unknown: false, more: false };
  for (let n = 0; ; n++) {
    if (n === max) {
      result.more = true;
      break;
    }
    const entry = await ch.next();
    if (!entry) break;
    if (seen.has(entry.id)) throw new Error('The watch keeps sending the same session after it was acknowledged.');
    seen.add(entry.id);
    const routine = plans.get(entry.planId) ?? findRoutine(entry.planId, plans, await knownRoutines());
    if (!routine) return { ...result, unknown: true };
    const verdict = judgeEntry(entry, factsOf(entry.planId, routine), context());
    if (verdict.ok && (await data.sessions.add(sessionFromLog(entry, routine))).added) result.added++;
    await ch.ack(entry.id);
    if (!verdict.ok) {
      result.refused++;
      result.lastReason = verdict.reason;
      opts.onRefused?.(verdict.reason);
    }
  }
  return result;
}
