/**
 * The editor's form model, kept out of the element: blank routines and exercises, new ids, the
 * "sides" choices, and where each validation error is shown. No DOM.
 */
import type { Exercise, FieldError, Routine, Side } from '../../routine/index';

/** The sides choices offered in one select, so an impossible list (two "right") cannot be made. */
export const SIDE_CHOICES: { key: string; label: string; sides: Side[] }[] = [
  { key: 'right-left', label: 'Right, then left', sides: ['right', 'left'] },
  { key: 'left-right', label: 'Left, then right', sides: ['left', 'right'] },
  { key: 'right', label: 'Right only', sides: ['right'] },
  { key: 'left', label: 'Left only', sides: ['left'] },
  { key: 'none', label: 'No side (centre only)', sides: [] },
];
export const sidesKey = (sides: Side[]) => (sides.length ? sides.join('-') : 'none');

export function blankExercise(taken: string[]): Exercise {
  let n = 1;
  while (taken.includes(`exercise-${n}`)) n++;
  return {
    id: `exercise-${n}`,
    name: '',
    steps: [],
    sides: ['right', 'left'],
    grouping: 'alternate',
    repetitions: 3,
    setup: 5,
    move: 3,
    hold: 5,
    back: 3,
    rest: 2,
    setupLabel: 'Get ready',
    moveLabel: 'Twist',
    backLabel: 'Back to center',
  };
}

export function blankRoutine(): Routine {
  return { id: '', name: '', summary: '', prescription: { timesPerDay: 1, when: 'any' }, restBetween: 5, exercises: [blankExercise([])] };
}

/** `my-evening-stretch-k3f9` from a name: readable, and unlikely to collide. */
export function newRoutineId(name: string, random = () => Math.random()): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '') // "é" → "e", not "e-"
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'routine';
  const suffix = Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `${base}-${suffix}`;
}

/** A number input's value: empty is "missing" (reported as required), anything else a number. */
export const numberFrom = (value: string): number => (value.trim() === '' ? (undefined as unknown as number) : Number(value));

/** Steps are edited one per line. */
export const stepsFrom = (text: string): string[] =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Which field shows an error: steps errors go to the exercise's steps box (with the step's
 * number), and everything else to the field of its own path. Unplaced ones go on top.
 */
export function errorsByField(errors: FieldError[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const { path, message } of errors) {
    const step = /^(exercises\[\d+\]\.steps)\[(\d+)\]$/.exec(path);
    const key = step ? step[1] : path;
    const text = step ? `Step ${Number(step[2]) + 1}: ${message}` : message;
    out.set(key, out.has(key) ? `${out.get(key)} ${text}` : text);
  }
  return out;
}

/** The DOM id of a field, from its path: `exercises[1].hold` → `f-exercises-1-hold`. */
export const fieldId = (path: string) => `f-${path.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-$/, '')}`;

const PLACED = /^(name|summary|prescription\.(timesPerDay|when)|restBetween|exercises|exercises\[\d+\]\.(name|steps|sides|grouping|repetitions|setup|move|hold|back|rest|setupLabel|moveLabel|backLabel))$/;

/** Errors with no field of their own (shown in the summary at the top instead). */
export const unplaced = (errors: Map<string, string>): string[] =>
  [...errors].filter(([key]) => !PLACED.test(key)).map(([key, message]) => (key ? `${key}: ${message}` : message));
