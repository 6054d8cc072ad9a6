import { describe, expect, test } from 'vitest';
import { BUILT_INS, builtInRoutine, compile, segmentAt, type Routine, type Timeline } from '../../src/routine/index';

const cueList = (t: Timeline) => t.cues.map((c) => `${c.atMs} ${c.type}`);
const routine = (id: string): Routine => {
  const r = builtInRoutine(id);
  if (!r) throw new Error(`no built-in ${id}`);
  return r;
};

describe('built-in timelines, pinned to the millisecond', () => {
  test('lying knees-to-chest twist: 5 × (right, left), hold 5 s', () => {
    const t = compile(routine('knees-to-chest-twist'));
    expect(t.totalMs).toBe(128_000);
    // Setup 10 s, then each repetition: twist 3, hold 5, back 3 per side; 2 s rest between.
    expect(cueList(t)).toEqual([
      '13000 hold-start', '18000 hold-end', '21000 switch-side', '24000 hold-start', '29000 hold-end', '32000 rep-done',
      '34000 switch-side', '37000 hold-start', '42000 hold-end', '45000 switch-side', '48000 hold-start', '53000 hold-end', '56000 rep-done',
      '58000 switch-side', '61000 hold-start', '66000 hold-end', '69000 switch-side', '72000 hold-start', '77000 hold-end', '80000 rep-done',
      '82000 switch-side', '85000 hold-start', '90000 hold-end', '93000 switch-side', '96000 hold-start', '101000 hold-end', '104000 rep-done',
      '106000 switch-side', '109000 hold-start', '114000 hold-end', '117000 switch-side', '120000 hold-start', '125000 hold-end',
      '128000 rep-done', '128000 exercise-done', '128000 routine-done',
    ]);
    expect(t.segments.slice(0, 8).map((s) => `${s.startMs} ${s.kind} ${s.label} ${s.side} ${s.rep}/${s.reps}`)).toEqual([
      '0 setup Knees to chest none 1/5',
      '10000 move Twist right right 1/5',
      '13000 hold Hold right 1/5',
      '18000 back Back to center right 1/5',
      '21000 move Twist left left 1/5',
      '24000 hold Hold left 1/5',
      '29000 back Back to center left 1/5',
      '32000 rest Rest none 1/5',
    ]);
    expect(t.segments).toHaveLength(35);
  });

  test('seated spinal twist: all 3 repetitions to the left, then all 3 to the right', () => {
    const t = compile(routine('seated-spinal-twist'));
    expect(t.totalMs).toBe(92_000);
    // Setup 10 s; each repetition: turn 4, hold 5, back 3, then 2 s rest; one switch, after the third.
    expect(cueList(t)).toEqual([
      '14000 hold-start', '19000 hold-end', '22000 rep-done',
      '28000 hold-start', '33000 hold-end', '36000 rep-done',
      '42000 hold-start', '47000 hold-end', '50000 rep-done',
      '52000 switch-side', '56000 hold-start', '61000 hold-end', '64000 rep-done',
      '70000 hold-start', '75000 hold-end', '78000 rep-done',
      '84000 hold-start', '89000 hold-end', '92000 rep-done', '92000 exercise-done', '92000 routine-done',
    ]);
    expect(t.segments.filter((s) => s.kind === 'move').map((s) => `${s.label} ${s.rep}/${s.reps}`)).toEqual([
      'Turn left 1/3', 'Turn left 2/3', 'Turn left 3/3', 'Turn right 1/3', 'Turn right 2/3', 'Turn right 3/3',
    ]);
  });

  test('standing hip twist: 3 repetitions, open-ended holds of at most 60 s', () => {
    const t = compile(routine('standing-hip-twist'));
    expect(t.totalMs).toBe(405_000);
    // Setup 5 s; per side: twist 3, hold up to 60, back 3; 2 s rest between repetitions.
    expect(cueList(t)).toEqual([
      '8000 hold-start', '68000 hold-end', '71000 switch-side', '74000 hold-start', '134000 hold-end', '137000 rep-done',
      '139000 switch-side', '142000 hold-start', '202000 hold-end', '205000 switch-side', '208000 hold-start', '268000 hold-end', '271000 rep-done',
      '273000 switch-side', '276000 hold-start', '336000 hold-end', '339000 switch-side', '342000 hold-start', '402000 hold-end',
      '405000 rep-done', '405000 exercise-done', '405000 routine-done',
    ]);
    expect(t.segments.filter((s) => s.open).map((s) => `${s.kind} ${s.startMs} ${s.durationMs}`)).toEqual([
      'hold 8000 60000', 'hold 74000 60000', 'hold 142000 60000', 'hold 208000 60000', 'hold 276000 60000', 'hold 342000 60000',
    ]);
  });

  test('a fixed hold is not open-ended', () => {
    expect(compile(routine('knees-to-chest-twist')).segments.some((s) => 'open' in s)).toBe(false);
  });

  test('lengthening the standing hold moves every later cue', () => {
    const r = routine('standing-hip-twist');
    r.exercises[0].hold = 80;
    const t = compile(r);
    expect(t.totalMs).toBe(405_000 + 6 * 20_000);
    expect(cueList(t).slice(0, 3)).toEqual(['8000 hold-start', '88000 hold-end', '91000 switch-side']);
  });
});

describe('edge cases', () => {
  const base = (): Routine => routine('knees-to-chest-twist');

  test('one side only: no switch-side cue at all', () => {
    const r = base();
    r.exercises[0].sides = ['left'];
    r.exercises[0].repetitions = 2;
    const t = compile(r);
    expect(cueList(t)).toEqual([
      '13000 hold-start', '18000 hold-end', '21000 rep-done',
      '26000 hold-start', '31000 hold-end', '34000 rep-done', '34000 exercise-done', '34000 routine-done',
    ]);
  });

  test('no side: labels carry no side word', () => {
    const r = base();
    r.exercises[0].sides = [];
    r.exercises[0].repetitions = 1;
    const t = compile(r);
    expect(t.segments.map((s) => s.label)).toEqual(['Knees to chest', 'Twist', 'Hold', 'Back to center']);
    expect(t.segments.every((s) => s.side === 'none')).toBe(true);
  });

  test('zero transitions: holds follow each other and no zero-length segment exists', () => {
    const r = base();
    Object.assign(r.exercises[0], { setup: 0, move: 0, back: 0, rest: 0, repetitions: 2 });
    const t = compile(r);
    expect(t.segments.every((s) => s.durationMs > 0)).toBe(true);
    expect(t.segments.map((s) => s.kind)).toEqual(['hold', 'hold', 'hold', 'hold']);
    expect(cueList(t)).toEqual([
      '0 hold-start', '5000 hold-end', '5000 switch-side', '5000 hold-start', '10000 hold-end', '10000 rep-done',
      '10000 switch-side', '10000 hold-start', '15000 hold-end', '15000 switch-side', '15000 hold-start',
      '20000 hold-end', '20000 rep-done', '20000 exercise-done', '20000 routine-done',
    ]);
  });

  test('block grouping does every repetition on one side, then switches once', () => {
    const r = base();
    Object.assign(r.exercises[0], { grouping: 'block', repetitions: 2, setup: 0, move: 1, back: 1, rest: 1, hold: 2 });
    const t = compile(r);
    expect(cueList(t).filter((c) => c.endsWith('switch-side'))).toEqual(['10000 switch-side']);
    expect(t.segments.filter((s) => s.kind === 'hold').map((s) => `${s.side} ${s.rep}`)).toEqual(['right 1', 'right 2', 'left 1', 'left 2']);
  });

  test('rest between exercises is inserted once between them', () => {
    const r = base();
    const second = { ...structuredClone(r.exercises[0]), id: 'second', repetitions: 1 };
    r.exercises.push(second);
    r.restBetween = 30;
    const t = compile(r);
    const rest = t.segments.find((s) => s.kind === 'rest' && s.exercise === 1);
    expect(rest).toMatchObject({ startMs: 128_000, durationMs: 30_000 });
    expect(t.totalMs).toBe(128_000 + 30_000 + 10_000 + 22_000);
    expect(cueList(t).filter((c) => c.endsWith('exercise-done'))).toEqual(['128000 exercise-done', '190000 exercise-done']);
  });

  test('the largest allowed routine compiles within limits', () => {
    const r = base();
    const ex = { ...r.exercises[0], repetitions: 50, setup: 60, move: 60, hold: 120, back: 60, rest: 60 };
    r.exercises = Array.from({ length: 20 }, (_, i) => ({ ...structuredClone(ex), id: `ex-${i}` }));
    r.restBetween = 60;
    const t = compile(r);
    const perExercise = 60 + 50 * 2 * (60 + 120 + 60) + 49 * 60;
    expect(t.totalMs).toBe((20 * perExercise + 19 * 60) * 1000);
    expect(t.cues.filter((c) => c.type === 'hold-start')).toHaveLength(20 * 50 * 2);
  });

  test('compiling twice gives the same timeline', () => {
    for (const b of BUILT_INS) expect(compile(b.routine)).toEqual(compile(structuredClone(b.routine)));
  });
});

describe('segmentAt', () => {
  const t = compile(routine('knees-to-chest-twist'));
  test.each([
    [0, 0],
    [9_999, 0],
    [10_000, 1],
    [13_000, 2],
    [127_999, 34],
    [500_000, 34],
  ])('at %i ms the running segment is %i', (ms, index) => {
    expect(segmentAt(t, ms).index).toBe(index);
  });
});
