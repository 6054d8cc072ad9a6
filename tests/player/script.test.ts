/**
 * The spoken script of each built-in, pinned utterance by utterance with its millisecond. The
 * tables are written out by hand from the compiled timelines (docs/player.md shows the same),
 * not captured from scriptOf: the timing comes from the segments (setup, move, hold, back, rest)
 * and the words from the phrase rules in the doc.
 */
import { describe, expect, it } from 'vitest';
import { builtInRoutine, compile, segmentAt } from '../../src/routine/index';
import { CHARS_PER_SECOND, SPEECH_GAP_MS, scriptOf, speechMs, type Utterance } from '../../src/player/script';
import { momentsOf } from '../../src/player/moments';

const knees = compile(builtInRoutine('knees-to-chest-twist')!);
const seated = compile(builtInRoutine('seated-spinal-twist')!);
const standing = compile(builtInRoutine('standing-hip-twist')!);
const said = (script: Utterance[]) => script.map((u): [number, string] => [u.atMs, u.text]);

// Lying knees-to-chest twist, 128 s: get ready 10 s; 5 × (twist 3, hold 5, back 3 per side); 2 s rest.
const KNEES: [number, string][] = [
  [0, 'Get ready: knees to chest.'],
  [7000, '3'],
  [8000, '2'],
  [9000, '1'],
  [10000, 'Repetition 1 of 5. Twist to the right.'],
  [13000, 'Hold 5 seconds.'],
  [15000, '3'],
  [16000, '2'],
  [17000, '1'],
  [18000, 'Back to center.'],
  [21000, 'Twist to the left.'],
  [24000, 'Hold.'],
  [26000, '3'],
  [27000, '2'],
  [28000, '1'],
  [29000, 'Back to center.'],
  [34000, '2 of 5. Twist to the right.'],
  [37000, 'Hold.'],
  [39000, '3'],
  [40000, '2'],
  [41000, '1'],
  [42000, 'Back to center.'],
  [45000, 'Twist to the left.'],
  [48000, 'Hold.'],
  [50000, '3'],
  [51000, '2'],
  [52000, '1'],
  [53000, 'Back to center.'],
  [58000, '3 of 5. Twist to the right.'],
  [61000, 'Hold.'],
  [63000, '3'],
  [64000, '2'],
  [65000, '1'],
  [66000, 'Back to center.'],
  [69000, 'Twist to the left.'],
  [72000, 'Hold.'],
  [74000, '3'],
  [75000, '2'],
  [76000, '1'],
  [77000, 'Back to center.'],
  [82000, '4 of 5. Twist to the right.'],
  [85000, 'Hold.'],
  [87000, '3'],
  [88000, '2'],
  [89000, '1'],
  [90000, 'Back to center.'],
  [93000, 'Twist to the left.'],
  [96000, 'Hold.'],
  [98000, '3'],
  [99000, '2'],
  [100000, '1'],
  [101000, 'Back to center.'],
  [106000, 'Last one. Twist to the right.'],
  [109000, 'Hold.'],
  [111000, '3'],
  [112000, '2'],
  [113000, '1'],
  [114000, 'Back to center.'],
  [117000, 'Twist to the left.'],
  [120000, 'Hold.'],
  [122000, '3'],
  [123000, '2'],
  [124000, '1'],
  [125000, 'Back to center.'],
  [128000, 'That is the whole routine. Well done. Rest a moment and notice how your back feels.'],
];

// Seated spinal twist, 92 s: get ready 10 s; 3 to the left, then 3 to the right (turn 4, hold 5, back 3, rest 2).
const SEATED: [number, string][] = [
  [0, 'Get ready: sit up tall.'],
  [7000, '3'],
  [8000, '2'],
  [9000, '1'],
  [10000, 'Repetition 1 of 3. Turn to the left.'],
  [14000, 'Hold 5 seconds.'],
  [16000, '3'],
  [17000, '2'],
  [18000, '1'],
  [19000, 'Face forward.'],
  [24000, '2 of 3. Turn to the left.'],
  [28000, 'Hold.'],
  [30000, '3'],
  [31000, '2'],
  [32000, '1'],
  [33000, 'Face forward.'],
  [38000, 'Last one on this side. Turn to the left.'],
  [42000, 'Hold.'],
  [44000, '3'],
  [45000, '2'],
  [46000, '1'],
  [47000, 'Face forward.'],
  [52000, 'Now the right side. 1 of 3. Turn to the right.'],
  [56000, 'Hold.'],
  [58000, '3'],
  [59000, '2'],
  [60000, '1'],
  [61000, 'Face forward.'],
  [66000, '2 of 3. Turn to the right.'],
  [70000, 'Hold.'],
  [72000, '3'],
  [73000, '2'],
  [74000, '1'],
  [75000, 'Face forward.'],
  [80000, 'Last one on this side. Turn to the right.'],
  [84000, 'Hold.'],
  [86000, '3'],
  [87000, '2'],
  [88000, '1'],
  [89000, 'Face forward.'],
  [92000, 'That is the whole routine. Well done. Rest a moment and notice how your back feels.'],
];

// Standing hip twist, 405 s at most: get ready 5 s; 3 × (twist 3, open-ended hold up to 60, back 3 per side); 2 s rest.
const STANDING: [number, string][] = [
  [0, 'Get ready: stand, arms out.'],
  [2000, '3'],
  [3000, '2'],
  [4000, '1'],
  [5000, 'Repetition 1 of 3. Twist to the right.'],
  [8000, 'Hold until you feel the stretch, then tap Next.'],
  [68000, 'Face forward.'],
  [71000, 'Twist to the left.'],
  [74000, 'Hold, then tap Next.'],
  [134000, 'Face forward.'],
  [139000, '2 of 3. Twist to the right.'],
  [142000, 'Hold, then tap Next.'],
  [202000, 'Face forward.'],
  [205000, 'Twist to the left.'],
  [208000, 'Hold, then tap Next.'],
  [268000, 'Face forward.'],
  [273000, 'Last one. Twist to the right.'],
  [276000, 'Hold, then tap Next.'],
  [336000, 'Face forward.'],
  [339000, 'Twist to the left.'],
  [342000, 'Hold, then tap Next.'],
  [402000, 'Face forward.'],
  [405000, 'That is the whole routine. Well done. Rest a moment and notice how your back feels.'],
];

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

