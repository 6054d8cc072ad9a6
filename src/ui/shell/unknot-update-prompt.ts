import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ServiceWorkerUpdates } from '../../pwa/sw-updates';
import { UpdatePromptController, type UpdateSource } from '../../pwa/update-prompt-controller';
import { sharedStyles } from '../common/shared-styles';

/**
 * "A new version is ready — Reload", shown when a new build is waiting. It never reloads on its
 * own, and stays hidden while a routine runs (the player announces that with the
 * `unknot-session-state` event), appearing once the session ends.
 */
@customElement('unknot-update-prompt')
export class UnknotUpdatePrompt extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .bar {
        position: fixed;
        inset: auto 0 0 0;
        z-index: 10;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: center;
        gap: 0.5rem 1rem;
        padding: 0.75rem 1rem calc(0.75rem + env(safe-area-inset-bottom));
        background: var(--u-surface);
        border-top: 3px solid var(--u-accent);
        box-shadow: 0 -4px 16px rgb(0 0 0 / 0.2);
      }
      p {
        margin: 0;
        font-weight: 600;
      }
    `,
  ];

  /** Where updates come from. Defaults to the app's service worker; set before connecting. */
  @property({ attribute: false })
  updates: UpdateSource = new ServiceWorkerUpdates();

  private _prompt?: UpdatePromptController;

  override connectedCallback(): void {
    this._prompt ??= new UpdatePromptController(this, this.updates);
    super.connectedCallback();
  }

  override render() {
    const visible = this._prompt?.visible ?? false;
    // The live region is always there, so screen readers announce the message when it appears.
    return html`<div role="status" aria-live="polite">
      ${visible
        ? html`<div class="bar">
            <p>A new version is ready</p>
            <button class="primary" @click=${this._reload}>Reload</button>
            <button @click=${this._later}>Later</button>
          </div>`
        : nothing}
    </div>`;
  }

  private _reload = () => void this._prompt?.reload();
  private _later = () => this._prompt?.dismiss();
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-update-prompt': UnknotUpdatePrompt;
  }
}
