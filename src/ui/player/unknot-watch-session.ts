import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { STATE, type Status } from '../../../watch/protocol/index';
import type { Routine, Timeline } from '../../routine/index';
import { lowBatteryWarning, mirrorSnapshot, planIdOfRoutine, type WatchLink } from '../../watch-link/index';
import { WatchLinkController, watchLinkContext } from '../context/watch-link-context';
import { sharedStyles } from '../common/shared-styles';
import { sessionControlStyles } from './session-styles';
import './unknot-player-display';

type Phase = 'ready' | 'starting' | 'running' | 'ended';

/**
 * A session run ON THE WATCH: uploads the plan, starts it, and from then on only mirrors the
 * watch's status notifications (the watch is the clock; this screen emits no cues of its own).
 * Pause, resume and stop are sent to the watch. The finished session reaches history through
 * the watch's log (WatchLink.syncLog), on this connection or the next one.
 *
 * @fires watch-session-start - the watch started the session; the phone player must stay idle
 * @fires watch-session-end - detail: { completed: boolean }
 */
@customElement('unknot-watch-session')
export class UnknotWatchSession extends LitElement {
  static override styles = [
    sharedStyles,
    sessionControlStyles,
    css`
      button.big {
        min-height: calc(var(--u-target) * 1.5);
        font-size: 1.3rem;
        font-weight: 600;
        width: 100%;
      }
      .error {
        color: var(--u-danger);
      }
    `,
  ];

  /** The app's watch link (from context). */
  @consume({ context: watchLinkContext, subscribe: true })
  @property({ attribute: false })
  link?: WatchLink;

  /** The routine to run, and its compiled timeline. */
  @property({ attribute: false }) routine: Routine | null = null;
  @property({ attribute: false }) timeline: Timeline | null = null;

  @state() private _phase: Phase = 'ready';
  @state() private _error = '';
  /** The watch battery is low: the warning, until the user starts anyway or cancels. */
  @state() private _lowBattery: string | null = null;
  @state() private _completed = false;
  @state() private _saved = false;
  @state() private _announcement = '';
  @state() private _now = performance.now();
  private _planId = 0;
  private _lastStep = -1;
  private _ticker: ReturnType<typeof setInterval> | undefined;
  private readonly _watch = new WatchLinkController(this);

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('link')) {
      const old = changed.get('link');
      old?.removeEventListener('status', this._onStatus);
      old?.removeEventListener('synced', this._onSynced);
      this.link?.addEventListener('status', this._onStatus);
      this.link?.addEventListener('synced', this._onSynced);
      this._watch.link = this.link;
    }
    this._adopt();
  }

  /**
   * The page was reloaded (or reopened) while this routine runs on the wrist: follow it instead
   * of offering a new start.
   */
  private _adopt(): void {
    const s = this.link?.status;
    if (this._phase !== 'ready' || !this.routine || !s || (s.state !== STATE.RUNNING && s.state !== STATE.PAUSED)) return;
    let id: number;
    try {
      id = planIdOfRoutine(this.routine);
    } catch {
      return; // a routine the watch cannot take never ran there
    }
    if (s.planId !== id) return;
    this._planId = id;
    this._lastStep = s.step;
    this._running('Following the session running on the watch.');
  }

  private _running(announcement: string): void {
    this._phase = 'running';
    this._announcement = announcement;
    clearInterval(this._ticker);
    this._ticker = setInterval(() => (this._now = performance.now()), 250);
    this.dispatchEvent(new CustomEvent('watch-session-start', { bubbles: true, composed: true }));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this._ticker);
    this.link?.removeEventListener('status', this._onStatus);
    this.link?.removeEventListener('synced', this._onSynced);
  }

  override render() {
    const link = this.link;
    if (!link || !this.timeline) return nothing;
    if (this._phase === 'ready' || this._phase === 'starting') {
      if (!link.connected || link.kind !== 'unknot') return nothing;
      if (this._lowBattery) {
        return html`<div role="alertdialog" aria-labelledby="low-battery" class="card" data-testid="watch-low-battery">
          <p id="low-battery" tabindex="-1">${this._lowBattery}</p>
          <div class="controls">
            <button class="primary big" @click=${() => this._start(true)}>Start anyway</button>
            <button class="big" @click=${() => (this._lowBattery = null)}>Cancel</button>
          </div>
        </div>`;
      }
      return html`<button class="primary big" ?disabled=${this._phase === 'starting'} @click=${() => this._start()}>
          ${this._phase === 'starting' ? 'Sending the routine to the watch…' : 'Start on the watch'}
        </button>
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}`;
    }
    const s = link.status;
    const snap = s && s.planId === this._planId ? mirrorSnapshot(this.timeline, s, link.statusAt, this._now) : null;
    return html`
      <p role="status" class="visually-hidden" data-testid="watch-announcer">${this._announcement}</p>
      <p class="muted" data-testid="watch-mode">
        ${this._phase === 'ended'
          ? 'Ended on the watch.'
          : link.connected
            ? 'Running on the watch: it keeps the time and buzzes; this screen follows it.'
            : link.state === 'reconnecting'
              ? 'The watch carries on; reconnecting to follow it…'
              : 'The watch carries on; connect again below to follow it.'}
      </p>
      ${this._phase === 'running' ? html`<unknot-player-display .snapshot=${snap}></unknot-player-display>` : this._renderEnded()}
      ${link.error ? html`<p class="error" role="alert" data-testid="watch-session-error">${link.error}</p>` : nothing}
      ${this._phase === 'running'
        ? html`<div class="controls">
            ${s?.state === STATE.PAUSED
              ? html`<button class="primary big" id="watch-resume" @click=${() => this._send(link.resume)}>Resume</button>`
              : html`<button class="primary big" id="watch-pause" @click=${() => this._send(link.pause)}>Pause</button>`}
            <button class="stop big" @click=${() => this._send(link.stop)}>Stop</button>
          </div>`
        : nothing}
    `;
  }

  private _renderEnded() {
    const steps = this.timeline!.segments.length;
    return html`<section class="card">
      <h2 id="watch-result" tabindex="-1">${this._completed ? 'Done on the watch. Well done.' : 'Stopped on the watch.'}</h2>
      <p data-testid="watch-saved">${this._saved ? 'Saved to history.' : 'Saving to history when the watch sends its log…'}</p>
      <p class="muted">${steps} steps in this routine.</p>
      <p><a href="/">Back to the routines</a></p>
    </section>`;
  }

  private _start = async (anyway = false): Promise<void> => {
    const link = this.link;
    if (!link || !this.routine) return;
    this._phase = 'starting';
    this._error = '';
    this._lowBattery = null;
    try {
      if (!anyway) {
        // The battery as it is now, not as it was at connect (trust.ts: only a real percentage warns).
        const warning = lowBatteryWarning((await link.requestStatus()).battery);
        if (warning) {
          this._phase = 'ready';
          this._lowBattery = warning;
          await this.updateComplete;
          this.renderRoot.querySelector<HTMLElement>('#low-battery')?.focus();
          return;
        }
      }
      const up = await link.uploadPlan(this.routine);
      this._planId = up.planId;
      this._lastStep = -1;
      await link.start(up.planId, 0);
      this._running('Started on the watch.');
    } catch (e) {
      this._phase = 'ready';
      this._error = `Could not start on the watch: ${(e as Error).message}`;
    }
  };

  private _send(command: () => Promise<Status>): void {
    command().catch(() => undefined); // the link shows the reason
  }

  private _onStatus = (e: Event): void => {
    const s = (e as CustomEvent<Status>).detail;
    if (this._phase !== 'running' || s.planId !== this._planId) return;
    this._now = performance.now();
    if (s.state === STATE.RUNNING && s.step !== this._lastStep) {
      const seg = this.timeline?.segments[s.step];
      if (seg && this._lastStep >= 0 && seg.cues.some((c) => c.type === 'switch-side')) this._announcement = 'Switch sides.';
      this._lastStep = s.step;
    }
    // Done on the watch, or stopped there (long press) or from here: LOADED again.
    if (s.state === STATE.DONE || s.state === STATE.LOADED || s.state === STATE.IDLE) this._end(s.state === STATE.DONE);
  };

  private _end(completed: boolean): void {
    clearInterval(this._ticker);
    this._phase = 'ended';
    this._completed = completed;
    this._announcement = completed ? 'Routine done.' : 'Stopped.';
    this.dispatchEvent(new CustomEvent('watch-session-end', { detail: { completed }, bubbles: true, composed: true }));
    // The log entry is written as the session ends: fetch it now (the next connect would too).
    void this.link?.syncLog().catch(() => undefined);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#watch-result')?.focus());
  }

  private _onSynced = (): void => {
    if (this._phase === 'ended') this._saved = true;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-watch-session': UnknotWatchSession;
  }
}
