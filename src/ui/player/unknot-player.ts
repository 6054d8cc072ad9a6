import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { compile, type Routine, type Timeline } from '../../routine/index';
import { DEFAULT_SETTINGS, type Settings } from '../../data/schema';
import type { UnknotData } from '../../data/api';
import { SessionJournal } from '../../data/session-journal';
import {
  SessionLog,
  STOP_UNDO_MS,
  continueOffer,
  endInterrupted,
  hiddenCuesMessage,
  type ContinueOffer,
  type CueEmission,
  type PlayerSnapshot,
  type SessionSave,
} from '../../player/index';
import type { HiddenCues } from '../../data/schema';
import type { Segment } from '../../routine/index';
import { LEAVE_REQUEST, navigate } from '../common/navigate';
import './unknot-hold-button';
import './unknot-session-screen';
import type { UnknotSessionScreen } from './unknot-session-screen';
import { routineSourceContext, type RoutineSource } from '../context/app-context';
import { dataContext } from '../context/data-context';
import { PlayerController } from './player-controller';
import { sharedStyles } from '../common/shared-styles';
import { sessionControlStyles } from './session-styles';
import './unknot-player-display';
import '../common/unknot-pain-scale';
import './unknot-cue-settings';
import './unknot-cue-trainer';
import '../watch/index';
import './unknot-watch-session';
import { buzzesAlert, openHoldWarning, type WatchLink } from '../../watch-link/index';
import { WatchLinkController, watchLinkContext } from '../context/watch-link-context';
import '../poses/index';
import { GENTLE_SUMMARY, gentleRoutine, restAdvisedBefore, sessionFlag } from '../../safety/index';
import '../safety/index';
import '../common/unknot-session-notes';
import '../common/unknot-restore-builtins';
import type { SessionNotes } from '../common/unknot-session-notes';

/** The parts of the data layer the player uses. */
export type PlayerData = Pick<UnknotData, 'sessions' | 'settings'>;

type SaveState = 'unsaved' | 'saving' | 'saved' | 'failed';

/** An interrupted session of this routine that may be continued, with the plan it was played from. */
type Offer = ContinueOffer & { plan: Routine; timeline: Timeline };

/** What a step is called on screen and on the Continue button. */
const stepName = (seg: Segment) => (seg.kind === 'hold' && seg.side !== 'none' ? `Hold ${seg.side}` : seg.label);

/**
 * The session player screen: pain before (optional), Start, the running session with big
 * Pause / Skip / Stop controls, then pain after and the history entry.
 *
 * @fires unknot-cue - at every cue moment; detail is the CueEmission (what was said, buzzed, beeped)
 */
@customElement('unknot-player')
export class UnknotPlayer extends LitElement {
  static override styles = [
    sharedStyles,
    sessionControlStyles,
    css`
      .controls button,
      .start {
        min-height: calc(var(--u-target) * 1.5);
        font-size: 1.3rem;
        font-weight: 600;
      }
      .controls .main {
        grid-column: 1 / -1;
      }
      .start {
        width: 100%;
        margin: 1rem 0;
      }
      .caption {
        font-size: 1.4rem;
        min-height: 2em;
      }
      section + section {
        margin-top: 1rem;
      }
      /* Far from Back and Skip: a slip on those cannot reach Stop. */
      .stop-row {
        margin-top: 3rem;
        display: flex;
        justify-content: flex-end;
      }
      .stop-row unknot-hold-button {
        min-width: 50%;
      }
      .offer {
        border-left: 6px solid var(--u-accent);
        margin-bottom: 1rem;
      }
      .offer .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
      .warn {
        border-left: 6px solid var(--u-hold);
        margin: 1rem 0;
      }
      dialog {
        background: var(--u-bg);
        color: var(--u-text);
        border: 1px solid var(--u-border);
        border-radius: var(--u-radius);
        max-width: min(30rem, 92vw);
      }
      dialog .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        justify-content: flex-end;
      }
    `,
  ];

  /** Id of the routine to play. */
  @property() routineId = '';

  @consume({ context: routineSourceContext, subscribe: true })
  @property({ attribute: false })
  routineSource?: RoutineSource;

  /** Where the session is saved and the cue settings are read; without it nothing is saved. */
  @consume({ context: dataContext, subscribe: true })
  @property({ attribute: false })
  data?: PlayerData;

  @state() private _routine: Routine | null | undefined = undefined;
  @state() private _settings: Settings = structuredClone(DEFAULT_SETTINGS);
  @state() private _painBefore: number | undefined = undefined;
  @state() private _painAfter: number | undefined = undefined;
  @state() private _announcement = '';
  @state() private _save: SaveState = 'unsaved';
  /** Pain before was high and the user chose the gentle version (src/safety) or to rest. */
  @state() private _gentle = false;
  @state() private _resting = false;
  /** The note and "how it felt" given after the session, saved with it or added to it. */
  @state() private _notes: SessionNotes = {};
  @state() private _notesState = '';

  /** The watch link: with the Unknot module the session can run on the wrist instead. */
  @consume({ context: watchLinkContext, subscribe: true })
  @property({ attribute: false })
  link?: WatchLink;

  /** The session runs on the watch: the phone's own player stays idle and emits nothing. */
  @state() private _onWatch = false;
  private _timeline: Timeline | null = null;
  /** The history record of the phone session under way, saved as it happens (see SessionLog). */
  private _log: SessionLog | null = null;
  /** A save asked for before the database was open; written as soon as it is. */
  private _unsaved: SessionSave | null = null;
  private readonly _journal = new SessionJournal();
  /** Saves in order, one after another, so an older state never overwrites a newer one. */
  private _writes: Promise<unknown> = Promise.resolve();
  @state() private _saveError = '';
  @state() private _offer: Offer | null = null;
  /** After "End it". */
  @state() private _ended = '';
  /** Said before Start when the screen may turn off during the session. */
  @state() private _wakeWarning: string | null = null;
  /** Said on return from a hidden page whose cues came late or not at all. */
  @state() private _hiddenNotice = '';
  /** The deliberate stop's undo: when the session ends unless taken back; null when not stopping. */
  @state() private _stopAt: number | null = null;
  @state() private _now = Date.now();
  private _stopTimer: ReturnType<typeof setInterval> | undefined;
  private _resumeOnUndo = false;
  /** Where the person wanted to go when asked whether to leave the session. */
  @state() private _leaveTo: string | null = null;

  private readonly _player = new PlayerController(this, {
    onEmission: (e) => this._onEmission(e),
    onDone: (s) => this._onDone(s),
    onChange: (s) => this._follow(s),
    onHiddenSpell: (spell) => this._onHiddenSpell(spell),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this._onBeforeUnload);
    window.addEventListener(LEAVE_REQUEST, this._onLeaveRequest);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback(); // the controller stops a running session first (saved as stopped early)
    this._clearStop();
    window.removeEventListener('beforeunload', this._onBeforeUnload);
    window.removeEventListener(LEAVE_REQUEST, this._onLeaveRequest);
    this._leaveFullscreen();
  }

  /** Re-renders when the link changes (the watch's module version arrives after connecting). */
  private readonly _watch = new WatchLinkController(this);

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('link')) this._watch.link = this.link;
    if (changed.has('routineId') || changed.has('routineSource')) void this._load();
    if (changed.has('data') && this.data) {
      void this._loadSettings(this.data);
      void this._findOffer();
      if (this._unsaved) {
        const pending = this._unsaved;
        this._unsaved = null;
        this._write(pending);
      }
    }
  }

  /** A session is under way on the phone (running, paused, or in its stop's undo time). */
  private _underWay(): boolean {
    const state = this._player.snapshot?.state;
    return state === 'running' || state === 'paused';
  }

  private async _load(): Promise<void> {
    // A new routine source (the database opening) must not replace a session under way.
    const underWay = () => (this._player.snapshot?.state ?? 'idle') !== 'idle' && this._routine?.id === this.routineId;
    if (underWay()) return;
    const routine = (await this.routineSource?.get(this.routineId)) ?? null;
    if (underWay()) return;
    this._routine = routine;
    this._timeline = routine ? compile(routine) : null;
    if (this._timeline) this._player.load(this._timeline, this._settings);
    void this._findOffer();
    if (routine && this._wakeWarning === null) this._wakeWarning = (await this._player.probeWakeLock()) ?? '';
  }

  /** Looks for an interrupted session of this routine that can still be continued. */
  private async _findOffer(): Promise<void> {
    const data = this.data;
    const routineId = this._routine?.id;
    if (!data || !routineId || this._underWay() || this._log) return;
    try {
      const now = Date.now();
      const offer = continueOffer(await data.sessions.list({ from: now - 86_400_000 }), routineId, now);
      if (!offer) return;
      const plan = await data.sessions.plan(offer.record.planId);
      if (!plan || this._underWay() || this._log) return;
      const timeline = compile(plan);
      if (offer.stepIndex >= timeline.segments.length) return;
      this._now = Date.now();
      this._offer = { ...offer, plan, timeline };
    } catch {
      // No offer is no loss: the record is in history as stopped early either way.
    }
  }

  private async _loadSettings(data: PlayerData): Promise<void> {
    this._settings = await data.settings.get();
    this._player.settings = this._settings;
    // The script's wording follows the speaking rate and breathing settings: rebuild it before Start.
    if (this._timeline && (this._player.snapshot?.state ?? 'idle') === 'idle') this._player.load(this._timeline, this._settings);
  }

  override render() {
    const r = this._routine;
    if (r === undefined) return html`<p aria-busy="true">Loading…</p>`;
    if (r === null) {
      // A shortcut to a deleted built-in offers the restore (unknot-restore-builtins), else "No routine called".
      return html`<unknot-restore-builtins .routineId=${this.routineId} @builtin-restored=${() => void this._load()}></unknot-restore-builtins>`;
    }
    const s = this._player.snapshot;
    const state = s?.state ?? 'idle';
    return html`
      <h1>${r.name}</h1>
      <p role="status" class="visually-hidden" data-testid="announcer">${this._announcement}</p>
      ${state === 'idle' ? this._renderBefore() : state === 'done' ? this._renderAfter(s!) : this._renderPlaying(s!)}
      <dialog id="leave" aria-labelledby="leave-title" @close=${() => (this._leaveTo = null)}>
        <h2 id="leave-title">Leave this session?</h2>
        <p>Leaving stops it. It stays in your history as stopped early, with the steps done so far.</p>
        <div class="actions">
          <button class="primary" autofocus @click=${this._stayInSession}>Keep going</button>
          <button class="stop" @click=${this._stopAndLeave}>Stop and leave</button>
        </div>
      </dialog>
    `;
  }

  private _renderBefore() {
    // One template for both modes, so the watch session element keeps its state when it starts.
    // With pain 8 or more the choice is rest or the gentle version (on the phone): the watch's Start waits.
    const gated = restAdvisedBefore(this._painBefore) && !this._onWatch;
    return html`
      <unknot-safety-advice></unknot-safety-advice>
      ${gated
        ? nothing
        : html`<unknot-watch-session
            .routine=${this._routine}
            .timeline=${this._timeline}
            @watch-session-start=${() => (this._onWatch = true)}
          ></unknot-watch-session>`}
      ${this._renderWatchTooOld()} ${this._onWatch ? nothing : this._renderOffer()} ${this._onWatch ? nothing : this._renderPhoneStart()}
      <unknot-watch-panel></unknot-watch-panel>
    `;
  }

  /** A connected watch whose module cannot wait for a press, with open-ended holds ahead: say so before Start. */
  private _renderWatchTooOld() {
    const link = this.link;
    const warning = link?.connected && link.kind === 'unknot' && this._timeline ? openHoldWarning(this._timeline, link.hello) : null;
    if (!warning) return nothing;
    return html`<p class="card" role="note" data-testid="watch-too-old">
      ${warning}
      <button @click=${() => this.renderRoot.querySelector('unknot-watch-panel')?.scrollIntoView({ block: 'start' })}>Update the watch module</button>
    </p>`;
  }

  private _renderOffer() {
    if (this._ended) return html`<p class="card offer" role="status">${this._ended}</p>`;
    const o = this._offer;
    if (!o) return nothing;
    const minutes = Math.max(1, Math.round((this._now - o.record.endedAt) / 60_000));
    const step = stepName(o.timeline.segments[o.stepIndex]);
    return html`<section class="card offer" aria-labelledby="offer-title" data-testid="continue-offer">
      <h2 id="offer-title">Your last session was cut off</h2>
      <p>${o.stepIndex} of ${o.timeline.segments.length} steps were done, about ${minutes} min ago. It is in your history as stopped early.</p>
      <div class="actions">
        <button class="primary" @click=${this._continue}>Continue from “${step}”</button>
        <button @click=${this._endInterrupted}>End it</button>
      </div>
    </section>`;
  }

  private _renderPhoneStart() {
    const warning = this._wakeWarning
      ? html`<p class="card warn" role="status" data-testid="wake-warning">
          ${this._wakeWarning} The screen may turn off during the session and the cues would then come late or not at all. Keep
          the screen on by hand (a longer screen timeout in the phone's settings), or use the watch: it keeps time on your wrist.
        </p>`
      : nothing;
    return html`${warning}
      <section class="card">
        <unknot-pain-scale
          label="Pain now, before starting (optional)"
          .value=${this._painBefore}
          @pain-change=${(e: CustomEvent<{ value?: number }>) => (this._painBefore = e.detail.value)}
        ></unknot-pain-scale>
      </section>
      ${this._startChoice()}
      <unknot-cue-trainer .settings=${this._settings}></unknot-cue-trainer>
      <unknot-cue-settings .settings=${this._settings} @settings-change=${this._onSettings}></unknot-cue-settings>
    `;
  }

  /** An open-ended hold that waits for the user's "next" (and no stop pending). */
  private _awaitsNext(s: PlayerSnapshot): boolean {
    return s.waitingForNext && s.state === 'running' && this._stopAt === null;
  }

  /** What the main (lower-half) target says now. */
  private _mainLabel(s: PlayerSnapshot): string {
    if (this._stopAt !== null) return `Undo stop (${this._stopLeft()} s)`;
    if (this._awaitsNext(s)) return 'Next';
    return s.state === 'paused' ? 'Resume' : 'Pause';
  }

  private _stopLeft(): number {
    return this._stopAt === null ? 0 : Math.max(1, Math.ceil((this._stopAt - this._now) / 1000));
  }

  /** Lines under the step; the session screen shows the state on its big target instead. */
  private _notices(s: PlayerSnapshot, withState = true): string[] {
    return [
      !withState ? '' : this._stopAt !== null ? `Stopping in ${this._stopLeft()} s.` : s.state === 'paused' ? 'Paused.' : '',
      this._hiddenNotice,
      this._player.wakeLockError ?? '',
      this._saveError,
    ].filter(Boolean);
  }

  /** Start, or, with pain before 8 or more, the advice to rest with the gentle version as the other choice. */
  private _startChoice() {
    if (this._resting) {
      return html`<section class="card" data-testid="resting">
        <h2>Rest now</h2>
        <p>A good choice. Lie in a comfortable position and let the muscle settle. Come back to the routine when the pain has eased.</p>
        <p><a href="/">Back to the routines</a></p>
      </section>`;
    }
    if (!restAdvisedBefore(this._painBefore)) return html`<button class="primary start" @click=${this._start}>Start</button>`;
    return html`<unknot-pain-advice
      mode="before"
      .painBefore=${this._painBefore}
      @rest-now=${() => (this._resting = true)}
      @start-gently=${this._startGently}
    ></unknot-pain-advice>`;
  }

  private _startGently = (): void => {
    if (!this._routine) return;
    this._gentle = true;
    this._routine = gentleRoutine(this._routine);
    this._timeline = compile(this._routine);
    this._player.load(this._timeline, this._settings);
    this._start(); // still inside the click: audio and speech need it
  };

  private _renderPlaying(s: PlayerSnapshot) {
    // An open-ended hold: the big target is "Next"; Pause stays, smaller.
    const next = this._awaitsNext(s);
    if (this._settings.largeText) {
      return html`<unknot-session-screen
        .snapshot=${s}
        mainLabel=${this._mainLabel(s)}
        pauseLabel=${next ? 'Pause' : ''}
        notice=${this._notices(s, false).join(' ')}
        @session-main=${this._onMain}
        @session-pause=${this._player.pause}
        @session-back=${this._player.skipBack}
        @session-skip=${this._player.skipForward}
        @session-stop=${this._requestStop}
      >
        <unknot-step-pose slot="pose" .routine=${this._routine} .timeline=${this._timeline} .segment=${s.segment.index}></unknot-step-pose>
      </unknot-session-screen>`;
    }
    const notices = this._notices(s);
    return html`
      ${this._gentle ? html`<p class="card" data-testid="gentle">${GENTLE_SUMMARY}</p>` : nothing}
      <unknot-step-pose .routine=${this._routine} .timeline=${this._timeline} .segment=${s.segment.index}></unknot-step-pose>
      <unknot-player-display .snapshot=${s}></unknot-player-display>
      <p class="caption" data-testid="caption">${this._player.caption ?? ''}</p>
      ${notices.map((n) => html`<p class="muted" data-testid="session-notice">${n}</p>`)}
      <div class="controls">
        ${next ? html`<button class="primary main" id="next" @click=${this._onMain}>Next</button>` : nothing}
        <button class=${next ? '' : 'primary main'} id="pause" @click=${next ? this._player.pause : this._onMain}>
          ${next ? 'Pause' : this._mainLabel(s)}
        </button>
        <button @click=${this._player.skipBack}>Back a step</button>
        <button @click=${this._player.skipForward}>Skip a step</button>
      </div>
      <div class="stop-row"><unknot-hold-button label="Stop" @hold-complete=${this._requestStop}></unknot-hold-button></div>
      <unknot-cue-settings .settings=${this._settings} @settings-change=${this._onSettings}></unknot-cue-settings>
    `;
  }

  private _renderAfter(s: PlayerSnapshot) {
    const saved = {
      unsaved: '',
      saving: 'Saving…',
      saved: 'Saved to history.',
      failed: 'Could not save this session to history.',
    }[this._save];
    const flag = sessionFlag(this._painBefore, this._painAfter);
    return html`
      <section class="card">
        <h2 id="result" tabindex="-1">${s.completed ? (flag ? 'Done.' : 'Done. Well done.') : `Stopped early: ${s.stepsDone} of ${s.stepsTotal} steps done.`}</h2>
        <unknot-pain-scale
          label="Pain now, after the routine (optional)"
          .value=${this._painAfter}
          @pain-change=${this._onPainAfter}
        ></unknot-pain-scale>
        ${this._hiddenNotice ? html`<p class="muted" data-testid="session-notice">${this._hiddenNotice}</p>` : nothing}
        ${flag
          ? html`<unknot-pain-advice mode="after" .flag=${flag} .painBefore=${this._painBefore} .painAfter=${this._painAfter}></unknot-pain-advice>`
          : nothing}
        <p role=${this._save === 'failed' ? 'alert' : nothing} data-testid="save-state">${this.data ? saved : 'History is not available here.'}</p>
        ${this._saveError ? html`<p class="muted">${this._saveError}</p>` : nothing}
        <p><a href="/">Back to the routines</a></p>
      </section>
      ${this.data
        ? html`<section class="card">
            <unknot-session-notes .note=${this._notes.note ?? ''} .felt=${this._notes.felt} @notes-save=${this._onNotes}></unknot-session-notes>
            <p role="status" data-testid="notes-state">${this._notesState}</p>
          </section>`
        : nothing}
    `;
  }

  /** The note and feeling, written after the end on the same record (after the saves before them). */
  private _onNotes = (e: CustomEvent<SessionNotes>): void => {
    this._notes = e.detail;
    const data = this.data;
    const log = this._log;
    if (!data || !log) return;
    this._notesState = 'Saving the note…';
    const id = log.id;
    const notes = { note: e.detail.note, felt: e.detail.felt };
    this._writes = this._writes
      .then(() => data.sessions.amend(id, notes))
      .then(
        () => (this._notesState = 'Note saved.'),
        () => (this._notesState = 'The note was not saved.'),
      );
  };

  private _start = (): void => {
    const timeline = this._timeline;
    if (!this._routine || !timeline) return;
    this._offer = null;
    this._ended = '';
    this._log = SessionLog.begin(
      { id: crypto.randomUUID(), plan: this._routine, totalSteps: timeline.segments.length, painBefore: this._painBefore },
      Date.now(),
    );
    this._write(this._log.input); // the record exists from Start: a closed page cannot lose it
    this._begin(0, 'Started.');
  };

  /** Goes on with the interrupted session: the SAME record, from its first unfinished step. */
  private _continue = (): void => {
    const o = this._offer;
    if (!o) return;
    this._offer = null;
    this._routine = o.plan;
    this._timeline = o.timeline;
    this._player.load(o.timeline, this._settings);
    this._painBefore = o.record.painBefore;
    this._log = SessionLog.continue(o.record, o.plan, Date.now());
    this._write(this._log.input);
    this._begin(o.timeline.segments[o.stepIndex].startMs, `Continuing from ${stepName(o.timeline.segments[o.stepIndex])}.`);
  };

  /** "End it": the interrupted record stays stopped early and is no longer offered. */
  private _endInterrupted = (): void => {
    const o = this._offer;
    if (!o) return;
    this._offer = null;
    this._write(endInterrupted(o.record, o.plan));
    this._ended = `Ended. It stays in your history as stopped early: ${o.record.stepsDone} of ${o.record.totalSteps} steps done.`;
  };

  /** Starts the player (inside the click: audio needs it), full screen when lying down. */
  private _begin(fromMs: number, said: string): void {
    this._hiddenNotice = '';
    const lyingDown = this._settings.largeText;
    if (lyingDown) document.documentElement.requestFullscreen?.({ navigationUI: 'hide' })?.catch(() => undefined);
    const opening = this._player.start(fromMs);
    this._announce(`${said} ${opening ?? ''}`);
    void this.updateComplete.then(() => {
      if (lyingDown) void this.renderRoot.querySelector<UnknotSessionScreen>('unknot-session-screen')?.focusMain();
      else this.renderRoot.querySelector<HTMLButtonElement>('#pause')?.focus();
    });
  }

  private _leaveFullscreen(): void {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
  }

  /** Writes `input` after the saves before it; nothing when null (no change). */
  private _write(input: SessionSave | null): void {
    if (!input) return;
    // First a synchronous copy that survives the page closing this very moment (replayed on the next open).
    const token = this._journal.hold(input);
    const data = this.data;
    if (!data) {
      this._unsaved = input;
      return;
    }
    this._save = 'saving';
    this._writes = this._writes
      .then(() => data.sessions.save(input))
      .then(
        () => {
          this._journal.done(token);
          this._save = 'saved';
          this._saveError = '';
        },
        (e: unknown) => {
          this._save = 'failed';
          this._saveError = `Could not save this session: ${e instanceof Error ? e.message : String(e)}`;
        },
      );
  }

  /** Every change of the player: the record follows steps, pauses and resumes. */
  private _follow(s: PlayerSnapshot): void {
    const log = this._log;
    if (!log || log.ended) return;
    const now = Date.now();
    if (s.state === 'paused') this._write(log.paused(now));
    else if (s.state === 'running') {
      this._write(log.resumed(now));
      this._write(log.progress(s.stepsDone, now));
    }
  }

  private _onHiddenSpell(spell: HiddenCues): void {
    this._hiddenNotice = hiddenCuesMessage(spell);
    this._write(this._log?.noteHidden(spell, Date.now()) ?? null);
  }

  private _onMain = (): void => {
    if (this._stopAt !== null) this._undoStop();
    else if (this._player.snapshot && this._awaitsNext(this._player.snapshot)) this._player.next();
    else if (this._player.snapshot?.state === 'paused') this._player.resume();
    else this._player.pause();
  };

  /** Stop was held: pause now, end after STOP_UNDO_MS unless taken back. */
  private _requestStop = (): void => {
    if (!this._underWay() || this._stopAt !== null) return;
    this._resumeOnUndo = this._player.snapshot?.state === 'running';
    this._player.pause();
    this._now = Date.now();
    this._stopAt = this._now + STOP_UNDO_MS;
    this._announce(`Stopping. Undo within ${STOP_UNDO_MS / 1000} seconds to go on.`);
    this._stopTimer = setInterval(() => {
      this._now = Date.now();
      if (this._stopAt !== null && this._now >= this._stopAt) {
        this._clearStop();
        this._player.stop();
      }
    }, 250);
  };

  private _undoStop(): void {
    this._clearStop();
    if (this._resumeOnUndo) this._player.resume();
    this._announce('Going on.');
  }

  private _clearStop(): void {
    clearInterval(this._stopTimer);
    this._stopTimer = undefined;
    this._stopAt = null;
  }

  private _onEmission(e: CueEmission): void {
    // A watch without the module: the phone keeps the time and alerts the wrist (less precise).
    const link = this.link;
    if (link?.connected && link.kind === 'alert' && buzzesAlert(e)) link.alert().catch(() => undefined);
    if (e.types.length === 0 && !e.caption) return; // a 3-2-1 with the switch off: nothing happened
    this.dispatchEvent(new CustomEvent<CueEmission>('unknot-cue', { detail: e, bubbles: true, composed: true }));
    // Milestones only: a new side, a finished repetition. Never the seconds.
    if (e.types.includes('switch-side')) this._announce('Switch sides.');
    else if (e.types.includes('rep-done') && !e.types.includes('routine-done')) {
      const s = this._player.snapshot;
      if (s) this._announce(`Repetition ${s.rep} of ${s.reps} done.`);
    }
  }

  /** The routine ended or was stopped: the record is completed (or stopped) at this moment. */
  private _onDone(s: PlayerSnapshot): void {
    this._clearStop();
    if (this._log) this._write(this._log.finish(s, Date.now()));
    this._leaveFullscreen();
    this._announce(s.completed ? 'Routine done.' : 'Stopped.');
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#result')?.focus());
  }

  /** The pain score after the session updates the same record (after the saves before it). */
  private _onPainAfter = (e: CustomEvent<{ value?: number }>): void => {
    this._painAfter = e.detail.value;
    if (this._log) this._write(this._log.painAfter(this._painAfter));
  };

  private _onBeforeUnload = (e: BeforeUnloadEvent): void => {
    if (!this._underWay()) return;
    e.preventDefault();
    e.returnValue = ''; // older browsers ask only when this is set
  };

  /** One of the app's links was followed mid-session: ask first. */
  private _onLeaveRequest = (e: Event): void => {
    if (!this._underWay()) return;
    e.preventDefault();
    this._leaveTo = (e as CustomEvent<{ path: string }>).detail.path;
    this.renderRoot.querySelector<HTMLDialogElement>('#leave')?.showModal();
  };

  private _stayInSession = (): void => {
    this.renderRoot.querySelector<HTMLDialogElement>('#leave')?.close();
  };

  private _stopAndLeave = (): void => {
    const to = this._leaveTo;
    this.renderRoot.querySelector<HTMLDialogElement>('#leave')?.close();
    this._player.stop();
    if (to) navigate(to);
  };

  private _onSettings = (e: CustomEvent<Partial<Settings>>): void => {
    this._settings = { ...this._settings, ...e.detail };
    this._player.settings = this._settings;
    void this.data?.settings.update(e.detail);
  };

  private _announce(text: string): void {
    this._announcement = text.trim();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-player': UnknotPlayer;
  }
}
