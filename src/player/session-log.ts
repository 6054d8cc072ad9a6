/**
 * The life cycle of a phone session's history record, saved as it happens (pure: no clock, no
 * storage; every method takes `now` and returns the SessionInput to write, or null).
 *
 * - Start: the record is created at once, as `stopped-early` with `inProgress: true` and no step
 *   done. Whatever happens next (a closed tab, a killed browser), history already holds it.
 * - Each completed step: stepsDone and endedAt (the last sign of life) move on.
 * - Pause / resume: written too; the paused time goes to `pausedMs`, not exercise time.
 * - The end (done, or stopped on purpose): `completed` or `stopped-early`, `inProgress` cleared.
 * - Continue (the page was closed and reopened within CONTINUE_WINDOW_MS of the last save): the
 *   SAME record goes on from its first unfinished step; the gap since its last save is a pause.
 */
import type { Routine } from '../routine/index';
import type { SessionInput } from '../data/api';
import type { HiddenCues, SessionRecord } from '../data/schema';

/** How long after its last save an interrupted session can still be continued. */
export const CONTINUE_WINDOW_MS = 10 * 60_000;

/** What the record is written with: a SessionInput that always has its id. */
export type SessionSave = SessionInput & { id: string };

export interface SessionBegin {
  id: string;
  plan: Routine;
  totalSteps: number;
  painBefore?: number;
}

export class SessionLog {
  private _pausedSince: number | null = null;

  private constructor(private _rec: SessionSave) {}

  /** A new session, saved at Start. */
  static begin(start: SessionBegin, now: number): SessionLog {
    const rec: SessionSave = {
      id: start.id,
      plan: start.plan,
      startedAt: now,
      endedAt: now,
      stepsDone: 0,
      totalSteps: start.totalSteps,
      outcome: 'stopped-early',
      source: 'phone',
      inProgress: true,
    };
    if (start.painBefore !== undefined) rec.painBefore = start.painBefore;
    return new SessionLog(rec);
  }

  /**
   * Continues an interrupted record (see continueOffer): the time since its last save counts as
   * a pause. The caller plays on from step `record.stepsDone`.
   */
  static continue(record: SessionRecord, plan: Routine, now: number): SessionLog {
    const { routineId: _r, planId: _p, ...rest } = record;
    const at = Math.max(now, record.endedAt);
    const log = new SessionLog({ ...rest, plan, endedAt: at, inProgress: true, outcome: 'stopped-early' });
    log._addPause(at - record.endedAt);
    return log;
  }

  /** What to write now. */
  get input(): SessionSave {
    return structuredClone(this._rec);
  }

  get id(): string {
    return this._rec.id;
  }

  /** True once finished (done or stopped on purpose). */
  get ended(): boolean {
    return !this._rec.inProgress;
  }

  /** The engine's stepsDone changed: a save when it moved forward, null otherwise. */
  progress(stepsDone: number, now: number): SessionSave | null {
    if (this.ended || stepsDone <= this._rec.stepsDone) return null;
    this._rec.stepsDone = Math.min(stepsDone, this._rec.totalSteps);
    this._touch(now);
    return this.input;
  }

  paused(now: number): SessionSave | null {
    if (this.ended || this._pausedSince !== null) return null;
    this._touch(now);
    this._pausedSince = this._rec.endedAt;
    return this.input;
  }

  resumed(now: number): SessionSave | null {
    if (this.ended || this._pausedSince === null) return null;
    this._touch(now);
    return this.input;
  }

  /** The page was hidden and cues suffered: noted on the record (summed over spells). */
  noteHidden(spell: HiddenCues, now: number): SessionSave | null {
    const h = this._rec.hiddenCues ?? { hiddenMs: 0, late: 0, missed: 0 };
    this._rec.hiddenCues = { hiddenMs: h.hiddenMs + spell.hiddenMs, late: h.late + spell.late, missed: h.missed + spell.missed };
    if (this.ended) return this.input;
    this._touch(now);
    return this.input;
  }

  /** The pain score after the session (undefined clears it): the same record, whole. */
  painAfter(value: number | undefined): SessionSave {
    if (value === undefined) delete this._rec.painAfter;
    else this._rec.painAfter = value;
    return this.input;
  }

  /** The routine reached its end (`completed`) or was stopped on purpose. */
  finish(result: { stepsDone: number; completed: boolean }, now: number): SessionSave {
    this._touch(now);
    this._rec.stepsDone = result.completed ? this._rec.totalSteps : Math.min(result.stepsDone, this._rec.totalSteps);
    this._rec.outcome = result.completed ? 'completed' : 'stopped-early';
    delete this._rec.inProgress;
    return this.input;
  }

  /** endedAt = now, closing any pause in progress (time never runs backwards in the record). */
  private _touch(now: number): void {
    const at = Math.max(now, this._rec.endedAt);
    if (this._pausedSince !== null) {
      this._addPause(at - this._pausedSince);
      this._pausedSince = null;
    }
    this._rec.endedAt = at;
  }

  private _addPause(ms: number): void {
    if (ms > 0) this._rec.pausedMs = (this._rec.pausedMs ?? 0) + ms;
  }
}

/** "End it": the interrupted record stays stopped early, and is no longer offered. */
export function endInterrupted(record: SessionRecord, plan: Routine): SessionSave {
  const { routineId: _r, planId: _p, inProgress: _i, ...rest } = record;
  return { ...rest, plan, outcome: 'stopped-early' };
}

export interface ContinueOffer {
  record: SessionRecord;
  /** The step to continue from (its index in the timeline's segments). */
  stepIndex: number;
}

/**
 * The interrupted session of `routineId` that may still be continued at `now`: a phone record
 * still marked in progress, saved less than CONTINUE_WINDOW_MS ago, with a step left to do.
 * `runningId` (this page's own session) is never offered.
 */
export function continueOffer(records: readonly SessionRecord[], routineId: string, now: number, runningId?: string): ContinueOffer | null {
  let best: SessionRecord | null = null;
  for (const r of records) {
    if (r.source !== 'phone' || !r.inProgress || r.routineId !== routineId || r.id === runningId) continue;
    if (r.stepsDone >= r.totalSteps || now - r.endedAt > CONTINUE_WINDOW_MS) continue;
    if (!best || r.endedAt > best.endedAt) best = r;
  }
  return best ? { record: best, stepIndex: best.stepsDone } : null;
}
