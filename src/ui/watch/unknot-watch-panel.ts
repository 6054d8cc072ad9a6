import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { CUE } from '../../../watch/protocol/index';
import type { Settings } from '../../data/schema';
import {
  ONE_CONNECTION_HINT, PATTERN_CHOICES, UNSUPPORTED_MESSAGE, WATCH_CUE_NAMES, WATCH_CUE_SOURCES, batteryText, choiceOf, patternFor, watchCues,
  type SyncResult, type WatchLink,
} from '../../watch-link/index';
import { dataContext } from '../context/data-context';
import type { UnknotData } from '../../data/api';
import { WatchLinkController, watchLinkContext } from '../context/watch-link-context';
import { sharedStyles } from '../common/shared-styles';
import { SETTINGS_CHANGED } from '../context/settings-events';
import './unknot-watch-install';
import './unknot-watch-wrist';

/**
 * Pair and connect the watch: says plainly when the browser has no Web Bluetooth, remembers the
 * paired watch's name, shows the connection (reconnecting, battery), lets the user feel each
 * cue on the wrist and set the motor strength, and offers installing the watch module.
 */
@customElement('unknot-watch-panel')
export class UnknotWatchPanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin: 0.5rem 0;
      }
      .error {
        color: var(--u-danger);
      }
      label {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        min-height: var(--u-target);
      }
      input[type='range'] {
        flex: 1;
        min-height: var(--u-target);
      }
    `,
  ];

  /** The app's watch link (from context). */
  @consume({ context: watchLinkContext, subscribe: true })
  @property({ attribute: false })
  link?: WatchLink;

  @consume({ context: dataContext, subscribe: true })
  @property({ attribute: false })
  data?: Pick<UnknotData, 'settings'>;

  @state() private _settings: Settings | null = null;
  @state() private _busy = false;
  /** The chooser closed without a watch: maybe it was not in the list (held by Gadgetbridge). */
  @state() private _notFound = false;
  /** The user disconnected: the watch is free for other apps. */
  @state() private _handedBack = false;
  private _lastSync: SyncResult | null = null;
  private readonly _watch = new WatchLinkController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(SETTINGS_CHANGED, this._onSettings);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(SETTINGS_CHANGED, this._onSettings);
  }

  /** Reminders changed (they are edited on the same screen): the watch gets the new schedule. */
  private _onSettings = (): void => {
    const link = this.link;
    if (link?.connected && link.kind === 'unknot') link.syncReminders().catch(() => undefined); // the link shows a failure
  };

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('link')) this._watch.link = this.link;
    if (changed.has('data') && this.data) void this.data.settings.get().then((s) => (this._settings = s));
    // A sync may have counted refused entries in the settings: show the new count.
    if (this.link && this.link.lastSync !== this._lastSync) {
      this._lastSync = this.link.lastSync;
      if (this._lastSync?.refused && this.data) void this.data.settings.get().then((s) => (this._settings = s));
    }
  }

  override render() {
    const link = this.link;
    if (!link) return html`<section class="card" aria-labelledby="watch-h" aria-busy="true"><h2 id="watch-h">Watch</h2></section>`;
    if (!link.supported) {
      return html`<section class="card" aria-labelledby="watch-h">
        <h2 id="watch-h">Watch</h2>
        <p data-testid="no-bluetooth">${UNSUPPORTED_MESSAGE}</p>
      </section>`;
    }
    const remembered = this._settings?.watch;
    const name = link.deviceName ?? remembered?.name ?? null;
    const version = link.protocol && link.protocol.kind !== 'ok' ? link.protocol : null;
    return html`<section class="card" aria-labelledby="watch-h">
      <h2 id="watch-h">Watch</h2>
      <p role="status" data-testid="watch-state">${this._stateText(link, name)}</p>
      ${version ? html`<p class="error" role="alert" data-testid="watch-version">${version.message}</p>` : nothing}
      ${link.error && link.error !== version?.message ? html`<p class="error" role="alert" data-testid="watch-error">${link.error}</p>` : nothing}
      ${this._notFound && !link.connected
        ? html`<p class="muted" data-testid="watch-hint">No watch in the list? ${ONE_CONNECTION_HINT}</p>`
        : nothing}
      <div class="row">${this._buttons(link, remembered)}</div>
      ${link.connected ? html`<p class="muted">Disconnect hands the watch back: Gadgetbridge or another app can connect to it again. A session running on the wrist carries on.</p>` : nothing}
      ${this._logNotes(link)}
      ${link.connected && link.kind === 'unknot' ? this._cues(link) : nothing}
      ${link.connected && link.kind === 'unknot' ? this._reminders(link) : nothing}
      ${link.connected && link.kind === 'unknot' ? html`<unknot-watch-wrist></unknot-watch-wrist>` : nothing}
      ${link.connected && link.kind === 'alert'
        ? html`<p class="muted">This watch has no Unknot module: the phone keeps the time and sends an alert at each cue. Less precise, and it stops if the phone's screen goes off.</p>`
        : nothing}
      ${link.connected && link.kind !== 'alert' && version?.kind !== 'watch-newer' ? html`<unknot-watch-install></unknot-watch-install>` : nothing}
    </section>`;
  }

  private _stateText(link: WatchLink, name: string | null): string {
    const battery = link.status ? ` ${batteryText(link.status.battery)}` : '';
    switch (link.state) {
      case 'connected':
        return `Connected to ${name}.${battery}`;
      case 'connecting':
        return `Connecting to ${name ?? 'the watch'}…`;
      case 'reconnecting':
        return `Lost the connection to ${name}; reconnecting (attempt ${link.reconnectAttempt})… The watch carries on meanwhile.`;
      default:
        if (this._handedBack && name) return `Disconnected from ${name}: Gadgetbridge or another app can connect to it again.`;
        return name ? `${name} is paired but not connected.` : 'No watch paired.';
    }
  }

  private _buttons(link: WatchLink, remembered: Settings['watch']) {
    const busy = this._busy || link.state === 'connecting';
    if (link.state === 'connected' || link.state === 'reconnecting') {
      return html`<button @click=${this._disconnect}>Disconnect</button>`;
    }
    return html`
      ${remembered ? html`<button class="primary" ?disabled=${busy} @click=${this._reconnect}>Connect to ${remembered.name}</button>` : nothing}
      <button class=${remembered ? '' : 'primary'} ?disabled=${busy} @click=${this._pair}>${remembered ? 'Pair another watch' : 'Pair a watch'}</button>
    `;
  }

  private _cues(link: WatchLink) {
    const strength = Math.round((this._settings?.cueStrength ?? 1) * 100);
    return html`
      <p class="muted">Choose and feel each cue on the wrist:</p>
      ${[CUE.HOLD_START, CUE.HOLD_END, CUE.SWITCH_SIDE, CUE.DONE].map((c) => {
        const type = WATCH_CUE_SOURCES[c];
        const chosen = choiceOf(this._settings?.cuePatterns[type] ?? []);
        return html`<div class="row">
          <label>${WATCH_CUE_NAMES[c]}
            <select @change=${(e: Event) => this._pattern(type, Number((e.target as HTMLSelectElement).value))}>
              ${PATTERN_CHOICES.map((p, i) => html`<option value=${i} ?selected=${i === chosen}>${p.label}</option>`)}
            </select>
          </label>
          <button @click=${() => this._test(link, c)}>Test “${WATCH_CUE_NAMES[c]}”</button>
        </div>`;
      })}
      <label>Motor strength <input type="range" min="10" max="100" step="10" .value=${String(strength)} @change=${this._strength} /> ${strength}%</label>
    `;
  }

  private _reminders(link: WatchLink) {
    const r = link.reminders;
    const text = !r
      ? 'Sending your reminders to the watch…'
      : r.count
        ? `The watch holds your next ${r.count} reminders (14 days) and buzzes for them even when this app is closed.`
        : 'No reminders on the watch. Turn some on above and the watch buzzes for them even when this app is closed.';
    return html`<p class="muted" data-testid="watch-reminders">${text}</p>`;
  }

  /** Sessions the watch sent that were refused (counted in the settings), and entries left for the next sync. */
  private _logNotes(link: WatchLink) {
    const refused = this._settings?.watchRefused;
    return html`
      ${refused?.count
        ? html`<p class="muted" data-testid="watch-refused">
            ${refused.count === 1 ? '1 session' : `${refused.count} sessions`} from the watch could not be true and were kept out of
            your history (the last because ${refused.last}).
          </p>`
        : nothing}
      ${link.lastSync?.more
        ? html`<p class="muted" data-testid="watch-more">The watch holds more sessions; they come over at the next connect, 50 at a time.</p>`
        : nothing}
    `;
  }

  private _disconnect = (): void => {
    this.link?.disconnect();
    this._handedBack = true;
  };

  private _pair = async (): Promise<void> => {
    this._busy = true;
    this._notFound = false;
    this._handedBack = false;
    try {
      this._notFound = !(await this.link?.pair());
      if (this.data) this._settings = await this.data.settings.get();
    } catch {
      // The link shows the reason.
    } finally {
      this._busy = false;
    }
  };

  /** One tap after a reload: the browser's remembered device where it has getDevices(), else the chooser. */
  private _reconnect = async (): Promise<void> => {
    const link = this.link;
    const id = this._settings?.watch?.id;
    if (!link || !id) return;
    this._busy = true;
    this._notFound = false;
    this._handedBack = false;
    try {
      const device = link.device?.id === id ? link.device : await link.rememberedDevice(id);
      if (device) await link.use(device);
      else this._notFound = !(await link.pair());
    } catch {
      // The link shows the reason.
    } finally {
      this._busy = false;
    }
  };

  private _test(link: WatchLink, cue: number): void {
    link.testCue(cue).catch(() => undefined); // the link shows a failure
  }

  private _strength = (e: Event): Promise<void> => this._save({ cueStrength: Number((e.target as HTMLInputElement).value) / 100 });

  private _pattern(type: (typeof WATCH_CUE_SOURCES)[number], choice: number): Promise<void> {
    const p = PATTERN_CHOICES[choice];
    const cuePatterns = { ...(this._settings ?? { cuePatterns: {} as Settings['cuePatterns'] }).cuePatterns, [type]: patternFor(p.count, p.long) };
    return this._save({ cuePatterns });
  }

  /** Saves the setting (shared with the phone's vibration), then sends the watch its new cues. */
  private async _save(patch: Partial<Settings>): Promise<void> {
    if (!this.data) return;
    this._settings = await this.data.settings.update(patch);
    if (this.link?.connected && this.link.kind === 'unknot') await this.link.setCues(watchCues(this._settings)).catch(() => undefined);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-watch-panel': UnknotWatchPanel;
  }
}
