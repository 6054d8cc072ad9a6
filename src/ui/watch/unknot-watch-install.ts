import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { installModule, loadInstallFiles, type InstallProgress, type WatchLink } from '../../watch-link/index';
import { WatchLinkController, watchLinkContext } from '../context/watch-link-context';
import { sharedStyles } from '../common/shared-styles';

/**
 * "Install on my Bangle.js": writes the precached watch files over the connected watch's console
 * (works offline), with a progress bar and a plain failure message.
 *
 * @fires watch-installed - the files were written and the app started on the watch
 */
@customElement('unknot-watch-install')
export class UnknotWatchInstall extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      progress {
        width: 100%;
        height: 1.25rem;
        accent-color: var(--u-accent);
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

  /** Where the built watch files are served (precached by the service worker). */
  @property() base = '/watch/';

  @state() private _progress: InstallProgress | null = null;
  @state() private _result: 'idle' | 'running' | 'done' | 'failed' = 'idle';
  @state() private _error = '';
  private readonly _watch = new WatchLinkController(this);

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('link')) this._watch.link = this.link;
  }

  override render() {
    const p = this._progress;
    const kind = this.link?.kind;
    return html`
      <p class="muted">
        ${this.link?.protocol?.kind === 'watch-older'
          ? 'The Unknot module on this watch is too old for this app: install the current one.'
          : kind === 'unknot'
            ? `Watch module ${this.link?.hello?.module ?? ''} installed. Reinstall to update it.`
            : 'This Bangle.js does not have the Unknot module yet.'}
      </p>
      <button ?disabled=${this._result === 'running'} @click=${this._install}>Install on my Bangle.js</button>
      ${this._result === 'running' && p
        ? html`<p>
            <progress max=${p.total} .value=${p.sent} aria-label="Installing the watch module"></progress>
            <span role="status">Writing ${p.file}… ${Math.floor((100 * p.sent) / p.total)}%</span>
          </p>`
        : nothing}
      ${this._result === 'done'
        ? html`<p role="status" data-testid="install-done">Installed. The watch restarted into Unknot; reconnect to use it.</p>`
        : nothing}
      ${this._result === 'failed' ? html`<p class="error" role="alert" data-testid="install-error">Install failed: ${this._error}</p>` : nothing}
    `;
  }

  private _install = async (): Promise<void> => {
    const link = this.link;
    const device = link?.device;
    if (!link || !device) return;
    this._result = 'running';
    this._progress = { sent: 0, total: 1, file: 'the watch files' };
    try {
      const files = await loadInstallFiles(this.base);
      await installModule(device, link.queue, files, { onProgress: (p) => (this._progress = p) });
      this._result = 'done';
      this.dispatchEvent(new CustomEvent('watch-installed', { bubbles: true, composed: true }));
    } catch (e) {
      this._error = (e as Error).message;
      this._result = 'failed';
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-watch-install': UnknotWatchInstall;
  }
}
