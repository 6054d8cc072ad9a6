/**
 * valibot schemas for everything the data layer stores, built from the routine engine's own
 * helpers so a stored or imported record obeys the same rules as the editor. Strict objects:
 * an unknown field is an error, not silently kept.
 */
import * as v from 'valibot';
import { CUE_TYPES } from '../routine';
import { count, id, noBidiControls, objectMessage, routineSchema, shown, text, toErrors, type Validated } from '../routine/validate';

const typed = (what: string) => (issue: v.BaseIssue<unknown>) => `must be ${what}, got ${shown(issue.input)}`;
/** A non-object where an object belongs is a wrong type; an extra key is an unknown field. */
const unknownField = objectMessage;

/**
 * The last instant a stored time may have: the first of January of the year 10000, UTC. The Date
 * range goes on to 275760, but the monthly summaries need the month after a session's month to
 * be a valid date too, and no session of ours happens after the year 9999.
 */
export const MAX_TIME = Date.UTC(10000, 0, 1) - 1;

/** Epoch milliseconds, 1970 to the end of 9999. */
export const timestamp = v.pipe(
  v.number(typed('a time in epoch milliseconds')),
  v.integer(typed('a whole number of milliseconds')),
  v.minValue(0, typed('a time after 1970')),
  v.maxValue(MAX_TIME, typed('a date before the year 10000')),
);

/** Session ids come from crypto.randomUUID() or from the watch's log. */
export const sessionId = v.pipe(v.string(typed('text')), v.regex(/^[A-Za-z0-9_-]{1,64}$/, typed('1–64 letters, digits, "-" or "_"')));
export const planId = v.pipe(v.string(typed('text')), v.regex(/^[a-z0-9][a-z0-9-]{0,63}@[a-z0-9]{1,16}(~[0-9]{1,4})?$/, typed('a plan id like "routine-id@hash"')));

const pain = count(0, 10);
export const NOTE_MAX = 1000;
/** What the app lets the user write after a session (NOTE_MAX still admits older, longer notes). */
export const NOTE_INPUT_MAX = 500;

const sessionFields = {
  startedAt: timestamp,
  endedAt: timestamp,
  stepsDone: count(0, 100_000),
  totalSteps: count(0, 100_000),
  outcome: v.picklist(['completed', 'stopped-early'], typed('"completed" or "stopped-early"')),
  source: v.picklist(['phone', 'watch'], typed('"phone" or "watch"')),
  painBefore: v.optional(pain),
  painAfter: v.optional(pain),
  note: v.optional(v.pipe(v.string(typed('text')), v.maxLength(NOTE_MAX, (i) => `must be at most ${NOTE_MAX} characters, got ${(i.input as string).length}`), noBidiControls)),
  pausedMs: v.optional(count(0, 8.64e15)),
  inProgress: v.optional(v.boolean(typed('true or false'))),
  hiddenCues: v.optional(
    v.strictObject({ hiddenMs: count(0, 8.64e15), late: count(0, 1_000_000), missed: count(0, 1_000_000) }, unknownField),
  ),
  felt: v.optional(v.picklist(['easier', 'same', 'harder'], typed('"easier", "same" or "harder"'))),
};
/** Only a stored session carries a flag: the store computes it, a new session never brings one. */
const flagField = { flag: v.optional(v.picklist(['pain-high', 'pain-rose'], typed('"pain-high" or "pain-rose"'))) };

/** Cross-field rules shared by a new session and an imported one. */
function sessionRules<T extends { startedAt: number; endedAt: number; stepsDone: number; totalSteps: number; pausedMs?: number }>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const s = dataset.value;
    const at = (key: 'endedAt' | 'stepsDone' | 'pausedMs'): [v.ObjectPathItem] => [
      { type: 'object', origin: 'value', input: s as Record<string, unknown>, key, value: s[key] },
    ];
    if (s.endedAt < s.startedAt) addIssue({ message: `must not be before startedAt, got ${s.endedAt}`, path: at('endedAt') });
    if ((s.pausedMs ?? 0) > Math.max(0, s.endedAt - s.startedAt)) addIssue({ message: `must be at most endedAt − startedAt (${s.endedAt - s.startedAt}), got ${s.pausedMs}`, path: at('pausedMs') });
    if (s.stepsDone > s.totalSteps) addIssue({ message: `must be at most totalSteps (${s.totalSteps}), got ${s.stepsDone}`, path: at('stepsDone') });
  });
}

export const sessionInputSchema = v.pipe(
  v.strictObject({ id: v.optional(sessionId), plan: routineSchema, ...sessionFields }, unknownField),
  sessionRules(),
);

export const sessionRecordSchema = v.pipe(
  v.strictObject({ id: sessionId, routineId: id, planId, ...sessionFields, ...flagField }, unknownField),
  sessionRules(),
);

/** A correction of a stored session (see UnknotData.sessions.amend): the user's own fields only. */
export const sessionAmendmentSchema = v.strictObject(
  { painBefore: sessionFields.painBefore, painAfter: sessionFields.painAfter, note: sessionFields.note, felt: sessionFields.felt },
  unknownField,
);

export const planRecordSchema = v.pipe(
  v.strictObject({ id: planId, routineId: id, routine: routineSchema }, unknownField),
  v.check((p) => p.routineId === p.routine.id, 'routineId must be the id of its routine'),
);

export const routineRecordSchema = v.strictObject(
  {
    routine: routineSchema,
    origin: v.picklist(['builtin', 'user'], typed('"builtin" or "user"')),
    builtinVersion: v.optional(count(1, 1_000_000)),
    edited: v.boolean(typed('true or false')),
    basedOn: v.optional(id),
    createdAt: timestamp,
    updatedAt: timestamp,
    deletedAt: v.optional(timestamp),
  },
  unknownField,
);

const flag = v.boolean(typed('true or false'));
const pattern = v.pipe(
  v.array(count(0, 5000), typed('a list of milliseconds')),
  v.maxLength(20, (i) => `must have at most 20 pulses, got ${shown(i.input)}`),
);

export const settingsSchema = v.strictObject(
  {
    cuePatterns: v.strictObject(Object.fromEntries(CUE_TYPES.map((c) => [c, pattern])) as Record<(typeof CUE_TYPES)[number], typeof pattern>, unknownField),
    cueStrength: v.pipe(v.number(typed('a number')), v.minValue(0.1, typed('0.1–1')), v.maxValue(1, typed('0.1–1'))),
    voice: flag,
    beeps: flag,
    phoneVibration: flag,
    countdown: flag,
    speechVoice: v.optional(text(1, 300)),
    speechRate: v.optional(v.pipe(v.number(typed('a number')), v.minValue(0.7, typed('0.7–1.3')), v.maxValue(1.3, typed('0.7–1.3')))),
    breathing: v.optional(flag),
    theme: v.picklist(['system', 'light', 'dark'], typed('"system", "light" or "dark"')),
    largeText: flag,
    reminders: v.pipe(
      v.array(
        v.strictObject(
          {
            routineId: id,
            times: v.pipe(
              v.array(v.pipe(v.string(typed('a time')), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, typed('a time like "07:30"'))), typed('a list of times')),
              v.maxLength(12, (i) => `must have at most 12 times, got ${shown(i.input)}`),
            ),
            enabled: flag,
          },
          unknownField,
        ),
        typed('a list of reminders'),
      ),
      v.maxLength(100, (i) => `must have at most 100 reminders, got ${shown(i.input)}`),
    ),
    watchRefused: v.optional(v.strictObject({ count: count(0, 1e9), last: text(1, 200) }, unknownField)),
    patientName: v.optional(text(1, 80)),
    watch: v.optional(v.strictObject({ id: text(1, 128), name: text(1, 60) }, unknownField)),
  },
  unknownField,
);

/** Runs a schema and returns field errors (`path: message`) instead of throwing. */
export function check<S extends v.GenericSchema>(schema: S, input: unknown): Validated<v.InferOutput<S>> {
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  return result.success ? { ok: true, value: result.output } : { ok: false, errors: toErrors(result.issues) };
}
