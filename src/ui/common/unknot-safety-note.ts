import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { SAFETY_ADVICE, SEE_A_DOCTOR_NOW } from '../../routine/index';
import { sharedStyles } from './shared-styles';

/** The safety advice shown with every routine, and the signs that need a doctor now. */
@customElement('unknot-safety-note')
export class UnknotSafetyNote extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      aside {
        border-left: 6px solid var(--u-danger);
      }
      h2 {
        font-size: 1.1rem;
      }
      ul {
        margin: 0.25rem 0 0.75rem;
        padding-left: 1.25rem;
      }
    `,
  ];

  override render() {
    return html`<aside class="card" aria-labelledby="safety-title">
      <h2 id="safety-title">Before you start</h2>
      <ul>
        ${SAFETY_ADVICE.map((line) => html`<li>${line}</li>`)}
      </ul>
      <h2>See a doctor now if you have</h2>
      <ul>
        ${SEE_A_DOCTOR_NOW.map((line) => html`<li>${line}</li>`)}
      </ul>
    </aside>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-safety-note': UnknotSafetyNote;
  }
}
