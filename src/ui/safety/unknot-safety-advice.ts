import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { SAFETY_ADVICE } from '../../routine/index';
import { sharedStyles } from '../common/shared-styles';
import { doctorSigns } from '../common/doctor-signs';

/**
 * The safety advice, collapsed to one line that opens with one tap: on the player page, where
 * home-screen shortcuts and reminders land without passing the routine page.
 */
@customElement('unknot-safety-advice')
export class UnknotSafetyAdvice extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        margin-bottom: 1rem;
      }
      details.card {
        border-left: 6px solid var(--u-danger);
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        min-height: var(--u-target);
        display: flex;
        align-items: center;
      }
      h3 {
        font-size: 1rem;
        margin-top: 0.75rem;
      }
      ul {
        margin: 0.25rem 0 0.75rem;
        padding-left: 1.25rem;
      }
    `,
  ];

  override render() {
    return html`<details class="card">
      <summary>Safety advice</summary>
      <ul>
        ${SAFETY_ADVICE.map((line) => html`<li>${line}</li>`)}
      </ul>
      ${doctorSigns()}
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-safety-advice': UnknotSafetyAdvice;
  }
}
