import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { PlayerSnapshot } from '../../player/index';
import { sharedStyles } from '../common/shared-styles';
import '../common/unknot-safety-note';
import './unknot-hold-button';

/**
 * The lying-down session screen: the whole viewport (the player asks for real full screen where
 * the browser allows it), no navigation, the step in the upper half and the WHOLE lower half one
 * target (Pause / Resume, or whatever `mainLabel` says: "Undo stop" during the undo, "Next" for
 * an open-ended step) showing a countdown of at least 30 % of the viewport height. Stop is a
 * press-and-hold in the top corner, away from Back and Skip; the safety advice is one tap away.
 * Dark and dim when the page is dark (the system's choice or the theme setting): no bright
 * header or buttons at night. Renders what it is given; it sends intents and decides nothing.
 *
 * @slot pose - a picture of the position, shown beside the countdown
 * @fires session-main - the lower-half target was pressed
 * @fires session-pause - the smaller Pause shown beside Back/Skip while the big target says "Next"
 * @fires session-back - "Back a step"
 * @fires session-skip - "Skip a step"
 * @fires session-stop - Stop was held long enough
 */
@customElement('unknot-session-screen')
export class UnknotSessionScreen extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        /* Dim at night: near-black, grey text, no glare; the app's light palette by day.
           (Literal colours: the --u-* names are overridden below for the buttons inside.) */
        --s-bg: light-dark(#f7f5f0, #000);
        --s-text: light-dark(#1d2424, #b1bebc);
        --s-muted: light-dark(#4d5959, #8a9896);
        --s-target: light-dark(#ffffff, #0b0f10);
        --s-border: light-dark(#1f4e5f, #3a4a4b);
        --s-hold: light-dark(#8a3b12, #c98a5e);
        --u-surface: var(--s-target);
        --u-text: var(--s-text);
        --u-muted: var(--s-muted);
        --u-accent: var(--s-border);
        --u-danger: light-dark(#9b1c1c, #b86a6a);
        display: block;
      }
      /* A modal dialog: in the top layer over everything, and the rest of the app inert. */
      .screen {
        position: fixed;
        inset: 0;
        width: 100%;
        height: 100%;
        max-width: none;
        max-height: none;
        margin: 0;
        padding: 0;
        border: 0;
        box-sizing: border-box;
        grid-template-rows: minmax(0, 1fr) 50%;
        background: var(--s-bg);
        color: var(--s-text);
        overflow: hidden;
      }
      .screen[open] {
        display: grid;
      }
      .upper {
        display: grid;
        grid-template-columns: auto 1fr auto;
        grid-template-rows: auto minmax(0, 1fr) auto;
        grid-template-areas:
          'stop . safety'
          'step step step'
          'moves moves moves';
        gap: 0.25rem 0.5rem;
        padding: 0.5rem 0.75rem;
        min-height: 0;
      }
      unknot-hold-button {
        grid-area: stop;
        min-width: min(7rem, 30vw);
      }
      .safety {
        grid-area: safety;
        overflow-wrap: normal; /* one short word: never "Safet / y" */
        padding-inline: 0.75rem;
      }
      .step {
        grid-area: step;
        align-self: center;
        text-align: center;
        min-height: 0;
      }
      .instruction {
        font-size: min(9vw, 6vh, 4rem);
        font-weight: 700;
        line-height: 1.1;
        margin: 0;
      }
      .hold .instruction {
        color: var(--s-hold);
      }
      .rep {
        margin: 0.15rem 0 0;
        font-size: clamp(1rem, min(4.5vw, 3.2vh), 1.6rem);
        color: var(--s-muted);
      }
      .moves {
        grid-area: moves;
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0.75rem;
      }
      .notice {
        margin: 0.25rem 0 0;
        font-size: 0.95rem;
        line-height: 1.3;
        color: var(--s-muted);
      }
      .main {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 0;
        width: 100%;
        height: 100%;
        margin: 0;
        padding: 0 0.5rem;
        border-radius: 0;
        border: 0;
        border-top: 2px solid var(--s-border);
        background: var(--s-target);
        color: var(--s-text);
      }
      .row {
        display: flex;
        align-items: center;
        justify-content: center;
        gap: 0.5rem;
        max-width: 100%;
      }
      .count {
        font-size: min(40vh, 75vw);
        line-height: 1;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
      }
      .count.long {
        font-size: min(40vh, 50vw);
      }
      .main-label {
        font-size: clamp(1.2rem, 4vh, 2rem);
        font-weight: 600;
        color: var(--s-muted);
      }
      ::slotted([slot='pose']) {
        max-height: 40vh;
        max-width: 35vw;
        /* The picture's own size, or it overflows this box and is cut at the screen's edge. */
        --step-pose-size: min(35vw, 36vh);
      }
      .safety-dialog {
        max-width: min(40rem, 92vw);
        max-height: 90vh;
        background: var(--u-bg);
        color: var(--u-text);
        border: 1px solid var(--u-border);
        border-radius: var(--u-radius);
      }
      .close {
        display: flex;
        justify-content: flex-end;
        margin-bottom: 0.5rem;
      }
      .safety-dialog::backdrop {
        background: rgb(0 0 0 / 70%);
      }
      @media (orientation: landscape) {
        /* One top row: Stop at one end, Back and Skip at the other; Safety beside the step. */
        .upper {
          grid-template-columns: auto 1fr minmax(0, 8rem) minmax(0, 8rem);
          grid-template-rows: auto minmax(0, 1fr);
          grid-template-areas:
            'stop . back skip'
            'step step step safety';
        }
        .moves {
          display: contents;
        }
        .moves :first-child {
          grid-area: back;
        }
        .moves :last-child {
          grid-area: skip;
        }
        .safety {
          align-self: center;
        }
        .instruction {
          font-size: min(5vw, 9vh, 3rem);
        }
        .main {
          flex-direction: row;
          gap: 1.5rem;
        }
      }
    `,
  ];

  /** The player state to show. */
  @property({ attribute: false }) snapshot: PlayerSnapshot | null = null;
  /** What the lower-half target does now: "Pause", "Resume", "Undo stop", "Next"... */
  @property() mainLabel = 'Pause';
  /** A line shown instead of the repetition (cues missed while the page was hidden...). */
  @property() notice = '';

  /** A second, smaller Pause while the big target says something else ("Next" in an open-ended hold). */
  @property() pauseLabel = '';

  @query('#pause') private _main?: HTMLButtonElement;
  @query('.screen') private _screen?: HTMLDialogElement;
  @query('.safety-dialog') private _dialog?: HTMLDialogElement;

  /** Puts the keyboard focus on the lower-half target (after Start). */
  async focusMain(): Promise<void> {
    await this.updateComplete;
    this._main?.focus();
  }

  override updated(): void {
    // Shown as a modal dialog, so nothing behind it (header, navigation) can be reached.
    if (this._screen && !this._screen.open && this.isConnected) this._screen.showModal();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this._screen?.open) this._screen.close();
  }

  override render() {
    const s = this.snapshot;
    if (!s) return nothing;
    const seg = s.segment;
    const seconds = Math.ceil(s.segmentRemainingMs / 1000);
    const arrow = seg.side === 'left' ? '← ' : '';
    const arrowAfter = seg.side === 'right' ? ' →' : '';
    const instruction = seg.kind === 'hold' && seg.side !== 'none' ? `Hold ${seg.side}` : seg.label;
    return html`<dialog
      class="screen"
      aria-label="Session"
      @cancel=${(e: Event) => e.preventDefault() /* Escape must not leave the session: Stop is the way out */}
      @close=${this._reopen}
    >
      <div class="upper">
        <unknot-hold-button label="Stop" @hold-complete=${() => this._fire('session-stop')}></unknot-hold-button>
        <button class="safety" @click=${() => this._dialog?.showModal()}>Safety</button>
        <div class="step ${seg.kind}" data-segment=${seg.index}>
          <p class="instruction" data-testid="instruction">
            <span aria-hidden="true">${arrow}</span>${instruction}<span aria-hidden="true">${arrowAfter}</span>
          </p>
          ${this.notice
            ? html`<p class="notice" data-testid="session-notice">${this.notice}</p>`
            : html`<p class="rep">Repetition ${s.rep} of ${s.reps}</p>`}
        </div>
        <div class="moves">
          <button @click=${() => this._fire('session-back')}>Back a step</button>
          <button @click=${() => this._fire('session-skip')}>Skip a step</button>
          ${this.pauseLabel ? html`<button id="pause-small" @click=${() => this._fire('session-pause')}>${this.pauseLabel}</button>` : nothing}
        </div>
      </div>
      <button id="pause" class="main" autofocus @click=${() => this._fire('session-main')}>
        <span class="row">
          <span class="count ${seconds >= 100 ? 'long' : ''}" aria-hidden="true" data-testid="countdown">${seconds}</span>
          <slot name="pose"></slot>
        </span>
        <span class="main-label">${this.mainLabel}</span>
      </button>
      <dialog class="safety-dialog" aria-labelledby="safety-heading">
        <form method="dialog" class="close"><button autofocus>Close</button></form>
        <h2 id="safety-heading" class="visually-hidden">Safety advice</h2>
        <unknot-safety-note></unknot-safety-note>
      </dialog>
    </dialog>`;
  }

  /** Closed anyway (a browser that lets Escape through): shown again while the session runs. */
  private _reopen = (e: Event): void => {
    if (e.target === this._screen && this.isConnected) this._screen?.showModal();
  };

  private _fire(name: string): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-session-screen': UnknotSessionScreen;
  }
}
