import { describe, expect, it } from 'vitest';
import { BUILT_INS, compile, type Routine } from '../../src/routine/index';
import { DEFAULT_SETTINGS } from '../../src/data/schema';
import { CueRouter, type CueSettings } from '../../src/player/cue-router';
import { momentsOf } from '../../src/player/moments';
import type { CueOutputs } from '../../src/player/outputs';
import type { Tone } from '../../src/player/vocabulary';

const standing = compile(BUILT_INS[2].routine);

function recorder() {
  const log: string[] = [];
  const outputs: CueOutputs = {
    speaker: { say: (t) => log.push(`say ${t}`), cancel: () => log.push('hush') },
    beeper: { unlock: () => log.push('unlock'), play: (tones: readonly Tone[]) => log.push(`beep ${tones.map((t) => t.hz).join(',')}`) },
    vibrator: { vibrate: (p) => log.push(`buzz ${p.join(',')}`), cancel: () => log.push('still') },
  };
  return { log, outputs };
}

const settings = (patch: Partial<CueSettings> = {}): CueSettings => ({ ...structuredClone(DEFAULT_SETTINGS), ...patch });

describe('CueRouter', () => {
  it('speaks, beeps and buzzes the watch vocabulary, moment by moment', () => {
    const { log, outputs } = recorder();
    const router = new CueRouter(standing, outputs, settings());
    const moments = momentsOf(standing, false);
    const at = (ms: number) => router.fire(moments.find((m) => m.atMs === ms)!, 0);

    expect(at(8000)).toMatchObject({ types: ['hold-start'], speech: 'Twist right. Hold 5 seconds.', vibration: [200] });
    expect(at(13_000)).toMatchObject({ types: ['hold-end'], speech: 'Face forward.', vibration: [100, 120, 100] });
    expect(at(16_000)).toMatchObject({ types: ['switch-side'], speech: 'Switch sides.', vibration: [600] });
    // A rep-done alone is bookkeeping: nothing said, beeped or buzzed.
    expect(at(27_000)).toMatchObject({ types: ['rep-done'], speech: null, vibration: null, beep: null });
    const end = at(75_000);
    expect(end).toMatchObject({ types: ['rep-done', 'exercise-done', 'routine-done'], speech: 'Done.' });
    expect(end.vibration).toEqual(DEFAULT_SETTINGS.cuePatterns['routine-done']);
    // Vibration and beep first (precise), speech last.
    expect(log).toEqual([
      'buzz 200',
      'beep 880',
      'say Twist right. Hold 5 seconds.',
      'buzz 100,120,100',
      'beep 660,660',
      'say Face forward.',
      'buzz 600',
      'beep 440',
      'say Switch sides.',
      'buzz 600,200,600,200,600',
      'beep 523,659,784',
      'say Done.',
    ]);
  });

  it('each output follows its own switch, read at every moment', () => {
    const { log, outputs } = recorder();
    const router = new CueRouter(standing, outputs, settings({ voice: false, beeps: false }));
    const m = momentsOf(standing, false).find((x) => x.atMs === 16_000)!;
    expect(router.fire(m, 3)).toMatchObject({ speech: null, beep: null, vibration: [600], lateMs: 3 });
    router.settings = settings({ phoneVibration: false });
    expect(router.fire(m, 0)).toMatchObject({ speech: 'Switch sides.', vibration: null, beep: [{ hz: 440 }] });
    expect(log).toEqual(['buzz 600', 'beep 440', 'say Switch sides.']);
  });

  it('says 3-2-1 only with voice and countdown on', () => {
    const { log, outputs } = recorder();
    const count = momentsOf(standing, true).find((m) => m.count === 2)!;
    expect(new CueRouter(standing, outputs, settings()).fire(count, 0)).toMatchObject({ count: 2, speech: '2', types: [] });
    expect(new CueRouter(standing, outputs, settings({ countdown: false })).fire(count, 0).speech).toBeNull();
    expect(log).toEqual(['say 2']);
  });

  it('joins two patterns on one moment and names the side when there is no move step', () => {
    const routine: Routine = structuredClone(BUILT_INS[2].routine);
    routine.exercises[0].move = 0;
    const t = compile(routine);
    const { outputs } = recorder();
    const router = new CueRouter(t, outputs, settings({ cuePatterns: { ...DEFAULT_SETTINGS.cuePatterns, 'hold-start': [150, 50] } }));
    const both = momentsOf(t, false).find((m) => m.cues.some((c) => c.type === 'switch-side'))!;
    expect(router.fire(both, 0)).toMatchObject({
      types: ['switch-side', 'hold-start'],
      speech: 'Switch sides. Left side. Hold 5 seconds.',
      vibration: [600, 200, 150],
    });
  });

  it('opens with the first step and unlocks audio on start', () => {
    const { log, outputs } = recorder();
    expect(new CueRouter(standing, outputs, settings()).started()).toBe('Stand, arms out.');
    expect(log).toEqual(['unlock', 'say Stand, arms out.']);
  });
});
