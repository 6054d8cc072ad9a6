/**
 * The routine model: what a user can express, and nothing about screens or devices.
 *
 * An exercise is a number of repetitions. In each repetition the body goes to one side (or
 * to none), holds, and comes back to center; with two sides the order is chosen by the
 * routine. Every duration is in whole seconds, because that is how people count a hold.
 */

import type { PoseChoice } from '../poses/catalogue';
import type { Side } from './side';

export type { Side } from './side';

/**
 * How the repetitions of a two-sided exercise are grouped:
 * - `alternate`: each repetition visits every side in order (R, L, R, L, ...);
 * - `block`: all repetitions on the first side, then all on the second.
 */
export type SideGrouping = 'alternate' | 'block';

/**
 * When in the day the routine is meant to be done. `as-needed`: no set frequency ("when needed"):
 * `timesPerDay` is then not a target, and history and reports count no adherence for it.
 */
export type TimeOfDay = 'any' | 'morning' | 'evening' | 'as-needed';

/** Sessions a day the prescription asks for: 0 for a routine done only when needed. */
export const dailyTarget = (p: Prescription): number => (p.when === 'as-needed' ? 0 : p.timesPerDay);

export interface Prescription {
  /** How many sessions a day: 1–12. */
  timesPerDay: number;
  /** Preferred time of day. */
  when: TimeOfDay;
}

export interface Exercise {
  id: string;
  /** Shown in lists and on the watch: 1–60 characters. */
  name: string;
  /** How to do it, step by step, in our own words. */
  steps: string[];
  /** Sides in the order they are done; empty for a movement with no side. */
  sides: Side[];
  grouping: SideGrouping;
  /** 1–50. */
  repetitions: number;
  /** Seconds to get into the starting position, once per exercise: 0–60. */
  setup: number;
  /** Seconds to move toward a side: 0–60. */
  move: number;
  /** Seconds to hold: 1–120; with `openHold`, the most it waits. */
  hold: number;
  /**
   * An open-ended hold: it lasts until the user says "next" (a tap on the phone, a press on the
   * watch), and moves on by itself after `hold` seconds. Absent means a fixed hold.
   */
  openHold?: boolean;
  /** Seconds to come back to center: 0–60. */
  back: number;
  /** Seconds of rest between repetitions: 0–60. */
  rest: number;
  /** What the voice and screen call the starting position, e.g. "Knees to chest". */
  setupLabel: string;
  /** The movement toward a side, e.g. "Twist" (spoken as "Twist right"). */
  moveLabel: string;
  /** Coming back, e.g. "Back to center". */
  backLabel: string;
  /** Pictures of the positions (optional; see src/poses). */
  poses?: ExercisePoses;
}

/**
 * The picture of each phase of an exercise, any of them left out for none. The move shows the
 * hold's picture (where it goes); back falls back to the get-ready picture; a rest shows the next.
 */
export interface ExercisePoses {
  setup?: PoseChoice;
  hold?: PoseChoice;
  back?: PoseChoice;
}

export interface Routine {
  id: string;
  /** 1–60 characters. */
  name: string;
  summary: string;
  prescription: Prescription;
  /** Seconds of rest between two exercises: 0–60. */
  restBetween: number;
  /** 1–20 exercises. */
  exercises: Exercise[];
}

/** The limits the validator enforces, in one place so the UI can show them too. */
export const LIMITS = {
  nameLength: { min: 1, max: 60 },
  labelLength: { min: 1, max: 40 },
  summaryLength: { max: 500 },
  stepLength: { max: 300 },
  steps: { max: 12 },
  hold: { min: 1, max: 120 },
  /** The maximum an open-ended hold gets when it is switched on in the editor. */
  openHoldDefault: 60,
  transition: { min: 0, max: 60 },
  repetitions: { min: 1, max: 50 },
  exercises: { min: 1, max: 20 },
  timesPerDay: { min: 1, max: 12 },
  idLength: { min: 1, max: 64 },
} as const;
