import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { SEE_A_DOCTOR_NOW } from '../../routine/index';
import { sharedStyles } from '../common/shared-styles';

/**
 * The /about-back-spasms page: what a spasm is, what usually helps, what to avoid, and when to
 * see a doctor now. Our own words, plain and careful: general information, not a diagnosis.
 */
@customElement('unknot-about-back-spasms')
export class UnknotAboutBackSpasms extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        margin-bottom: 1.25rem;
      }
      ul {
        padding-left: 1.25rem;
      }
      li + li {
        margin-top: 0.35rem;
      }
      .card.doctor {
        border-left: 6px solid var(--u-danger);
      }
    `,
  ];

  override render() {
    return html`
      <h1>About back spasms</h1>
      <p class="muted">General information to help you look after yourself. It does not replace advice from a doctor or physiotherapist who knows you.</p>
      <section class="card" aria-labelledby="what">
        <h2 id="what">What a spasm is</h2>
        <p>
          A back spasm is a muscle in the lower back tightening on its own and not letting go for a while. It can come on suddenly, often after
          lifting, twisting or a movement the back is not used to, and it can make it hard to stand, sit or turn. It is painful, and it is common.
        </p>
      </section>
      <section class="card" aria-labelledby="helps">
        <h2 id="helps">What usually helps</h2>
        <ul>
          <li>A short rest in a position that eases the pain, for example lying on your back with your knees bent.</li>
          <li>After resting, small and slow movements that stay well within what feels comfortable.</li>
          <li>Warmth on the sore area, if it feels good to you.</li>
          <li>Getting back to gentle everyday activity step by step, rather than staying in bed for days.</li>
        </ul>
      </section>
      <section class="card" aria-labelledby="avoid">
        <h2 id="avoid">What to avoid</h2>
        <ul>
          <li>Pushing through sharp pain, or stretching further than feels safe.</li>
          <li>Quick, jerky or bouncing movements.</li>
          <li>Lifting heavy things, or bending and twisting at the same time, while the back is sore.</li>
          <li>Doing more exercises when the pain is rising: stop for the day instead.</li>
        </ul>
      </section>
      <section class="card doctor" aria-labelledby="doctor">
        <h2 id="doctor">See a doctor now if you have</h2>
        <ul>
          ${SEE_A_DOCTOR_NOW.map((line) => html`<li>${line}</li>`)}
        </ul>
        <p>Also see a doctor or physiotherapist if the pain does not ease after a few days, keeps coming back, or wakes you at night.</p>
      </section>
      <p><a href="/">Back to the routines</a></p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-about-back-spasms': UnknotAboutBackSpasms;
  }
}
