import { describe, expect, test } from 'vitest';
import { builtInRoutine, compile, validateRoutine } from '../../src/routine/index';
import {
  flagText,
  gentleRoutine,
  professionalAdvice,
  restAdvisedBefore,
  sessionFlag,
  type SessionFlag,
} from '../../src/safety/index';

const DAY = 86_400_000;

describe('pain before starting', () => {
  test('8 or more advises rest; 7, none, and 0 do not', () => {
    expect([undefined, 0, 7, 8, 9, 10].map(restAdvisedBefore)).toEqual([false, false, false, true, true, true]);
  });
});

describe('the gentle version', () => {
  const twist = builtInRoutine('knees-to-chest-twist')!;

  test('halves the repetitions (rounded down, at least one) and holds at most 3 s', () => {
    const r = { ...twist, exercises: [1, 2, 5, 9].map((reps, i) => ({ ...twist.exercises[0], id: `e${i}`, repetitions: reps, hold: [2, 3, 5, 30][i] })) };
    const g = gentleRoutine(r);
    expect(g.exercises.map((e) => e.repetitions)).toEqual([1, 1, 2, 4]);
    expect(g.exercises.map((e) => e.hold)).toEqual([2, 3, 3, 3]);
    expect(g.id).toBe(r.id);
    expect(r.exercises[3].repetitions).toBe(9); // the original is left alone
  });

  test('is still a valid routine and plays shorter', () => {
    const g = gentleRoutine(twist);
    expect(validateRoutine(g).ok).toBe(true);
    expect(compile(g).totalMs).toBeLessThan(compile(twist).totalMs);
  });
});

describe('flagging a session from its pain scores', () => {
  test.each([
    [undefined, undefined, undefined],
    [5, undefined, undefined],
    [undefined, 7, undefined],
    [undefined, 8, 'pain-high'],
    [3, 4, undefined],
    [3, 5, 'pain-rose'],
    [0, 2, 'pain-rose'],
    [6, 7, undefined],
    [9, 8, 'pain-high'],
    [6, 10, 'pain-high'],
    [7, 3, undefined],
  ] as const)('before %s, after %s → %s', (before, after, flag) => {
    expect(sessionFlag(before, after)).toBe(flag);
  });

  test('says why in words', () => {
    expect(flagText('pain-high', 5, 9)).toBe('Pain after was high (9 of 10)');
    expect(flagText('pain-rose', 3, 6)).toBe('Pain rose by 3 points (3 to 6)');
    expect(flagText('pain-rose')).toBe('Pain rose');
  });
});

describe('recommending a professional', () => {
  const now = Date.UTC(2026, 2, 10, 12);
  const s = (daysAgo: number, flag?: SessionFlag) => ({ startedAt: now - daysAgo * DAY, flag });

  test('three flagged sessions within 7 days, with the reason', () => {
    const advice = professionalAdvice([s(0.5, 'pain-rose'), s(3, 'pain-high'), s(6.9, 'pain-rose'), s(2)], now);
    expect(advice).toEqual({ flagged: 3, reason: '3 sessions in the last 7 days ended with pain that was high or had risen.' });
  });

  test('two, or a third older than 7 days, or unflagged ones: no advice', () => {
    expect(professionalAdvice([s(1, 'pain-rose'), s(2, 'pain-high')], now)).toBeNull();
    expect(professionalAdvice([s(1, 'pain-rose'), s(2, 'pain-high'), s(7.1, 'pain-rose')], now)).toBeNull();
    expect(professionalAdvice([s(1), s(2), s(3), s(4)], now)).toBeNull();
  });

  test('sessions after now do not count', () => {
    expect(professionalAdvice([s(1, 'pain-rose'), s(2, 'pain-high'), s(-1, 'pain-rose')], now)).toBeNull();
  });
});
