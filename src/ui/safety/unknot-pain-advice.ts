import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { GENTLE_SUMMARY, HIGH_PAIN, flagText, type SessionFlag } from '../../safety/index';
import { sharedStyles } from '../common/shared-styles';
import { doctorSigns } from '../common/doctor-signs';

/**
 * What the player says when pain is high or rises (the rules are in src/safety; this only shows
 * them). `before`: pain before is HIGH_PAIN or more, so instead of Start it offers resting now or
 * a gentle version. `after`: the session was flagged, so instead of "well done" it advises stopping
 * for today.
 *
 * @fires rest-now - the user chose to rest instead of starting
 * @fires start-gently - the user chose the gentle version; the player starts it (inside this click)
 */
@customElement('unknot-pain-advice')
export class UnknotPainAdvice extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        margin: 1rem 0;
      }
      aside.card {
        border-left: 6px solid var(--u-danger);
      }
      h2 {
        font-size: 1.2rem;
      }
      h3 {
        font-size: 1rem;
      }
      ul {
        margin: 0.25rem 0 0.75rem;
        padding-left: 1.25rem;
      }
      .choices {
        display: grid;
        gap: 0.75rem;
        grid-template-columns: 1fr 1fr;
      }
      .choices button {
        min-height: calc(var(--u-target) * 1.4);
        font-size: 1.15rem;
      }
    `,
  ];

  /** Which moment the advice is for. */
  @property() mode: 'before' | 'after' = 'before';
  /** The flag of the session just done (mode `after`). */
  @property() flag: SessionFlag | undefined = undefined;
  @property({ type: Number }) painBefore: number | undefined = undefined;
  @property({ type: Number }) painAfter: number | undefined = undefined;

  override render() {
    return this.mode === 'before' ? this._before() : this._after();
  }


  private _before() {
    return html`<aside class="card" aria-labelledby="advice-title" data-testid="pain-before-advice">
      <h2 id="advice-title">Your pain is high right now</h2>
      <p>
        With pain at ${this.painBefore ?? HIGH_PAIN} of 10, resting may be better for now. Lie in a comfortable position and try again later.
        If you would still like to move, choose the gentle version and stop at any moment.
      </p>
      ${doctorSigns()}
      <p class="muted">${GENTLE_SUMMARY}</p>
      <div class="choices">
        <button class="primary" @click=${() => this.dispatchEvent(new CustomEvent('rest-now'))}>Rest now</button>
        <button @click=${() => this.dispatchEvent(new CustomEvent('start-gently'))}>Start gently</button>
      </div>
    </aside>`;
  }

  private _after() {
    const why = this.flag ? flagText(this.flag, this.painBefore, this.painAfter) : '';
    return html`<aside class="card" aria-labelledby="advice-title" data-testid="pain-after-advice">
      <h2 id="advice-title">Stop for today</h2>
      <p>${why}. Please do not do more exercises today: rest, and let the muscle settle.</p>
      <p>This session is marked in your history, so you and your physiotherapist can see it.</p>
      ${doctorSigns()}
    </aside>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-pain-advice': UnknotPainAdvice;
  }
}
