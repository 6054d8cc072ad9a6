import { describe, expect, it } from 'vitest';
import { navigatorVibrator, speechSpeaker, webAudioBeeper } from '../../src/player/outputs';
import { TONES } from '../../src/player/vocabulary';

describe('browser output adapters', () => {
  it('speech cuts off a phrase still speaking before the next one, and only then', () => {
    const calls: string[] = [];
    class Utterance {
      constructor(readonly text: string) {}
    }
    const synth = {
      speaking: false,
      pending: false,
      cancel: () => calls.push('cancel'),
      speak: (u: SpeechSynthesisUtterance) => {
        calls.push(`speak ${u.text}`);
        synth.speaking = true;
      },
    };
    const speaker = speechSpeaker(synth, Utterance as unknown as typeof SpeechSynthesisUtterance);
    speaker.say('Twist right. Hold 5 seconds.');
    speaker.say('3');
    synth.speaking = false;
    speaker.say('2');
    expect(calls).toEqual(['speak Twist right. Hold 5 seconds.', 'cancel', 'speak 3', 'speak 2']);
  });

  it('beeps schedule one oscillator per tone, back to back with their gaps, once unlocked', () => {
    const started: [number, number, number][] = [];
    let made = 0;
    const ctx = {
      currentTime: 10,
      destination: {},
      resume: async () => undefined,
      createGain: () => ({ gain: { value: 1, setValueAtTime: () => undefined, linearRampToValueAtTime: () => undefined }, connect: (d: unknown) => d }),
      createOscillator: () => {
        const osc = {
          frequency: { value: 0 },
          connect: (g: unknown) => g,
          start: (t: number) => started.push([osc.frequency.value, t, NaN]),
          stop: (t: number) => (started[started.length - 1][2] = t),
        };
        return osc;
      },
    };
    const beeper = webAudioBeeper(() => {
      made++;
      return ctx as unknown as AudioContext;
    });
    beeper.play(TONES['hold-end']!); // not unlocked: silent
    expect(started).toEqual([]);
    beeper.unlock();
    beeper.unlock();
    expect(made).toBe(1);
    expect(started).toHaveLength(1); // the silent warm-up tone
    started.length = 0;
    beeper.play(TONES['hold-end']!);
    expect(started.map(([hz, a, b]) => [hz, +a.toFixed(3), +b.toFixed(3)])).toEqual([
      [660, 10, 10.1],
      [660, 10.2, 10.3],
    ]);
  });

  it('vibration passes the pattern through and is a no-op without navigator.vibrate', () => {
    const seen: (number | number[])[] = [];
    navigatorVibrator({ vibrate: (p) => (seen.push(p), true) }).vibrate([600]);
    navigatorVibrator({ vibrate: (p) => (seen.push(p), true) }).cancel();
    expect(seen).toEqual([[600], 0]);
    expect(() => navigatorVibrator({}).vibrate([1])).not.toThrow();
  });
});
