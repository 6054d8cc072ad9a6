import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/data/schema';
import { CueRouter } from '../../src/player/cue-router';
import { trainerCues, trainerSettings } from '../../src/player/trainer';
import type { Tone } from '../../src/player/vocabulary';

describe('the cue trainer', () => {
  it('plays each buzzing cue with voice, beep and vibration together, even with the session switches off', () => {
    const log: string[] = [];
    const router = new CueRouter(
      {
        speaker: { say: (t) => log.push(`say ${t}`), cancel: () => undefined },
        beeper: { unlock: () => undefined, play: (tones: readonly Tone[]) => log.push(`beep ${tones.map((t) => t.hz).join(',')}`) },
        vibrator: { vibrate: (p) => log.push(`buzz ${p.join(',')}`), cancel: () => undefined },
      },
      trainerSettings({ ...DEFAULT_SETTINGS, voice: false, beeps: false, phoneVibration: false }),
    );
    const cues = trainerCues();
    expect(cues.map((c) => [c.type, c.name])).toEqual([
      ['hold-start', 'Hold starts'],
      ['hold-end', 'Hold ends'],
      ['switch-side', 'Switch sides'],
      ['routine-done', 'Done'],
    ]);
    for (const c of cues) router.fire(c.moment, 0);
    expect(log).toEqual([
      'buzz 200',
      'beep 880',
      'say Hold starts. Stay where you are.',
      'buzz 100,120,100',
      'beep 660,660',
      'say Hold ends. Come back to the middle.',
      'buzz 600',
      'beep 440',
      'say Switch sides. The other side is next.',
      'buzz 600,200,600,200,600',
      'beep 523,659,784',
      'say Done. That is the end of the routine.',
    ]);
  });
});
