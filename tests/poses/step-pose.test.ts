import { describe, expect, it } from 'vitest';
import { BUILT_INS, builtInRoutine, compile, validateRoutine } from '../../src/routine';
import { CHOICE_NAMES, POSE_CHOICES, POSE_IDS, POSE_TEXT, exercisePoseSteps, resolvePose, segmentPose, shownPose } from '../../src/poses';
import { POSE_ART } from '../../src/poses/art';

describe('the pose set', () => {
  it('has a drawing, a text alternative and an editor name for every picture', () => {
    expect(POSE_IDS.length).toBeGreaterThanOrEqual(13);
    for (const id of POSE_IDS) {
      expect(POSE_ART[id].s.length, id).toBeGreaterThan(0);
      expect(POSE_TEXT[id].length, id).toBeGreaterThan(20);
      expect(CHOICE_NAMES[id], id).toBeTruthy();
    }
    expect(new Set(Object.values(POSE_TEXT)).size).toBe(POSE_IDS.length); // no two say the same
  });

  it('draws a sided picture with its side in the words, and the left one as the mirror of the right', () => {
    for (const id of POSE_IDS.filter((p) => p.endsWith('-left'))) {
      const right = id.replace(/-left$/, '-right') as (typeof POSE_IDS)[number];
      expect(POSE_ART[id]).toEqual({ ...POSE_ART[right], mirror: true });
      expect(POSE_TEXT[id]).toMatch(/left/);
      expect(POSE_TEXT[right]).toMatch(/right/);
    }
  });

  it('resolves a picture that follows the side, and a fixed one whatever the side', () => {
    expect(resolvePose('knees-side', 'right')).toBe('knees-right');
    expect(resolvePose('knees-side', 'left')).toBe('knees-left');
    expect(resolvePose('knees-side', 'none', 'left')).toBe('knees-left');
    // Ready to turn left: the right leg is the crossed one (as the built-in's steps say).
    expect(resolvePose('seated-cross-side', 'left')).toBe('seated-cross-right');
    expect(resolvePose('lying', 'left')).toBe('lying');
    for (const choice of POSE_CHOICES) {
      expect(CHOICE_NAMES[choice], choice).toBeTruthy();
      for (const side of ['right', 'left'] as const) expect(POSE_IDS, `${choice} ${side}`).toContain(resolvePose(choice, side));
    }
    expect(POSE_CHOICES.filter((c) => c.endsWith('-side'))).toHaveLength(4);
  });

  it('names are checked by shape in the routine validator (the import checks them against the set)', () => {
    expect(POSE_CHOICES).toHaveLength(6 + 4 * 3);
    expect(new Set(POSE_CHOICES).size).toBe(POSE_CHOICES.length);
    const r = builtInRoutine('knees-to-chest-twist')!;
    for (const choice of POSE_CHOICES) {
      r.exercises[0].poses = { hold: choice };
      expect(validateRoutine(r).ok, choice).toBe(true);
    }
    for (const wrong of ['Knees', 'knees side', '', 'x'.repeat(31), 3]) {
      r.exercises[0].poses = { hold: wrong as never };
      expect(validateRoutine(r), String(wrong)).toMatchObject({ ok: false, errors: [{ path: 'exercises[0].poses.hold' }] });
    }
    r.exercises[0].poses = { hold: 'lying', arms: 'up' } as never;
    expect(validateRoutine(r)).toMatchObject({ ok: false, errors: [{ path: 'exercises[0].poses.arms', message: 'unknown field' }] });
  });

  it('a name not in the set shows no picture', () => {
    expect(resolvePose('cartwheel' as never, 'right')).toBeUndefined();
    expect(resolvePose('cartwheel-side' as never, 'right')).toBeUndefined();
    const r = builtInRoutine('knees-to-chest-twist')!;
    r.exercises[0].poses = { setup: 'cartwheel' as never, hold: 'knees-side' };
    const t = compile(r);
    expect(shownPose(r, t, 0)).toBeUndefined();
    expect(exercisePoseSteps(r.exercises[0]).map((s) => s.pose)).toEqual(['knees-right', 'knees-left']);
  });
});

describe('which picture a step shows', () => {
  it('every step of every built-in routine has a picture (a rest: the next one), on the side of the step', () => {
    for (const { routine } of BUILT_INS) {
      const timeline = compile(routine);
      for (const seg of timeline.segments) {
        const shown = shownPose(routine, timeline, seg.index);
        expect(shown, `${routine.id} step ${seg.index} (${seg.kind})`).toBeDefined();
        expect(shown!.upcoming).toBe(seg.kind === 'rest');
        if ((seg.kind === 'move' || seg.kind === 'hold') && seg.side !== 'none') expect(shown!.pose.endsWith(`-${seg.side}`), `${routine.id} ${seg.label}`).toBe(true);
      }
    }
  });

  it('shows the next position during a rest, and the hold position while moving', () => {
    const routine = builtInRoutine('knees-to-chest-twist')!;
    const t = compile(routine);
    const rest = t.segments.find((s) => s.kind === 'rest')!;
    const next = t.segments[rest.index + 1];
    expect(next.kind).toBe('move');
    expect(shownPose(routine, t, rest.index)).toEqual({ pose: segmentPose(routine, next), upcoming: true });
    expect(segmentPose(routine, next)).toBe(`knees-${next.side}`);
    expect(segmentPose(routine, t.segments[0])).toBe('knees-to-chest');
    const back = t.segments.find((s) => s.kind === 'back')!;
    expect(segmentPose(routine, back)).toBe('knees-to-chest');
  });

  it('shows nothing for an exercise without pictures, and falls back to the get-ready picture for the way back', () => {
    const routine = builtInRoutine('standing-hip-twist')!;
    const t = compile(routine);
    delete routine.exercises[0].poses;
    expect(t.segments.map((s) => shownPose(routine, t, s.index)).filter(Boolean)).toEqual([]);
    routine.exercises[0].poses = { setup: 'standing' };
    const back = t.segments.find((s) => s.kind === 'back')!;
    expect(segmentPose(routine, back)).toBe('standing');
    expect(segmentPose(routine, t.segments.find((s) => s.kind === 'hold')!)).toBeUndefined();
  });

  it('lists an exercise’s positions in order for the routine page, without repeating one in a row', () => {
    const seated = builtInRoutine('seated-spinal-twist')!.exercises[0];
    expect(exercisePoseSteps(seated)).toEqual([
      { label: 'Sit up tall', pose: 'seated-cross-right' },
      { label: 'Turn left', pose: 'seated-twist-left' },
      { label: 'Face forward', pose: 'seated-cross-right' },
      { label: 'Turn right', pose: 'seated-twist-right' },
      { label: 'Face forward', pose: 'seated-cross-left' },
    ]);
    expect(exercisePoseSteps({ ...seated, poses: undefined })).toEqual([]);
  });
});
