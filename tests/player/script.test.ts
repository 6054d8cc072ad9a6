/**
 * The spoken script of each built-in, pinned utterance by utterance with its millisecond
 * (builtin-scripts.ts, written by hand), the short-phrase rule, the breathing prompt.
 */
import { describe, expect, it } from 'vitest';
import { builtInRoutine, compile, segmentAt } from '../../src/routine/index';
import { CHARS_PER_SECOND, SPEECH_GAP_MS, scriptOf, speechMs, type Utterance } from '../../src/player/script';
import { momentsOf } from '../../src/player/moments';
import { KNEES, SEATED, STANDING } from './builtin-scripts';

const knees = compile(builtInRoutine('knees-to-chest-twist')!);
const seated = compile(builtInRoutine('seated-spinal-twist')!);
const standing = compile(builtInRoutine('standing-hip-twist')!);
const said = (script: Utterance[]) => script.map((u): [number, string] => [u.atMs, u.text]);

describe('the script of each built-in (rate 1, no breathing prompt)', () => {
  it('lying knees-to-chest twist', () => expect(said(scriptOf(knees))).toEqual(KNEES));
  it('seated spinal twist', () => expect(said(scriptOf(seated))).toEqual(SEATED));
  it('standing hip twist', () => expect(said(scriptOf(standing))).toEqual(STANDING));

  it('announces every move at its start with its direction, never first at the hold', () => {
    for (const t of [knees, seated, standing]) {
      const script = scriptOf(t);
      for (const move of t.segments.filter((s) => s.kind === 'move')) {
        const u = script.find((x) => x.atMs === move.startMs);
        expect(u?.text, `${t.routineId} at ${move.startMs}`).toContain(`to the ${move.side}.`);
        expect(u).toMatchObject({ kind: 'move', segment: move.index });
        const hold = t.segments[move.index + 1];
        expect(script.find((x) => x.atMs === hold.startMs)?.text).not.toMatch(/right|left/);
      }
    }
  });

  it('ties each utterance to the segment it starts (or the hold it ends) and to the cue at its ms', () => {
    for (const t of [knees, seated, standing]) {
      for (const u of scriptOf(t)) {
        const seg = t.segments[u.segment];
        if (u.kind === 'hold-end') expect(seg.startMs + seg.durationMs).toBe(u.atMs);
        else if (u.kind !== 'closing') expect(segmentAt(t, u.atMs).index).toBe(u.segment);
        const cuesHere = t.cues.filter((c) => c.atMs === u.atMs).map((c) => c.type);
        if (u.cue) expect(cuesHere).toContain(u.cue);
        else expect(cuesHere.filter((c) => c === 'hold-start' || c === 'hold-end' || c === 'switch-side')).toEqual([]);
      }
    }
  });
});

describe('phrases never run into the next one', () => {
  it('the speech-duration model: 15 characters a second at rate 1, scaled by the rate', () => {
    expect(CHARS_PER_SECOND).toBe(15);
    expect(speechMs('x'.repeat(30), 1)).toBe(2000);
    expect(speechMs('x'.repeat(21), 0.7)).toBeCloseTo(2000, 6);
    expect(speechMs('x'.repeat(39), 1.3)).toBeCloseTo(2000, 6);
  });

  it('at rate 0.7 the first move drops "Repetition", and the breathing prompt gives way to the count', () => {
    const slow = scriptOf(knees, { speechRate: 0.7, breathing: true });
    // "Repetition 1 of 5. Twist to the right." is 38 characters: 3619 ms at 0.7, over the 3 s move.
    expect(slow.find((u) => u.atMs === 10_000)?.text).toBe('1 of 5. Twist to the right.');
    // "Hold 5 seconds. Breathe slowly." would take 2952 ms; the count "3" comes 2 s after the hold starts.
    expect(slow.find((u) => u.atMs === 13_000)?.text).toBe('Hold 5 seconds.');
    // "Hold. Breathe slowly." 21 characters: 2000 ms + 200 ms gap > 2 s.
    expect(slow.find((u) => u.atMs === 24_000)?.text).toBe('Hold.');
  });

  it('at rate 1.3 the long wordings fit', () => {
    const fast = scriptOf(knees, { speechRate: 1.3, breathing: true });
    expect(fast.find((u) => u.atMs === 10_000)?.text).toBe('Repetition 1 of 5. Twist to the right.');
    // 31 characters at 19.5 a second: 1590 ms + 200 ms gap, within the 2 s before "3".
    expect(fast.find((u) => u.atMs === 13_000)?.text).toBe('Hold 5 seconds. Breathe slowly.');
    expect(fast.find((u) => u.atMs === 24_000)?.text).toBe('Hold. Breathe slowly.');
  });

  it('every built-in at rates 0.7 and 1.3, with and without the breathing prompt: each phrase ends before the next starts', () => {
    for (const t of [knees, seated, standing]) {
      for (const speechRate of [0.7, 1.3]) {
        for (const breathing of [false, true]) {
          const script = scriptOf(t, { speechRate, breathing });
          script.slice(0, -1).forEach((u, i) => {
            expect(speechMs(u.text, speechRate) + SPEECH_GAP_MS, `${t.routineId} ${speechRate} "${u.text}"`).toBeLessThanOrEqual(script[i + 1].atMs - u.atMs);
          });
        }
      }
    }
  });

  it('when even the shortest wording is too long, the shortest is said (a 1-second move at rate 0.7)', () => {
    const r = builtInRoutine('knees-to-chest-twist')!;
    r.exercises[0].move = 1;
    const t = compile(r);
    const first = scriptOf(t, { speechRate: 0.7 }).find((u) => u.atMs === 10_000);
    expect(first?.text).toBe('Twist right.');
  });
});

describe('more than one exercise', () => {
  it('introduces the next exercise, counts its repetitions afresh and gives its first hold a length', () => {
    const r = builtInRoutine('knees-to-chest-twist')!;
    r.restBetween = 5;
    r.exercises.push({ ...r.exercises[0], id: 'two', sides: ['left'], repetitions: 2, setupLabel: 'lie flat', moveLabel: 'roll' });
    // Exercise 1 ends at 128 s; rest 5 s; exercise 2: get ready 10 s (133–143), roll 3, hold 5, back 3, rest 2.
    const tail = said(scriptOf(compile(r))).filter(([ms]) => ms >= 128_000);
    expect(tail).toEqual([
      [133_000, 'Next exercise: lie flat.'],
      [140_000, '3'],
      [141_000, '2'],
      [142_000, '1'],
      [143_000, 'Repetition 1 of 2. Roll to the left.'],
      [146_000, 'Hold 5 seconds.'],
      [148_000, '3'],
      [149_000, '2'],
      [150_000, '1'],
      [151_000, 'Back to center.'],
      [156_000, 'Last one. Roll to the left.'],
      [159_000, 'Hold.'],
      [161_000, '3'],
      [162_000, '2'],
      [163_000, '1'],
      [164_000, 'Back to center.'],
      [167_000, 'That is the whole routine. Well done. Rest a moment and notice how your back feels.'],
    ]);
  });
});

describe('breathing prompt', () => {
  it('is off by default, and only in holds of 5 s or more', () => {
    expect(scriptOf(standing).some((u) => u.text.includes('Breathe'))).toBe(false);
    expect(scriptOf(standing, { breathing: true }).filter((u) => u.text.includes('Breathe')).map((u) => u.atMs)).toEqual([8000, 74_000, 142_000, 208_000, 276_000, 342_000]);
    const r = builtInRoutine('knees-to-chest-twist')!;
    r.exercises[0].hold = 4;
    expect(scriptOf(compile(r), { breathing: true, speechRate: 1.3 }).some((u) => u.text.includes('Breathe'))).toBe(false);
  });
});

describe('moments', () => {
  it("merge the timeline's cues and the script's words by millisecond", () => {
    const m = momentsOf(knees, scriptOf(knees));
    expect(m.find((x) => x.atMs === 10_000)).toMatchObject({ cues: [], utterance: { text: 'Repetition 1 of 5. Twist to the right.' } });
    expect(m.find((x) => x.atMs === 21_000)).toMatchObject({ cues: [{ type: 'switch-side' }], utterance: { text: 'Twist to the left.' } });
    expect(m.find((x) => x.atMs === 15_000)).toMatchObject({ cues: [], count: 3 });
    const end = m.at(-1)!;
    expect(end.cues.map((c) => c.type)).toEqual(['rep-done', 'exercise-done', 'routine-done']);
    expect(end.utterance?.kind).toBe('closing');
    const times = m.map((x) => x.atMs);
    expect(times).toEqual([...new Set(times)].sort((a, b) => a - b));
  });
});

