/**
 * Connects the pure player (src/player) to a Lit host and the browser: real clock and timers,
 * voice, beeps, vibration, the wake lock, and a catch-up tick when the page becomes visible.
 * The host renders `snapshot` and reacts to the callbacks; it holds no timing logic itself.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Timeline } from '../../routine/index';
import { announceSessionState } from '../../pwa/session-signal';
import type { HiddenCues } from '../../data/schema';
import {
  CueRouter,
  HiddenCueTally,
  PlayerEngine,
  WakeLockKeeper,
  scriptOf,
  monotonicClock,
  navigatorVibrator,
  speechSpeaker,
  timerScheduler,
  webAudioBeeper,
  type CueEmission,
  type CueOutputs,
  type CueSettings,
  type PlayerSnapshot,
  type VoiceChoice,
  type WakeLockLike,
} from '../../player/index';
import type { Settings } from '../../data/schema';

export interface PlayerCallbacks {
  /** A moment fired: what was said, beeped and buzzed. */
  onEmission(emission: CueEmission): void;
  /** The session reached its end or was stopped. */
  onDone(snapshot: PlayerSnapshot): void;
  /** Any change of the snapshot (each second, each step, pause, resume): the record follows it. */
  onChange?(snapshot: PlayerSnapshot): void;
  /** Back from a hidden or frozen page whose cues came late or not at all. */
  onHiddenSpell?(spell: HiddenCues): void;
}

/** The settings the player reads: the cue switches and how to speak. */
export type PlayerSettings = CueSettings & Pick<Settings, 'speechVoice' | 'speechRate' | 'breathing'>;

/** The browser's voice, beeps and vibration; `voice` is read at every phrase. */
export function browserOutputs(voice: () => VoiceChoice): CueOutputs {
  const outputs: CueOutputs = { vibrator: navigatorVibrator(navigator) };
  if ('speechSynthesis' in window) outputs.speaker = speechSpeaker(window.speechSynthesis, SpeechSynthesisUtterance, voice);
  if ('AudioContext' in window) outputs.beeper = webAudioBeeper(() => new AudioContext());
  return outputs;
}

export class PlayerController implements ReactiveController {
  snapshot: PlayerSnapshot | null = null;
  private _engine: PlayerEngine | null = null;
  private _router: CueRouter | null = null;
  private _wake: WakeLockKeeper | null = null;
  private _settings: PlayerSettings | null = null;
  /** The script's last words (spoken or not), for the screen's caption. */
  caption: string | null = null;
  private readonly _hidden = new HiddenCueTally();

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _callbacks: PlayerCallbacks,
  ) {
    _host.addController(this);
  }

  get wakeLockError(): string | null {
    return this._wake?.error ?? null;
  }

  /**
   * Builds a player for `timeline`; call again for a new session. The script (the words and
   * when they are said) follows the rate and breathing settings of this moment.
   */
  load(timeline: Timeline, settings: PlayerSettings): void {
    this._engine?.dispose();
    this._settings = settings;
    this.caption = null;
    this._router = new CueRouter(browserOutputs(() => this._voice()), settings);
    this._engine = new PlayerEngine(timeline, {
      clock: monotonicClock,
      scheduler: timerScheduler,
      // The counts are always in it; the router says them only with the 3-2-1 switch on.
      script: scriptOf(timeline, { speechRate: settings.speechRate, breathing: settings.breathing }),
      onMoment: (moment, lateMs) => {
        this._hidden.cue(lateMs);
        const e = this._router!.fire(moment, lateMs);
        if (e.caption) this.caption = e.caption;
        this._callbacks.onEmission(e);
      },
      onChange: (s) => this._changed(s),
    });
    this.snapshot = this._engine.snapshot();
    this._host.requestUpdate();
  }

  /** Settings changed mid-session: switches and voice apply from the next moment. */
  set settings(settings: PlayerSettings) {
    this._settings = settings;
    if (this._router) this._router.settings = settings;
  }

  private _voice(): VoiceChoice {
    return { lang: 'en', voiceURI: this._settings?.speechVoice, rate: this._settings?.speechRate };
  }

  /**
   * Must run inside the Start click: audio and speech need the user gesture. `fromMs`: where to
   * begin (the start of a step, when continuing an interrupted session).
   */
  start(fromMs = 0): string | null {
    if (!this._engine || this._engine.state !== 'idle') return null;
    // The anchor first: the first speech call can block for hundreds of ms while the browser
    // loads its voices, and the session must not start that late.
    this._engine.start(fromMs);
    this._router!.started();
    void this._wake?.acquire();
    return this.caption;
  }

  pause = (): void => {
    if (this._engine?.state !== 'running') return;
    this._engine.pause();
    // A pause that reached the end finishes instead: nothing to say then.
    if (this._engine.snapshot().state === 'paused') this.caption = this._router!.paused();
    this._host.requestUpdate();
  };

  resume = (): void => {
    if (this._engine?.state !== 'paused') return;
    this.caption = this._router!.resumed(this._engine.snapshot().segment);
    this._engine.resume();
  };

  /** The user's "next" in an open-ended hold (a no-op elsewhere). */
  next = (): void => void this._engine?.next();
  skipForward = (): void => this._engine?.skipForward();
  skipBack = (): void => this._engine?.skipBack();
  stop = (): void => this._engine?.stop();

  /** Before Start: why the screen could turn off during a session (wake lock refused), or null. */
  probeWakeLock(): Promise<string | null> {
    return this._wake?.probe() ?? Promise.resolve(null);
  }

  hostConnected(): void {
    const wakeLock = (navigator as Navigator & { wakeLock?: WakeLockLike }).wakeLock;
    this._wake = new WakeLockKeeper(wakeLock, document, () => this._host.requestUpdate());
    document.addEventListener('visibilitychange', this._onVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this._onVisibility);
    // Leaving the screen mid-session ends it (recorded as stopped early), never leaves it ticking.
    this._engine?.stop();
    this._engine?.dispose();
    this._router?.silence();
    void this._wake?.dispose();
    this._wake = null;
    this._announce(false);
  }

  /** Whether the page last told the shell a session is under way (so an update waits for it). */
  private _running = false;

  private _announce(running: boolean): void {
    if (running === this._running) return;
    this._running = running;
    announceSessionState(running);
  }

  private _changed(s: PlayerSnapshot): void {
    const wasDone = this.snapshot?.state === 'done';
    this.snapshot = s;
    this._announce(s.state === 'running' || s.state === 'paused');
    this._host.requestUpdate();
    this._callbacks.onChange?.(s);
    if (s.state === 'done' && !wasDone) {
      void this._wake?.release();
      if (!s.completed) this._router?.silence();
      this._callbacks.onDone(s);
    }
  }

  /** Timers were throttled or frozen while hidden: catch up at once instead of waiting for them. */
  private _onVisibility = (): void => {
    const engine = this._engine;
    if (!engine || engine.state === 'idle') return;
    if (document.visibilityState === 'hidden') {
      if (engine.state === 'running') this._hidden.hide(performance.now(), engine.snapshot().droppedMoments);
      return;
    }
    engine.tick();
    const spell = this._hidden.show(performance.now(), engine.snapshot().droppedMoments);
    if (spell) this._callbacks.onHiddenSpell?.(spell);
  };
}
