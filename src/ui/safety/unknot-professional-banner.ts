import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { UnknotData } from '../../data/api';
import { FLAG_WINDOW_DAYS, professionalAdvice, type ProfessionalAdvice } from '../../safety/index';
import { dataContext } from '../context/data-context';
import { sharedStyles } from '../common/shared-styles';

/**
 * A banner on every view when FLAGS_FOR_ADVICE sessions of the last week were flagged (the rule
 * is src/safety's professionalAdvice): it recommends a professional and says why. Read again
 * whenever `route` changes, so a session just flagged counts as soon as the user moves on.
 */
@customElement('unknot-professional-banner')
export class UnknotProfessionalBanner extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .banner {
        border: 3px solid var(--u-danger);
        margin: 0.75rem auto 0;
        max-width: 46rem;
      }
      p {
        margin: 0.25rem 0;
      }
    `,
  ];

  /** The data layer, from the app. */
  @consume({ context: dataContext, subscribe: true })
  @property({ attribute: false })
  data?: UnknotData;

  /** The current route's name (or path): a change reads the sessions again. */
  @property() route = '';

  @state() private _advice: ProfessionalAdvice | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('data') || changed.has('route')) && this.data) void this._load(this.data);
  }

  private async _load(data: UnknotData): Promise<void> {
    const now = Date.now();
    try {
      const recent = await data.sessions.list({ from: now - FLAG_WINDOW_DAYS * 86_400_000, to: now + 1 });
      this._advice = professionalAdvice(recent, now);
    } catch {
      // The banner is advice on top of the app; a failed read leaves it as it was.
    }
  }

  override render() {
    const a = this._advice;
    if (!a) return nothing;
    return html`<section class="card banner" role="region" aria-labelledby="pro-title" data-testid="professional-banner">
      <h2 id="pro-title">Please see a doctor or physiotherapist</h2>
      <p>${a.reason} That is a sign to have your back checked by a professional before you go on.</p>
      <p><a href="/history">See the marked sessions</a> · <a href="/about-back-spasms">About back spasms</a></p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-professional-banner': UnknotProfessionalBanner;
  }
}
