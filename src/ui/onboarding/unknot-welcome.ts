import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { CUE_MEANINGS, SAFETY_ADVICE } from '../../routine/index';
import type { WelcomeAnswer } from '../../safety/index';
import { sharedStyles } from '../common/shared-styles';
import { doctorSigns } from '../common/doctor-signs';

/**
 * The first-run welcome: what Unknot does, how the cues work, the safety signs, and an
 * acknowledgement. Shown once by the shell before any view, skippable, and again from Settings.
 *
 * @fires welcome-done - detail: 'acknowledged' or 'skipped'; the shell remembers it and moves on
 */
@customElement('unknot-welcome')
export class UnknotWelcome extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        margin-bottom: 1rem;
      }
      ul {
        padding-left: 1.25rem;
      }
      .card.safety {
        border-left: 6px solid var(--u-danger);
      }
      .ack {
        display: flex;
        gap: 0.6rem;
        align-items: flex-start;
        font-weight: 600;
        margin: 0.5rem 0 1rem;
      }
      .ack input {
        width: 1.5rem;
        height: 1.5rem;
        flex: none;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        justify-content: space-between;
      }
      .actions .primary {
        min-height: calc(var(--u-target) * 1.3);
        font-size: 1.15rem;
      }
    `,
  ];

  @state() private _ack = false;

  override render() {
    const buzzing = Object.values(CUE_MEANINGS).filter((c) => c.buzz);
    return html`
      <h1 id="welcome-title" tabindex="-1">Welcome to Unknot</h1>
      <section class="card" aria-labelledby="what">
        <h2 id="what">What Unknot does</h2>
        <p>
          Unknot guides short, gentle routines for a sore lower back while you lie down with your eyes closed. Your phone speaks, beeps and
          vibrates — or a Bangle.js watch buzzes on your wrist — to tell you when to hold, when to let go and when to switch sides.
          Everything stays on this phone.
        </p>
      </section>
      <section class="card" aria-labelledby="cues">
        <h2 id="cues">How the cues work</h2>
        <ul>
          ${buzzing.map((c) => html`<li><strong>${c.name}:</strong> ${c.buzz}</li>`)}
        </ul>
        <!-- Slot for the cue trainer (unknot-cue-trainer, from src/ui/player/index.ts), being built in
             another issue: until it lands, the link below leads to the cue settings. -->
        <slot name="cue-trainer"><p>You can feel each cue and change it in <a href="/settings">Settings</a>.</p></slot>
      </section>
      <section class="card safety" aria-labelledby="safety">
        <h2 id="safety">Stay safe</h2>
        <ul>
          ${SAFETY_ADVICE.map((line) => html`<li>${line}</li>`)}
        </ul>
        ${doctorSigns()}
      </section>
      <div class="ack">
        <input id="ack" type="checkbox" .checked=${this._ack} @change=${(e: Event) => (this._ack = (e.target as HTMLInputElement).checked)} />
        <label for="ack">I have read the safety signs, and I will stop and see a doctor if I have any of them.</label>
      </div>
      <div class="actions">
        <button class="primary" ?disabled=${!this._ack} @click=${() => this._done('acknowledged')}>Start using Unknot</button>
        <button @click=${() => this._done('skipped')}>Skip</button>
      </div>
      <p class="muted">You can read this again at any time from Settings.</p>
    `;
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('#welcome-title')?.focus();
  }

  private _done(answer: WelcomeAnswer): void {
    this.dispatchEvent(new CustomEvent<WelcomeAnswer>('welcome-done', { detail: answer, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-welcome': UnknotWelcome;
  }
}
