import { describe, expect, it } from 'vitest';
import { validateRoutine } from '../../../src/routine/index';
import { blankExercise, blankRoutine, errorsByField, fieldId, newRoutineId, numberFrom, SIDE_CHOICES, sidesKey, stepsFrom, unplaced } from '../../../src/ui/editor/routine-draft';

describe('routine editor model', () => {
  it('a blank routine is invalid only where the user must type', () => {
    const checked = validateRoutine({ ...blankRoutine(), id: 'x' });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors.map((e) => e.path)).toEqual(['name', 'exercises[0].name']);
  });

  it('new exercises get ids not yet used', () => {
    expect(blankExercise(['exercise-1', 'exercise-2']).id).toBe('exercise-3');
    expect(blankExercise(['exercise-2']).id).toBe('exercise-1');
  });

  it('makes a valid id from any name', () => {
    expect(newRoutineId('Évening  wind-down!', () => 0.5)).toBe('evening-wind-down-i000');
    expect(newRoutineId('😀', () => 0)).toBe('routine-0000');
    expect(validateRoutine({ ...blankRoutine(), id: newRoutineId('x'.repeat(100)), name: 'x', exercises: [{ ...blankExercise([]), name: 'y' }] }).ok).toBe(true);
  });

  it('reads inputs: empty number is missing, steps one per line', () => {
    expect(numberFrom('')).toBeUndefined();
    expect(numberFrom('12')).toBe(12);
    expect(stepsFrom(' a \n\n b\n')).toEqual(['a', 'b']);
    for (const c of SIDE_CHOICES) expect(sidesKey(c.sides)).toBe(c.key);
  });

  it('places each error at its field, steps at the steps box, the rest on top', () => {
    const errors = errorsByField([
      { path: 'exercises[1].hold', message: 'must be 1–120 s, got 0' },
      { path: 'exercises[0].steps[2]', message: 'must be 1–300 characters, got 301' },
      { path: 'exercises[0]', message: 'duplicate exercise id "a"' },
    ]);
    expect(errors.get('exercises[1].hold')).toBe('must be 1–120 s, got 0');
    expect(errors.get('exercises[0].steps')).toBe('Step 3: must be 1–300 characters, got 301');
    expect(unplaced(errors)).toEqual(['exercises[0]: duplicate exercise id "a"']);
    expect(fieldId('exercises[1].hold')).toBe('f-exercises-1-hold');
  });
});
