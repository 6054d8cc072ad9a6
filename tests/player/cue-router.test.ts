import { describe, expect, it } from 'vitest';
import { compile, type Routine } from '../../src/routine/index';
import { DEFAULT_SETTINGS } from '../../src/data/schema';
import { CueRouter, type CueSettings } from '../../src/player/cue-router';
import { momentsOf } from '../../src/player/moments';
import { scriptOf } from '../../src/player/script';
import type { CueOutputs } from '../../src/player/outputs';
import type { Tone } from '../../src/player/vocabulary';
import { fixedStanding } from './fixtures';

const standing = compile(fixedStanding());
const moments = momentsOf(standing, scriptOf(standing));

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
const at = (ms: number) => moments.find((m) => m.atMs === ms)!;

describe('CueRouter', () => {
  it("says the script's words and beeps and buzzes the watch vocabulary, moment by moment", () => {
    const { log, outputs } = recorder();
    const router = new CueRouter(outputs, settings());
    // The move starts: its direction is said now, with no buzz (not a cue of the wrist's vocabulary).
    expect(router.fire(at(5000), 0)).toMatchObject({ types: [], speech: 'Repetition 1 of 3. Twist to the right.', vibration: null, beep: null });
    expect(router.fire(at(8000), 0)).toMatchObject({ types: ['hold-start'], speech: 'Hold 5 seconds.', vibration: [200] });
    expect(router.fire(at(13_000), 0)).toMatchObject({ types: ['hold-end'], speech: 'Face forward.', vibration: [100, 120, 100] });
    expect(router.fire(at(16_000), 0)).toMatchObject({ types: ['switch-side'], speech: 'Twist to the left.', vibration: [600] });
    // A rep-done alone is bookkeeping: nothing said, beeped or buzzed.
    expect(router.fire(at(27_000), 0)).toMatchObject({ types: ['rep-done'], speech: null, caption: null, vibration: null, beep: null });
    const end = router.fire(at(75_000), 0);
    expect(end).toMatchObject({ types: ['rep-done', 'exercise-done', 'routine-done'], speech: 'That is the whole routine. Well done. Rest a moment and notice how your back feels.' });
    expect(end.vibration).toEqual(DEFAULT_SETTINGS.cuePatterns['routine-done']);
    // Vibration and beep first (precise), speech last.
    expect(log).toEqual([
      'say Repetition 1 of 3. Twist to the right.',
      'buzz 200',
      'beep 880',
      'say Hold 5 seconds.',
      'buzz 100,120,100',
      'beep 660,660',
      'say Face forward.',
      'buzz 600',
      'beep 440',
      'say Twist to the left.',
      'buzz 600,200,600,200,600',
      'beep 523,659,784',
      'say That is the whole routine. Well done. Rest a moment and notice how your back feels.',
    ]);
  });

  it('each output follows its own switch, read at every moment; the caption stays with the voice off', () => {
    const { log, outputs } = recorder();
    const router = new CueRouter(outputs, settings({ voice: false, beeps: false }));
    expect(router.fire(at(16_000), 3)).toMatchObject({ speech: null, caption: 'Twist to the left.', beep: null, vibration: [600], lateMs: 3 });
    router.settings = settings({ phoneVibration: false });
    expect(router.fire(at(16_000), 0)).toMatchObject({ speech: 'Twist to the left.', vibration: null, beep: [{ hz: 440 }] });
    expect(log).toEqual(['buzz 600', 'beep 440', 'say Twist to the left.']);
  });

  it('says 3-2-1 only with voice and countdown on', () => {
    const { log, outputs } = recorder();
    const count = at(11_000);
    expect(new CueRouter(outputs, settings()).fire(count, 0)).toMatchObject({ count: 2, speech: '2', types: [] });
    expect(new CueRouter(outputs, settings({ countdown: false })).fire(count, 0)).toMatchObject({ count: 2, speech: null, caption: null });
    expect(log).toEqual(['say 2']);
  });

  it('joins two patterns on one moment, and says the direction with the hold when there is no move step', () => {
    const routine: Routine = fixedStanding();
    routine.exercises[0].move = 0;
    const t = compile(routine);
    const { outputs } = recorder();
    const router = new CueRouter(outputs, settings({ cuePatterns: { ...DEFAULT_SETTINGS.cuePatterns, 'hold-start': [150, 50] } }));
    const both = momentsOf(t, scriptOf(t)).find((m) => m.cues.some((c) => c.type === 'switch-side'))!;
    expect(router.fire(both, 0)).toMatchObject({
      types: ['switch-side', 'hold-start'],
      speech: 'Left side. Hold.',
      vibration: [600, 200, 150],
    });
  });

  it('unlocks audio on start; says "Paused." and "Resuming." with the step under way', () => {
    const { log, outputs } = recorder();
    const router = new CueRouter(outputs, settings());
    router.started();
    expect(router.paused()).toBe('Paused.');
    expect(router.resumed(standing.segments[2])).toBe('Resuming. Hold.'); // the first hold
    expect(router.resumed(standing.segments[1])).toBe('Resuming. Twist right.'); // a move
    expect(router.resumed(standing.segments[3])).toBe('Resuming. Face forward.'); // the way back
    expect(log).toEqual(['unlock', 'say Paused.', 'say Resuming. Hold.', 'say Resuming. Twist right.', 'say Resuming. Face forward.']);
    const quiet = recorder();
    expect(new CueRouter(quiet.outputs, settings({ voice: false })).paused()).toBe('Paused.');
    expect(quiet.log).toEqual([]);
  });
});
