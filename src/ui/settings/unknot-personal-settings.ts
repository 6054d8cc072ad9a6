import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { sharedStyles } from '../common/shared-styles';

/** Settings about safety and the user's own data: the welcome again, and the page about back spasms. */
@customElement('unknot-personal-settings')
export class UnknotPersonalSettings extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        margin-bottom: 1.25rem;
      }
      .links {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
    `,
  ];

  override render() {
    return html`<section aria-labelledby="safety-settings">
      <h2 id="safety-settings">Welcome and safety</h2>
      <div class="links">
        <a class="button" href="/welcome">Read the welcome again</a>
        <a class="button" href="/about-back-spasms">About back spasms</a>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-personal-settings': UnknotPersonalSettings;
  }
}
