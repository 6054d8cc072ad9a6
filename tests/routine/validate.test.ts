import { describe, expect, test } from 'vitest';
import { BUILT_INS, builtInRoutine, formatErrors, validateRoutine } from '../../src/routine/index';

const messages = (input: unknown): string[] => {
  const result = validateRoutine(input);
  return result.ok ? [] : formatErrors(result.errors);
};
const knees = () => builtInRoutine('knees-to-chest-twist') as unknown as Record<string, unknown> & { exercises: Record<string, unknown>[] };

describe('validateRoutine', () => {
  test('every built-in routine is valid', () => {
    for (const b of BUILT_INS) expect(validateRoutine(b.routine)).toEqual({ ok: true, value: b.routine });
  });

  test('a hold of 0 s names the field, the rule and the value', () => {
    const r = knees();
    r.exercises.push({ ...r.exercises[0], id: 'two', hold: 0 });
    expect(messages(r)).toEqual(['exercises[1].hold: must be 1–120 s, got 0']);
  });

  test.each([
    ['hold', 121, 'exercises[0].hold: must be 1–120 s, got 121'],
    ['hold', 2.5, 'exercises[0].hold: must be a whole number of seconds, got 2.5'],
    ['hold', '5', 'exercises[0].hold: must be a number of seconds, got "5"'],
    ['move', -1, 'exercises[0].move: must be 0–60 s, got -1'],
    ['back', 61, 'exercises[0].back: must be 0–60 s, got 61'],
    ['rest', 61, 'exercises[0].rest: must be 0–60 s, got 61'],
    ['setup', 61, 'exercises[0].setup: must be 0–60 s, got 61'],
    ['repetitions', 0, 'exercises[0].repetitions: must be 1–50, got 0'],
    ['repetitions', 51, 'exercises[0].repetitions: must be 1–50, got 51'],
    ['name', '', 'exercises[0].name: must be 1–60 characters, got 0'],
    ['name', 'x'.repeat(61), 'exercises[0].name: must be 1–60 characters, got 61'],
    ['sides', ['right', 'right'], 'exercises[0].sides: must list each side at most once'],
    ['sides', ['up'], 'exercises[0].sides[0]: must be "right" or "left", got "up"'],
    ['grouping', 'random', 'exercises[0].grouping: must be "alternate" or "block", got "random"'],
    ['openHold', 'yes', 'exercises[0].openHold: must be true or false, got "yes"'],
  ])('exercise %s = %j is rejected', (field, value, message) => {
    const r = knees();
    r.exercises[0][field] = value;
    expect(messages(r)).toEqual([message]);
  });

  test('routine-level fields', () => {
    expect(messages({ ...knees(), name: '   ' })).toEqual(['name: must be 1–60 characters, got 0']);
    expect(messages({ ...knees(), restBetween: 90 })).toEqual(['restBetween: must be 0–60 s, got 90']);
    expect(messages({ ...knees(), prescription: { timesPerDay: 0, when: 'any' } })).toEqual([
      'prescription.timesPerDay: must be 1–12, got 0',
    ]);
    expect(messages({ ...knees(), exercises: [] })).toEqual(['exercises: must have 1–20 exercises, got a list of 0']);
  });

  test('more than 20 exercises is rejected', () => {
    const r = knees();
    r.exercises = Array.from({ length: 21 }, (_, i) => ({ ...r.exercises[0], id: `e${i}` }));
    expect(messages(r)).toEqual(['exercises: must have 1–20 exercises, got a list of 21']);
  });

  test('unknown and missing fields', () => {
    const r = knees();
    r.exercises[0].colour = 'red';
    delete r.summary;
    expect(messages(r).sort()).toEqual(['exercises[0].colour: unknown field', 'summary: is required']);
  });

  test('duplicate exercise ids', () => {
    const r = knees();
    r.exercises.push({ ...r.exercises[0] });
    expect(messages(r)).toEqual(['exercises[1]: duplicate exercise id "lying-twist"']);
  });

  test('not an object at all', () => {
    expect(messages('routine')).toEqual(['must be an object, got "routine"']);
    expect(messages(null)).toEqual(['must be an object, got null']);
  });

  test('names are trimmed', () => {
    const result = validateRoutine({ ...knees(), name: '  My twist  ' });
    expect(result.ok && result.value.name).toBe('My twist');
  });
});

describe('"when needed"', () => {
  test('the standing hip twist has no set frequency unless the user sets one', async () => {
    const { builtInRoutine, dailyTarget, formatPrescription, validateRoutine } = await import('../../src/routine/index');
    const twist = builtInRoutine('standing-hip-twist')!;
    expect(formatPrescription(twist.prescription)).toBe('when needed');
    expect(dailyTarget(twist.prescription)).toBe(0);
    expect(validateRoutine(twist).ok).toBe(true);
    const set = { ...twist.prescription, when: 'morning' as const, timesPerDay: 2 };
    expect([formatPrescription(set), dailyTarget(set)]).toEqual(['2 times every morning', 2]);
    expect(validateRoutine({ ...twist, prescription: { timesPerDay: 1, when: 'sometimes' as never } }).ok).toBe(false);
  });
});
