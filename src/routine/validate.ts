/**
 * Validation of routines with valibot (≈3 KB of tree-shaken code instead of a hand-written
 * walker): strict objects reject unknown fields, and every message names the rule and the value,
 * so `formatIssues` can print `exercises[1].hold: must be 1–120 s, got 0`.
 */
import * as v from 'valibot';
import { LIMITS, type Routine } from './model';
import type { PoseChoice } from '../poses/catalogue';

/** One problem, at one place: `path` is like `exercises[1].hold` (empty for the whole value). */
export interface FieldError {
  path: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Shows a received value briefly: numbers as they are, strings quoted and cut to 40 characters. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const typed = (what: string) => (issue: v.BaseIssue<unknown>) => `must be ${what}, got ${shown(issue.input)}`;

/** 1e309 parses as Infinity: say it is too large (or small), not that it is missing or not whole. */
const finite = (range: string) =>
  v.check((n: number) => Number.isFinite(n), (issue) => `is too ${(issue.input as number) > 0 ? 'large' : 'small'}: must be ${range}`);

export const seconds = (min: number, max: number) => {
  const range = (issue: v.BaseIssue<unknown>) => `must be ${min}–${max} s, got ${shown(issue.input)}`;
  return v.pipe(
    v.number(typed('a number of seconds')),
    finite(`${min}–${max} s`),
    v.integer(typed('a whole number of seconds')),
    v.minValue(min, range),
    v.maxValue(max, range),
  );
};

export const count = (min: number, max: number) => {
  const range = (issue: v.BaseIssue<unknown>) => `must be ${min}–${max}, got ${shown(issue.input)}`;
  return v.pipe(v.number(typed('a number')), finite(`${min}–${max}`), v.integer(typed('a whole number')), v.minValue(min, range), v.maxValue(max, range));
};

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they can make
 * a name read backwards or hide part of it ("Trojan Source"); no name or note needs them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
/** What shows nothing on its own: format characters (zero-width space, joiners, BOM…), spaces, controls, lone marks, blank fillers. */
const INVISIBLE = /[\p{Cf}\p{Z}\p{Cc}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** Refuses bidirectional controls in any free text. */
export const noBidiControls = v.check<string, string>((s) => !BIDI_CONTROLS.test(s), 'must not contain text-direction control characters (U+202A–U+202E, U+2066–U+2069)');

export const text = (min: number, max: number) => {
  const size = (issue: v.BaseIssue<unknown>) =>
    `must be ${min}–${max} characters, got ${typeof issue.input === 'string' ? issue.input.length : shown(issue.input)}`;
  return v.pipe(
    v.string(typed('text')),
    v.trim(),
    v.minLength(min, size),
    v.maxLength(max, size),
    noBidiControls,
    // A name of only zero-width characters would look empty everywhere it is shown.
    v.check((s) => min === 0 || s.replace(INVISIBLE, '') !== '', 'must contain a visible character'),
  );
};

export const id = v.pipe(
  v.string(typed('text')),
  v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, typed('1–64 lowercase letters, digits or dashes')),
);

/** strictObject reports both a non-object and an unknown key through one message. */
export const objectMessage = (issue: v.BaseIssue<unknown>): string =>
  issue.expected === 'never' ? 'unknown field' : `must be an object, got ${shown(issue.input)}`;

const side = v.picklist(['right', 'left'], typed('"right" or "left"'));

// The name's shape only: this file loads at start-up, the list of pictures does not. Import
// (src/data/transfer.ts) refuses a name that is not in the set; the editor offers only those.
const poseName = v.pipe(v.string(typed('text')), v.regex(/^[a-z-]{1,30}$/, (i) => `must name a picture of the pose set, got ${shown(i.input)}`));
const pose = v.optional(poseName as v.GenericSchema<string, PoseChoice>);

const exercise = v.strictObject(
  {
    id,
    name: text(LIMITS.nameLength.min, LIMITS.nameLength.max),
    steps: v.pipe(
      v.array(text(1, LIMITS.stepLength.max), typed('a list of steps')),
      v.maxLength(LIMITS.steps.max, (i) => `must have at most ${LIMITS.steps.max} steps, got ${shown(i.input)}`),
    ),
    sides: v.pipe(
      v.array(side, typed('a list of sides')),
      v.maxLength(2, (i) => `must list each side at most once, got ${shown(i.input)}`),
      v.check((s) => new Set(s).size === s.length, 'must list each side at most once'),
    ),
    grouping: v.picklist(['alternate', 'block'], typed('"alternate" or "block"')),
    repetitions: count(LIMITS.repetitions.min, LIMITS.repetitions.max),
    setup: seconds(LIMITS.transition.min, LIMITS.transition.max),
    move: seconds(LIMITS.transition.min, LIMITS.transition.max),
    hold: seconds(LIMITS.hold.min, LIMITS.hold.max),
    openHold: v.optional(v.boolean(typed('true or false'))),
    back: seconds(LIMITS.transition.min, LIMITS.transition.max),
    rest: seconds(LIMITS.transition.min, LIMITS.transition.max),
    setupLabel: text(LIMITS.labelLength.min, LIMITS.labelLength.max),
    moveLabel: text(LIMITS.labelLength.min, LIMITS.labelLength.max),
    backLabel: text(LIMITS.labelLength.min, LIMITS.labelLength.max),
    poses: v.optional(v.strictObject({ setup: pose, hold: pose, back: pose }, objectMessage)),
  },
  objectMessage,
);

export const routineSchema = v.pipe(
  v.strictObject(
    {
      id,
      name: text(LIMITS.nameLength.min, LIMITS.nameLength.max),
      summary: v.pipe(
        v.string(typed('text')),
        v.maxLength(LIMITS.summaryLength.max, (i) => `must be at most ${LIMITS.summaryLength.max} characters, got ${(i.input as string).length}`),
        noBidiControls,
      ),
      prescription: v.strictObject(
        {
          timesPerDay: count(LIMITS.timesPerDay.min, LIMITS.timesPerDay.max),
          when: v.picklist(['any', 'morning', 'evening', 'as-needed'], typed('"any", "morning", "evening" or "as-needed"')),
        },
        objectMessage,
      ),
      restBetween: seconds(LIMITS.transition.min, LIMITS.transition.max),
      exercises: v.pipe(
        v.array(exercise, typed('a list of exercises')),
        v.minLength(LIMITS.exercises.min, (i) => `must have ${LIMITS.exercises.min}–${LIMITS.exercises.max} exercises, got ${shown(i.input)}`),
        v.maxLength(LIMITS.exercises.max, (i) => `must have ${LIMITS.exercises.min}–${LIMITS.exercises.max} exercises, got ${shown(i.input)}`),
      ),
    },
    objectMessage,
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const seen = new Set<string>();
    dataset.value.exercises.forEach((ex, i) => {
      if (seen.has(ex.id)) {
        addIssue({
          message: `duplicate exercise id ${shown(ex.id)}`,
          path: [
            { type: 'object', origin: 'value', input: dataset.value, key: 'exercises', value: dataset.value.exercises },
            { type: 'array', origin: 'value', input: dataset.value.exercises, key: i, value: ex },
          ],
        });
      }
      seen.add(ex.id);
    });
  }),
);

/** `exercises[1].hold` from valibot's path. */
export function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out;
}

export function toErrors(issues: readonly v.BaseIssue<unknown>[]): FieldError[] {
  return issues.map((issue) => {
    const path = pathOf(issue);
    // A missing field reaches us as "got undefined" on the field's own path.
    const message = issue.input === undefined && issue.kind === 'schema' ? 'is required' : issue.message;
    return { path, message };
  });
}

/** Lines like `exercises[1].hold: must be 1–120 s, got 0`. */
export function formatErrors(errors: FieldError[]): string[] {
  return errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
}

/** Checks an unknown value (from the editor, an import or storage) against the routine rules. */
export function validateRoutine(input: unknown): Validated<Routine> {
  const result = v.safeParse(routineSchema, input, { abortPipeEarly: true });
  return result.success ? { ok: true, value: result.output } : { ok: false, errors: toErrors(result.issues) };
}
