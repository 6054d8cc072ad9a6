import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sharedStyles } from '../common/shared-styles';

/** Chromium's install prompt event; not in TypeScript's DOM types. */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** iOS has no install prompt at all; installing is Safari's Share → Add to Home Screen. */
function needsIosHint(): boolean {
  const ios = /iPad|iPhone|iPod/.test(navigator.userAgent) || (navigator.userAgent.includes('Macintosh') && navigator.maxTouchPoints > 1);
  const standalone = (navigator as Navigator & { standalone?: boolean }).standalone === true || matchMedia('(display-mode: standalone)').matches;
  return ios && !standalone;
}

/**
 * "Install Unknot": appears only where the browser offers installing (the app keeps the
 * beforeinstallprompt event and passes it in: this element loads after the page), and on iOS as
 * a short hint instead. Hidden once the app is installed.
 *
 * @fires unknot-installed - the user accepted the browser's install dialog
 */
@customElement('unknot-install-button')
export class UnknotInstallButton extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      /* Sits on the shell's coloured header: take its text colour, not the page's. */
      button {
        color: inherit;
        background: transparent;
        border-color: currentColor;
        font-weight: 600;
      }
      .hint {
        margin: 0;
        font-size: 0.95em;
      }
    `,
  ];

  /** The browser's install offer (its beforeinstallprompt event), kept by the app; null when there is none. */
  @property({ attribute: false }) offer: BeforeInstallPromptEvent | null = null;

  /** An offer already used or made void by an install: a prompt event can be used once. */
  @state() private _spent: BeforeInstallPromptEvent | null = null;
  @state() private _iosHint = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this._iosHint = needsIosHint();
    window.addEventListener('appinstalled', this._onInstalled);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('appinstalled', this._onInstalled);
    super.disconnectedCallback();
  }

  override render() {
    if (this.offer && this.offer !== this._spent) return html`<button @click=${this._install}>Install Unknot</button>`;
    if (this._iosHint) return html`<p class="hint">To install: tap Share, then “Add to Home Screen”.</p>`;
    return nothing;
  }

  private _onInstalled = () => {
    this._spent = this.offer;
  };

  private _install = async () => {
    const offer = this.offer;
    if (!offer || offer === this._spent) return;
    // The browser fires a fresh offer if the user declines.
    this._spent = offer;
    await offer.prompt();
    const { outcome } = await offer.userChoice;
    if (outcome === 'accepted') this.dispatchEvent(new CustomEvent('unknot-installed', { bubbles: true, composed: true }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-install-button': UnknotInstallButton;
  }
}
