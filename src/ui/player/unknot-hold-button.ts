import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sharedStyles } from '../common/shared-styles';
import { STOP_HOLD_MS } from '../../player/deliberate-stop';

/**
 * A button that acts only when pressed and held (`holdMs`, about a second), with a bar that
 * fills while held, so a slip or a brushing hand cannot trigger it. Works with a finger, a mouse
 * and the keyboard (hold Space or Enter). A short tap only says how to use it.
 *
 * @fires hold-complete - held for the whole `holdMs`
 */
@customElement('unknot-hold-button')
export class UnknotHoldButton extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: inline-block;
      }
      button {
        position: relative;
        overflow: hidden;
        width: 100%;
        border-color: var(--u-danger);
        touch-action: none;
        user-select: none;
        -webkit-user-select: none;
        -webkit-touch-callout: none;
      }
      .fill {
        position: absolute;
        inset: auto 0 0 0;
        height: 100%;
        background: color-mix(in srgb, var(--u-danger) 35%, transparent);
        transform: scaleX(0);
        transform-origin: left;
        pointer-events: none;
      }
      :host([holding]) .fill {
        transform: scaleX(1);
        transition: transform var(--hold-ms) linear;
      }
      .label {
        position: relative;
        display: flex;
        flex-direction: column;
        line-height: 1.1;
      }
      .how {
        font-size: 0.7em;
        color: var(--u-muted);
      }
      /* After a short tap the small line says how (the full sentence goes to screen readers). */
      .how.told {
        color: var(--u-text);
        font-weight: 700;
      }
    `,
  ];

  /** The visible label, e.g. "Stop"; "press & hold" is shown (and read) under it. */
  @property() label = 'Stop';
  /** How long to hold, in ms. */
  @property({ type: Number }) holdMs = STOP_HOLD_MS;
  /** True while being held (reflected, for the fill bar). */
  @property({ type: Boolean, reflect: true }) holding = false;

  @state() private _hint = false;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  /** The click that follows a completed hold's release is not a short tap. */
  private _completed = false;

  override render() {
    return html`<button
        aria-describedby="hint"
        @pointerdown=${this._down}
        @pointerup=${this._cancel}
        @pointerleave=${this._cancel}
        @pointercancel=${this._cancel}
        @keydown=${this._key}
        @keyup=${this._cancel}
        @blur=${this._cancel}
        @click=${this._click}
        @contextmenu=${(e: Event) => e.preventDefault()}
      >
        <span class="fill" aria-hidden="true"></span><span class="label">${this.label}<span class="how ${this._hint ? 'told' : ''}">${this._hint ? 'hold 1 second' : 'press & hold'}</span></span></button
      ><span id="hint" class="visually-hidden" role="status">${this._hint ? `Press and hold for a second to ${this.label.toLowerCase()}.` : ''}</span>`;
  }

  override updated(): void {
    // A custom property set through the CSSOM: the page's CSP forbids style attributes.
    this.style.setProperty('--hold-ms', `${this.holdMs}ms`);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._cancel();
  }

  private _down = (e: PointerEvent): void => {
    if (e.button !== 0) return;
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
    this._begin();
  };

  private _key = (e: KeyboardEvent): void => {
    if (e.key !== ' ' && e.key !== 'Enter') return;
    e.preventDefault(); // no click from the key: only a full hold counts
    if (!e.repeat) this._begin();
  };

  private _begin(): void {
    clearTimeout(this._timer);
    this.holding = true;
    this._hint = false;
    this._completed = false;
    this._timer = setTimeout(() => {
      this.holding = false;
      this._timer = undefined;
      this._completed = true;
      this.dispatchEvent(new CustomEvent('hold-complete', { bubbles: true, composed: true }));
    }, this.holdMs);
  }

  private _cancel = (): void => {
    if (this._timer === undefined) return;
    clearTimeout(this._timer);
    this._timer = undefined;
    this.holding = false;
    this._hint = true;
  };

  /** A click without a hold (a tap, or a screen reader's activation): explain instead of acting. */
  private _click = (): void => {
    if (!this.holding && !this._completed) this._hint = true;
    this._completed = false;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-hold-button': UnknotHoldButton;
  }
}
