import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from './shared-styles';

/**
 * Pain 0–10 in one tap: eleven big toggle buttons. Tapping the chosen one again clears it.
 *
 * @fires pain-change - detail `{ value: number | undefined }`
 */
@customElement('unknot-pain-scale')
export class UnknotPainScale extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
      }
      legend {
        font-weight: 600;
        margin-bottom: 0.5rem;
      }
      .scale {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(var(--u-target), 1fr));
        gap: 0.4rem;
      }
      button {
        padding: 0;
        font-size: 1.2em;
      }
      button[aria-pressed='true'] {
        background: var(--u-accent);
        color: var(--u-accent-text);
      }
      .ends {
        display: flex;
        justify-content: space-between;
      }
    `,
  ];

  /** The question, e.g. "Pain now, before starting (optional)". */
  @property() label = 'Pain now';

  /** The chosen score, or undefined. */
  @property({ type: Number }) value: number | undefined = undefined;

  override render() {
    return html`<fieldset>
      <legend>${this.label}</legend>
      <div class="scale">
        ${Array.from(
          { length: 11 },
          (_, n) =>
            html`<button type="button" aria-pressed=${this.value === n ? 'true' : 'false'} @click=${() => this._pick(n)}>
              ${n}
            </button>`,
        )}
      </div>
      <div class="ends muted" aria-hidden="true"><span>0 none</span><span>10 worst</span></div>
    </fieldset>`;
  }

  private _pick(n: number): void {
    this.value = this.value === n ? undefined : n;
    this.dispatchEvent(new CustomEvent('pain-change', { detail: { value: this.value }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-pain-scale': UnknotPainScale;
  }
}
