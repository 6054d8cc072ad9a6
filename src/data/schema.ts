/**
 * What Unknot keeps in IndexedDB: the record types and the typed idb schema of the CURRENT
 * version. Older shapes live only in migrations.ts, next to the code that upgrades them.
 *
 * Plan snapshots: a session points (`planId`) at the exact Routine it was played from, kept
 * once in the `plans` store and shared by every session played from that same version.
 * - A Routine, not a Timeline: compile() is deterministic, so the Timeline is reproducible from
 *   it; a Routine is 0.4–1 KB where its Timeline is 5–8 KB; and it is validated on import by the
 *   routine engine's own schema.
 * - Shared, not inline: ten years of sessions (11,000) with an inline copy each would make an
 *   export of ≈13 MB, past the 10 MB import limit; shared, it is ≈3 MB, and the per-routine
 *   statistics cursor reads ≈200-byte records instead of kilobytes.
 */
import type { DBSchema } from 'idb';
import type { CueType, Routine } from '../routine';
import type { SessionFlag } from '../safety/session-flag';

export const DB_NAME = 'unknot';
/** Bump with a new `if (oldVersion < N)` step in migrations.ts. */
export const DB_VERSION = 4;

/** A routine as stored: the engine's Routine plus where it came from and its life cycle. */
export interface RoutineRecord {
  routine: Routine;
  /** `builtin`: seeded by the app (same id as in BUILT_INS); `user`: created or duplicated by the user. */
  origin: 'builtin' | 'user';
  /** For built-ins: the BUILT_INS version this copy holds (or was edited from). */
  builtinVersion?: number;
  /** For built-ins: true once the user changed it; upgrades then leave it alone. */
  edited: boolean;
  /** For a duplicate: the id of the routine it was copied from. */
  basedOn?: string;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** Set by remove(): hidden from lists but kept, so the user can undo. */
  deletedAt?: number;
}

/** One version of a routine as it was played (see the note at the top). */
export interface PlanRecord {
  /** `<routineId>@<hash of the routine>`. */
  id: string;
  routineId: string;
  routine: Routine;
}

export type SessionOutcome = 'completed' | 'stopped-early';
/** How a session felt compared with the last one, as the user said after it. */
export type SessionFelt = 'easier' | 'same' | 'harder';
export type SessionSource = 'phone' | 'watch';

/** One session, as recorded by the phone player or synced from the watch. */
export interface SessionRecord {
  /** Unique and stable: the watch resends a log entry until acknowledged, so add() is idempotent per id. */
  id: string;
  routineId: string;
  /** The PlanRecord it was played from. */
  planId: string;
  /** Epoch milliseconds. */
  startedAt: number;
  endedAt: number;
  /** Timeline segments finished, out of totalSteps. */
  stepsDone: number;
  totalSteps: number;
  outcome: SessionOutcome;
  source: SessionSource;
  /** 0–10, optional. */
  painBefore?: number;
  painAfter?: number;
  /** Up to 1,000 characters (the app lets the user write 500; imports may hold older, longer ones). */
  note?: string;
  /**
   * Phone sessions: time between startedAt and endedAt that was not exercise (pauses, and the gap
   * before a session was continued after the page closed). Absent = 0. See exerciseMs().
   */
  pausedMs?: number;
  /**
   * Phone sessions are saved as they happen: true while the session may still be under way.
   * Cleared when it ends on purpose (done, stopped, "End it"); a record still marked so when
   * another page reads it was cut off (closed tab, killed browser) at its last save.
   */
  inProgress?: boolean;
  /** The page was hidden or frozen and cues came late or not at all (sums over such spells). */
  hiddenCues?: HiddenCues;
  /** "Easier / same / harder than last time", optional (since version 4). */
  felt?: SessionFelt;
  /**
   * Set by the sessions store from the pain scores whenever they are written (src/safety's
   * sessionFlag): the session ended with pain high or rising, and the user was told to stop for
   * today. Kept, not derived on read, so a later change of the rule never rewrites what the user
   * was told; correcting the scores recomputes it. Since version 4.
   */
  flag?: SessionFlag;
}

/** What a hidden or frozen page cost a phone session's cues. */
export interface HiddenCues {
  /** How long the page was hidden, summed over the spells that cost cues. */
  hiddenMs: number;
  /** Cues played late (but under a second, see the stale-cue rule). */
  late: number;
  /** Cues never played (too late to be right). */
  missed: number;
}

/** Exercise time of a session: its span minus the pauses in it. */
export const exerciseMs = (s: Pick<SessionRecord, 'startedAt' | 'endedAt' | 'pausedMs'>): number => Math.max(0, s.endedAt - s.startedAt - (s.pausedMs ?? 0));

/** Sums over one routine's sessions in one UTC calendar month (see summaries.ts). */
export interface MonthSummary {
  routineId: string;
  /** Epoch ms of the month's first instant, UTC. */
  month: number;
  sessions: number;
  completed: number;
  /** Total duration, milliseconds. */
  ms: number;
  withPain: number;
  /** Sum of (painBefore - painAfter) over the sessions with both. */
  painDrop: number;
  lastAt: number | null;
}

/** A daily reminder for one routine. */
export interface Reminder {
  routineId: string;
  /** "HH:MM", 24-hour, local time. */
  times: string[];
  enabled: boolean;
}

export type Theme = 'system' | 'light' | 'dark';

export interface Settings {
  /**
   * Vibration pattern per cue: milliseconds alternating on, off, on...; an empty list means no
   * buzz for that cue. Used by both the phone's vibration and the watch motor.
   */
  cuePatterns: Record<CueType, number[]>;
  /** Motor strength 0.1–1 (the watch's Bangle.buzz strength). */
  cueStrength: number;
  voice: boolean;
  beeps: boolean;
  phoneVibration: boolean;
  /** A spoken 3-2-1 at the end of the get-ready and before each fixed hold ends. */
  countdown: boolean;
  /** The device voice to speak with (its voiceURI); absent: the browser's default for the language. */
  speechVoice?: string;
  /** Speaking rate 0.7–1.3 (1 = the voice's normal speed); the script's phrase lengths follow it. */
  speechRate?: number;
  /** A breathing prompt at the start of holds of 5 s or more. */
  breathing?: boolean;
  theme: Theme;
  largeText: boolean;
  reminders: Reminder[];
  /** Implausible sessions the watch sent and the phone refused (src/watch-link/trust.ts): how many, and why the last one. */
  watchRefused?: { count: number; last: string };
  /** The name printed on the report for the physiotherapist (optional; kept on this phone, never sent anywhere). */
  patientName?: string;
  /** The paired Bangle.js, if any. */
  watch?: { id: string; name: string };
}

export const DEFAULT_SETTINGS: Settings = {
  cuePatterns: {
    'hold-start': [200],
    'hold-end': [100, 120, 100],
    'switch-side': [600],
    'rep-done': [],
    'exercise-done': [300, 150, 300],
    'routine-done': [600, 200, 600, 200, 600],
  },
  cueStrength: 1,
  voice: true,
  beeps: true,
  phoneVibration: true,
  countdown: true,
  speechRate: 1,
  breathing: false,
  theme: 'system',
  largeText: false,
  reminders: [],
};

/** The key of the one settings record. */
export const SETTINGS_KEY = 'app';

/** The current schema (version DB_VERSION). */
export interface UnknotDB extends DBSchema {
  routines: { key: string; value: RoutineRecord };
  plans: { key: string; value: PlanRecord };
  sessions: {
    key: string;
    value: SessionRecord;
    indexes: { byStartedAt: number; byRoutine: [string, number] };
  };
  settings: { key: string; value: Settings };
  /** Derived from sessions, never exported; rebuilt whenever a month's sessions change. */
  months: { key: [string, number]; value: MonthSummary };
}
