/**
 * The data layer's public surface, kept small and stable: the player, the watch link and the UI
 * use only this. `openUnknotDb()` (db.ts) returns an `UnknotData`.
 */
import type { Routine } from '../routine';
import type { RoutineRecord, SessionRecord, Settings } from './schema';

/**
 * What the player or the watch link hands over when a session ends: a SessionRecord's own fields,
 * with the routine as played instead of the ids the store derives from it.
 */
export type SessionInput = Omit<SessionRecord, 'id' | 'routineId' | 'planId' | 'flag'> & {
  /** Give one when the source has its own (the watch's log entry id) so a resend is not counted twice. */
  id?: string;
  /** The routine exactly as played; stored once per version and shared (see schema.ts). */
  plan: Routine;
};

/** The fields of a stored session the user may correct later. */
export type SessionAmendment = Partial<Pick<SessionRecord, 'painBefore' | 'painAfter' | 'note' | 'felt'>>;

/** Per-routine figures over a time range. */
export interface RoutineStats {
  routineId: string;
  sessions: number;
  completed: number;
  /** completed / sessions, 0–1. */
  completionRate: number;
  /** Total minutes of exercise (endedAt - startedAt - pausedMs). */
  minutes: number;
  /** Mean of (painBefore - painAfter) over sessions that have both; null when none do. */
  meanPainDrop: number | null;
  /** Sessions that have both pain values. */
  withPain: number;
  lastAt: number | null;
}

/** Epoch-millisecond range, `from` inclusive, `to` exclusive; both optional. */
export interface TimeRange {
  from?: number;
  to?: number;
}

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export interface ImportResult extends MergeCounts {
  routines: MergeCounts;
  sessions: MergeCounts;
  plans: MergeCounts;
  settings: 'updated' | 'unchanged';
}

/** Events the UI shows; see DataEvents in db.ts. */
export type DataEvent =
  | { type: 'blocked' } // another tab with an older version is open: ask the user to close it
  | { type: 'blocking' } // a newer version wants to upgrade: we closed; ask the user to reload
  | { type: 'terminated' } // the browser closed the database: ask the user to reload
  | { type: 'first-save'; persisted: boolean }; // navigator.storage.persist() was asked

export interface UnknotData {
  routines: {
    /** Not deleted, sorted by name. `includeDeleted` also lists the ones that can be restored. */
    list(opts?: { includeDeleted?: boolean }): Promise<RoutineRecord[]>;
    get(id: string): Promise<RoutineRecord | undefined>;
    /**
     * Validates, then creates or updates. Throws DataError with field errors when invalid.
     * `baseUpdatedAt`: the `updatedAt` of the record the edit started from (the editor passes
     * it). If the stored routine changed since, or was deleted, nothing is written and it
     * throws ConflictError: another tab's change is never overwritten, a deleted routine never
     * brought back, without the user knowing.
     */
    put(routine: Routine, opts?: { baseUpdatedAt?: number }): Promise<RoutineRecord>;
    /** Soft delete (undo with restore). */
    remove(id: string): Promise<void>;
    restore(id: string): Promise<RoutineRecord>;
    /** A user copy with a new id and "(copy)" name, `basedOn` the original. */
    duplicate(id: string): Promise<RoutineRecord>;
    /** Back to the shipped version of a built-in, undeleted. */
    resetBuiltIn(id: string): Promise<RoutineRecord>;
  };
  sessions: {
    /** Idempotent per id: returns `added: false` when a session with that id is already stored. */
    add(input: SessionInput): Promise<{ record: SessionRecord; added: boolean }>;
    /**
     * Creates or replaces the session with `input.id` (required): the phone player saves its
     * record at Start and after every step, so a closed page never loses it.
     */
    save(input: SessionInput & { id: string }): Promise<SessionRecord>;
    /** Many at once (a watch backlog), in one transaction: all are stored or none. Ids already stored are skipped. */
    addMany(inputs: SessionInput[]): Promise<{ added: number; skipped: number }>;
    /** By start time, oldest first. */
    list(range?: TimeRange): Promise<SessionRecord[]>;
    get(id: string): Promise<SessionRecord | undefined>;
    /** The routine a session was played from. */
    plan(planId: string): Promise<Routine | undefined>;
    remove(id: string): Promise<void>;
    /**
     * Records the pain score given after a session that was already saved (the player saves as
     * soon as a session ends, so the screen going off never loses it). 0–10, or undefined to clear.
     */
    setPainAfter(id: string, painAfter: number | undefined): Promise<SessionRecord>;
    /**
     * Corrects what the user said about a past session: pain before/after, note, how it felt.
     * A key present with `undefined` clears that field; absent keys are kept. Validated like a
     * new session; the flag is recomputed from the resulting pain scores.
     */
    amend(id: string, patch: SessionAmendment): Promise<SessionRecord>;
    stats(routineId: string, range?: TimeRange): Promise<RoutineStats>;
  };
  settings: {
    get(): Promise<Settings>;
    update(patch: Partial<Settings>): Promise<Settings>;
  };
  /** The whole database as one JSON text ("unknot-export"). */
  exportAll(): Promise<string>;
  /** Validates everything first; on any problem throws ImportError and changes nothing. */
  importAll(text: string): Promise<ImportResult>;
  /**
   * Deletes the whole database (routines, sessions, plans, settings) and closes this handle; other
   * tabs are asked to let go (they close and tell the user to reload). Built-ins are seeded again
   * the next time the app opens. See erase.ts for everything else the app keeps.
   */
  deleteDatabase(): Promise<void>;
  /** Subscribe to DataEvents; returns an unsubscribe function. */
  on(listener: (event: DataEvent) => void): () => void;
  close(): void;
}
