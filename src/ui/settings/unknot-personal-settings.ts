import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { UnknotData } from '../../data/api';
import { eraseEverything, erasedText, WATCH_CLEARED, WATCH_NOT_CONNECTED } from '../../data/erase';
import type { WatchLink } from '../../watch-link/index';
import { dataContext } from '../context/data-context';
import { WatchLinkController, watchLinkContext } from '../context/watch-link-context';
import { SETTINGS_CHANGED } from '../context/settings-events';
import { download } from '../common/download';
import { sharedStyles } from '../common/shared-styles';

/** What the user types to confirm "Delete all my data". */
export const DELETE_CONFIRMATION = 'DELETE';

/**
 * Settings about the user themself: the welcome and the page about back spasms again, the
 * patient name on the report, and "Delete all my data" (export offered first, typed confirmation).
 */
@customElement('unknot-personal-settings')
export class UnknotPersonalSettings extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        margin-bottom: 1.25rem;
      }
      .links,
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: center;
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: 0.25rem;
      }
      input[type='text'] {
        font: inherit;
        min-height: var(--u-target);
        box-sizing: border-box;
        width: min(100%, 22rem);
        color: var(--u-text);
        background: var(--u-surface);
        border: 2px solid var(--u-border);
        border-radius: 8px;
        padding: 0 0.5rem;
      }
      .danger {
        border-left: 6px solid var(--u-danger);
      }
      button.delete {
        border-color: var(--u-danger);
        color: var(--u-danger);
      }
    `,
  ];

  /** The data layer, from the app. */
  @consume({ context: dataContext, subscribe: true })
  @property({ attribute: false })
  data?: UnknotData;

  /** The watch link, to clear the watch too. */
  @consume({ context: watchLinkContext, subscribe: true })
  @property({ attribute: false })
  link?: WatchLink;

  @state() private _name = '';
  @state() private _confirm = '';
  @state() private _status = '';
  @state() private _busy = false;
  /** Re-renders when the watch connects or drops: what "Delete all" clears of it depends on that. */
  private readonly _watchLink = new WatchLinkController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('link')) this._watchLink.link = this.link;
    if (changed.has('data') && this.data) void this.data.settings.get().then((s) => (this._name = s.patientName ?? ''), () => undefined);
  }

  override render() {
    const watch = this._watch();
    return html`
      <section aria-labelledby="safety-settings">
        <h2 id="safety-settings">Welcome and safety</h2>
        <div class="links">
          <a class="button" href="/welcome">Read the welcome again</a>
          <a class="button" href="/about-back-spasms">About back spasms</a>
        </div>
      </section>
      <section aria-labelledby="report-settings">
        <h2 id="report-settings">Report</h2>
        <label for="patient">Your name on the report (optional)</label>
        <div class="row">
          <input id="patient" type="text" maxlength="80" autocomplete="name" .value=${this._name} aria-describedby="patient-note" />
          <button @click=${this._saveName}>Save name</button>
        </div>
        <p id="patient-note" class="muted">Kept on this phone only and printed on the report for your physiotherapist.</p>
      </section>
      <section class="card danger" aria-labelledby="delete-data">
        <h2 id="delete-data">Delete all my data</h2>
        <p>
          This deletes everything Unknot keeps on this phone: your routines and changes to the built-in ones, every session with its pain
          scores and notes, your reminders and settings. It cannot be undone.
        </p>
        <p><button @click=${this._export}>Export my data first</button></p>
        ${watch ? html`<p>${WATCH_CLEARED}</p>` : html`<p class="muted">${WATCH_NOT_CONNECTED}</p>`}
        <label for="confirm-delete">Type ${DELETE_CONFIRMATION} to confirm</label>
        <div class="row">
          <input id="confirm-delete" type="text" autocomplete="off" .value=${this._confirm} @input=${(e: Event) => (this._confirm = (e.target as HTMLInputElement).value)} />
          <button class="delete" ?disabled=${this._confirm.trim() !== DELETE_CONFIRMATION || this._busy} @click=${this._delete}>Delete all my data</button>
        </div>
      </section>
      <p role="status" aria-live="polite">${this._status || nothing}</p>
    `;
  }

  private _watch() {
    const link = this.link;
    return link?.connected && link.kind === 'unknot' ? link : null;
  }

  private _saveName = async () => {
    const value = this.renderRoot.querySelector<HTMLInputElement>('#patient')!.value.trim();
    try {
      const settings = await this.data!.settings.update({ patientName: value || undefined });
      this._name = settings.patientName ?? '';
      this._status = value ? 'Name saved.' : 'Name removed.';
      this.dispatchEvent(new CustomEvent(SETTINGS_CHANGED, { detail: settings, bubbles: true, composed: true }));
    } catch (e) {
      this._status = `Not saved: ${(e as Error).message}`;
    }
  };

  private _export = async () => {
    try {
      download(`unknot-export-${new Date().toISOString().slice(0, 10)}.json`, 'application/json', await this.data!.exportAll());
      this._status = 'Exported: keep the file somewhere safe.';
    } catch (e) {
      this._status = `The export failed: ${(e as Error).message}`;
    }
  };

  private _delete = async () => {
    if (this._confirm.trim() !== DELETE_CONFIRMATION || !this.data) return;
    this._busy = true;
    this._status = 'Deleting…';
    try {
      const result = await eraseEverything(this.data, { storage: globalThis.localStorage, watch: this._watch() });
      this._status = erasedText(result);
      // A fresh start: the app opens as new, with the welcome (later when there is more to read).
      setTimeout(() => location.assign('/'), result.watch === 'no-watch' ? 1500 : 6000);
    } catch (e) {
      this._busy = false;
      this._status = `The data could not be deleted: ${(e as Error).message}`;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-personal-settings': UnknotPersonalSettings;
  }
}
