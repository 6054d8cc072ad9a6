import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DataEvent } from '../../data/api';
import { RELOAD_ADVICE } from '../../data/index';
import { sharedStyles } from '../common/shared-styles';

/**
 * What the user must know about the phone's storage: another tab in the way, the database
 * closed under us, or it could not be opened at all. Silent when all is well.
 */
@customElement('unknot-data-status')
export class UnknotDataStatus extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      p {
        margin: 0;
        padding: 0.75rem 1rem;
        background: var(--u-surface);
        border-bottom: 3px solid var(--u-danger);
      }
    `,
  ];

  /** The latest event from the data layer. */
  @property({ attribute: false }) event: DataEvent | null = null;
  /** Set when the database could not be opened. */
  @property() openError = '';

  private _text(): string {
    if (this.openError) return `Your routines and history cannot be saved on this phone right now (${this.openError}). The built-in routines still work.`;
    switch (this.event?.type) {
      case 'blocked':
        return 'Unknot is open in another tab with an older version. Close that tab so this one can finish updating; nothing is lost.';
      case 'blocking':
        return RELOAD_ADVICE;
      case 'terminated':
        return 'The browser closed Unknot’s storage (was site data cleared?). Reload this page.';
      default:
        return '';
    }
  }

  override render() {
    const text = this._text();
    return html`<div role="alert">${text ? html`<p>${text} ${this.event?.type !== 'blocked' ? html`<button type="button" @click=${() => location.reload()}>Reload</button>` : nothing}</p>` : nothing}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-data-status': UnknotDataStatus;
  }
}
