/** The phone's session player: pure logic (time and outputs injected), used by the player screen. */
export { monotonicClock, timerScheduler, type Clock, type Scheduler } from './clock';
export { PlayerEngine, STALE_AFTER_MS, SKIP_BACK_GRACE_MS, type PlayerOptions, type PlayerSnapshot, type PlayerState } from './engine';
export { momentsOf, type Moment } from './moments';
export { CueRouter, type CueEmission, type CueSettings } from './cue-router';
export { speechSpeaker, webAudioBeeper, navigatorVibrator, type CueOutputs, type VoiceChoice, type Speaker, type Beeper, type Vibrator } from './outputs';
export { TONES, isVocabulary, type Tone } from './vocabulary';
export {
  scriptOf,
  speechMs,
  pausedPhrase,
  resumingPhrase,
  clampRate,
  CHARS_PER_SECOND,
  SPEECH_GAP_MS,
  RATE_MIN,
  RATE_MAX,
  type Utterance,
  type UtteranceKind,
  type ScriptSettings,
} from './script';
export { PHRASES, EN, phrasesFor, type PhraseTable, type Wordings, type TrainerCueType } from './phrases';
export { WakeLockKeeper, type WakeLockLike, type SentinelLike, type VisibilityLike } from './wake-lock';
export { trainerCues, trainerSettings, TRAINER_CUES, type TrainerCue } from './trainer';
export { SessionLog, CONTINUE_WINDOW_MS, continueOffer, endInterrupted, type SessionSave, type SessionBegin, type ContinueOffer } from './session-log';
export { HiddenCueTally, LATE_CUE_MS, hiddenCuesMessage } from './hidden-cues';
export { STOP_HOLD_MS, STOP_UNDO_MS } from './deliberate-stop';
