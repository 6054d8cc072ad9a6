/**
 * The three cue outputs behind small interfaces, so the router is testable with fakes. The
 * browser adapters take the platform objects as arguments instead of reading globals: the
 * screen passes `speechSynthesis`, `AudioContext`, `navigator`.
 */
import type { Tone } from './vocabulary';

export interface Speaker {
  say(text: string): void;
  cancel(): void;
}

export interface Beeper {
  /** Create or resume the audio context; call from a user gesture (Start), or browsers keep it muted. */
  unlock(): void;
  play(tones: readonly Tone[]): void;
}

export interface Vibrator {
  vibrate(pattern: number[]): void;
  cancel(): void;
}

export interface CueOutputs {
  speaker?: Speaker;
  beeper?: Beeper;
  vibrator?: Vibrator;
}

type SynthLike = Pick<SpeechSynthesis, 'speak' | 'cancel' | 'speaking' | 'pending'> & { getVoices?: () => SpeechSynthesisVoice[] };

/** How to speak: read at every phrase, so a change in Settings applies at once. */
export interface VoiceChoice {
  /** voiceURI of the chosen voice; absent or not on this device: the browser's default. */
  voiceURI?: string;
  /** 0.7–1.3. */
  rate?: number;
  /** BCP 47 language of the phrases. */
  lang: string;
}

/** speechSynthesis. A new phrase cuts the old one off, so speech never falls behind the timeline. */
export function speechSpeaker(
  synth: SynthLike,
  Utterance: new (text: string) => SpeechSynthesisUtterance,
  choice: () => VoiceChoice = () => ({ lang: 'en' }),
): Speaker {
  return {
    say(text) {
      // cancel() is a call into the browser that can take milliseconds: only when needed.
      if (synth.speaking || synth.pending) synth.cancel();
      const u = new Utterance(text);
      const c = choice();
      u.lang = c.lang;
      if (c.rate) u.rate = c.rate;
      const voice = c.voiceURI ? synth.getVoices?.().find((v) => v.voiceURI === c.voiceURI) : undefined;
      if (voice) u.voice = voice;
      synth.speak(u);
    },
    cancel: () => synth.cancel(),
  };
}

type AudioLike = Pick<AudioContext, 'currentTime' | 'destination' | 'resume' | 'createOscillator' | 'createGain'>;

/** Web Audio sine beeps with a short fade in and out, so they do not click. */
export function webAudioBeeper(makeContext: () => AudioLike): Beeper {
  let ctx: AudioLike | null = null;
  const FADE = 0.01;
  return {
    unlock() {
      if (!ctx) {
        ctx = makeContext();
        // A silent tone now: building the audio graph the first time costs ~20 ms, which would
        // otherwise land on the first cue.
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        gain.gain.value = 0;
        osc.connect(gain).connect(ctx.destination);
        osc.start();
        osc.stop(ctx.currentTime + 0.01);
      }
      void ctx.resume().catch(() => undefined);
    },
    play(tones) {
      if (!ctx) return;
      let t = ctx.currentTime;
      for (const tone of tones) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        const end = t + tone.ms / 1000;
        osc.frequency.value = tone.hz;
        gain.gain.setValueAtTime(0, t);
        gain.gain.linearRampToValueAtTime(0.6, t + FADE);
        gain.gain.setValueAtTime(0.6, end - FADE);
        gain.gain.linearRampToValueAtTime(0, end);
        osc.connect(gain).connect(ctx.destination);
        osc.start(t);
        osc.stop(end);
        t = end + tone.gapMs / 1000;
      }
    },
  };
}

/** navigator.vibrate; a no-op where the platform has none (iOS, desktop). */
export function navigatorVibrator(nav: { vibrate?: (pattern: number[] | number) => boolean }): Vibrator {
  return {
    vibrate: (pattern) => void nav.vibrate?.(pattern),
    cancel: () => void nav.vibrate?.(0),
  };
}
