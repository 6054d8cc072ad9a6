import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { compile, type Routine, type Timeline } from '../../routine/index';
import { DEFAULT_SETTINGS, type Settings } from '../../data/schema';
import type { UnknotData } from '../../data/api';
import { sessionInput, type CueEmission, type PlayerSnapshot } from '../../player/index';
import { routineSourceContext, type RoutineSource } from '../context/app-context';
import { dataContext } from '../context/data-context';
import { PlayerController } from './player-controller';
import { sharedStyles } from '../common/shared-styles';
import { sessionControlStyles } from './session-styles';
import './unknot-player-display';
import '../common/unknot-pain-scale';
import './unknot-cue-settings';
import '../watch/index';
import './unknot-watch-session';
import { buzzesAlert, type WatchLink } from '../../watch-link/index';
import { watchLinkContext } from '../context/watch-link-context';
import { GENTLE_SUMMARY, gentleRoutine, restAdvisedBefore, sessionFlag } from '../../safety/index';
import '../safety/index';
import '../common/unknot-session-notes';
import '../common/unknot-restore-builtins';
import type { SessionNotes } from '../common/unknot-session-notes';

/** The parts of the data layer the player uses. */
export type PlayerData = Pick<UnknotData, 'sessions' | 'settings'>;

type SaveState = 'unsaved' | 'saving' | 'saved' | 'failed';

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
      section + section {
        margin-top: 1rem;
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
  private _sessionId = '';
  private _startedAt = 0;
  private _endedAt = 0;

  private readonly _player = new PlayerController(this, {
    onEmission: (e) => this._onEmission(e),
    onDone: (s) => this._onDone(s),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this._saveNow);
    document.addEventListener('visibilitychange', this._onHidden);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback(); // the controller stops a running session first
    this._saveNow();
    window.removeEventListener('pagehide', this._saveNow);
    document.removeEventListener('visibilitychange', this._onHidden);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('routineId') || changed.has('routineSource')) void this._load();
    if (changed.has('data') && this.data) void this._loadSettings(this.data);
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
  }

  private async _loadSettings(data: PlayerData): Promise<void> {
    this._settings = await data.settings.get();
    this._player.settings = this._settings;
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
      ${this._onWatch ? nothing : this._renderPhoneStart()}
      <unknot-watch-panel></unknot-watch-panel>
    `;
  }

  private _renderPhoneStart() {
    return html`
      <section class="card">
        <unknot-pain-scale
          label="Pain now, before starting (optional)"
          .value=${this._painBefore}
          @pain-change=${(e: CustomEvent<{ value?: number }>) => (this._painBefore = e.detail.value)}
        ></unknot-pain-scale>
      </section>
      ${this._startChoice()}
      <unknot-cue-settings .settings=${this._settings} @settings-change=${this._onSettings}></unknot-cue-settings>
    `;
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
    const paused = s.state === 'paused';
    return html`
      ${this._gentle ? html`<p class="card" data-testid="gentle">${GENTLE_SUMMARY}</p>` : nothing}
      <unknot-player-display .snapshot=${s} ?lying-down=${this._settings.largeText}></unknot-player-display>
      ${paused ? html`<p class="muted">Paused.</p>` : nothing}
      ${this._player.wakeLockError ? html`<p class="muted">${this._player.wakeLockError}</p>` : nothing}
      <div class="controls">
        <button class="primary main" id="pause" @click=${paused ? this._player.resume : this._player.pause}>
          ${paused ? 'Resume' : 'Pause'}
        </button>
        <button @click=${this._player.skipBack}>Back a step</button>
        <button @click=${this._player.skipForward}>Skip a step</button>
        <button class="stop main" @click=${this._player.stop}>Stop</button>
      </div>
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
        ${flag
          ? html`<unknot-pain-advice mode="after" .flag=${flag} .painBefore=${this._painBefore} .painAfter=${this._painAfter}></unknot-pain-advice>`
          : nothing}
        <p role=${this._save === 'failed' ? 'alert' : nothing} data-testid="save-state">${this.data ? saved : 'History is not available here.'}</p>
        ${this._save === 'unsaved' && this.data ? html`<button @click=${this._saveNow}>Save without a score</button>` : nothing}
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

  private _onNotes = (e: CustomEvent<SessionNotes>): void => {
    this._notes = e.detail;
    this._notesState = 'Saving the note…';
    if (this._save === 'unsaved') this._saveNow();
    else {
      const id = this._sessionId;
      const notes = { note: e.detail.note, felt: e.detail.felt };
      this._saving = (this._saving ?? Promise.resolve()).then(() => this.data?.sessions.amend(id, notes));
    }
    void this._saving?.then(
      () => (this._notesState = this._save === 'failed' ? 'The note was not saved.' : 'Note saved.'),
      () => (this._notesState = 'The note was not saved.'),
    );
  };

  private _start = (): void => {
    this._sessionId = crypto.randomUUID();
    this._startedAt = Date.now();
    const opening = this._player.start();
    this._announce(`Started. ${opening ?? ''}`);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('#pause')?.focus());
  };

  private _onEmission(e: CueEmission): void {
    // A watch without the module: the phone keeps the time and alerts the wrist (less precise).
    const link = this.link;
    if (link?.connected && link.kind === 'alert' && buzzesAlert(e)) link.alert().catch(() => undefined);
    if (e.types.length === 0 && !e.speech) return; // a 3-2-1 with the voice off: nothing happened
    this.dispatchEvent(new CustomEvent<CueEmission>('unknot-cue', { detail: e, bubbles: true, composed: true }));
    // Milestones only: a new side, a finished repetition. Never the seconds.
    if (e.types.includes('switch-side')) this._announce('Switch sides.');
    else if (e.types.includes('rep-done') && !e.types.includes('routine-done')) {
      const s = this._player.snapshot;
      if (s) this._announce(`Repetition ${s.rep} of ${s.reps} done.`);
    }
  }

  private _onDone(s: PlayerSnapshot): void {
    this._endedAt = Date.now();
    this._announce(s.completed ? 'Routine done.' : 'Stopped.');
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#result')?.focus());
  }

  private _onPainAfter = (e: CustomEvent<{ value?: number }>): void => {
    this._painAfter = e.detail.value;
    if (this._save === 'unsaved') {
      if (this._painAfter !== undefined) this._saveNow();
      return;
    }
    // Already saved (the screen went off, or "Save without a score"): add the score to that record.
    const id = this._sessionId;
    const value = this._painAfter;
    this._saving = (this._saving ?? Promise.resolve())
      .then(() => this.data?.sessions.setPainAfter(id, value))
      .then(
        () => (this._save = 'saved'),
        () => (this._save = 'failed'),
      );
  };

  /** The save under way, so a pain score given meanwhile is written after it. */
  private _saving: Promise<unknown> | null = null;

  /**
   * Saves once (add() is idempotent per id). Also runs when the page hides or the screen is
   * left, so a session is never lost; a pain score given after that updates the saved record.
   */
  private _saveNow = (): void => {
    const s = this._player.snapshot;
    if (!this.data || !this._routine || s?.state !== 'done' || this._save !== 'unsaved') return;
    this._save = 'saving';
    const input = sessionInput(
      this._routine,
      s,
      { startedAt: this._startedAt, endedAt: this._endedAt },
      { before: this._painBefore, after: this._painAfter },
    );
    const notes = { ...(this._notes.note && { note: this._notes.note }), ...(this._notes.felt && { felt: this._notes.felt }) };
    this._saving = this.data.sessions.add({ ...input, ...notes, id: this._sessionId }).then(
      () => (this._save = 'saved'),
      () => (this._save = 'failed'),
    );
  };

  private _onHidden = (): void => {
    if (document.visibilityState === 'hidden') this._saveNow();
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
