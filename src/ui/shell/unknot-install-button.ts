import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sharedStyles } from '../common/shared-styles';

/** Chromium's install prompt event; not in TypeScript's DOM types. */
interface BeforeInstallPromptEvent extends Event {
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
 * "Install Unknot": appears only where the browser offers installing (beforeinstallprompt), and
 * on iOS as a short hint instead. Hidden once the app is installed.
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

  @state() private _deferred: BeforeInstallPromptEvent | null = null;
  @state() private _iosHint = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this._iosHint = needsIosHint();
    window.addEventListener('beforeinstallprompt', this._onOffer);
    window.addEventListener('appinstalled', this._onInstalled);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('beforeinstallprompt', this._onOffer);
    window.removeEventListener('appinstalled', this._onInstalled);
    super.disconnectedCallback();
  }

  override render() {
    if (this._deferred) return html`<button @click=${this._install}>Install Unknot</button>`;
    if (this._iosHint) return html`<p class="hint">To install: tap Share, then “Add to Home Screen”.</p>`;
    return nothing;
  }

  private _onOffer = (event: Event) => {
    // Keep the browser's own mini-infobar away; our button asks at a moment the user chooses.
    event.preventDefault();
    this._deferred = event as BeforeInstallPromptEvent;
  };

  private _onInstalled = () => {
    this._deferred = null;
  };

  private _install = async () => {
    const offer = this._deferred;
    if (!offer) return;
    // A prompt event can be used once; the browser fires a fresh one if the user declines.
    this._deferred = null;
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
