import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Settings } from '../../data/schema';
import { EN, RATE_MAX, RATE_MIN, speechSpeaker } from '../../player/index';
import { sharedStyles } from '../common/shared-styles';

/** The part of speechSynthesis the picker uses; a test or another platform can hand in its own. */
export interface VoiceList {
  getVoices(): { name: string; lang: string; voiceURI: string; default?: boolean }[];
  addEventListener(type: 'voiceschanged', fn: () => void): void;
  removeEventListener(type: 'voiceschanged', fn: () => void): void;
}

type VoiceSettings = Pick<Settings, 'speechVoice' | 'speechRate' | 'breathing'>;

/**
 * How the voice speaks: the device's voices for the app's language (English today), the rate
 * (0.7–1.3), "Hear a sample" with both, and the optional breathing prompt in holds.
 * Browsers load their voices late (and headless Chromium has none): the list fills in on
 * `voiceschanged`, and says so when there is nothing to choose.
 *
 * @fires settings-change - detail: a partial Settings with what changed
 */
@customElement('unknot-voice-settings')
export class UnknotVoiceSettings extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      fieldset {
        border: 1px solid var(--u-border);
        border-radius: var(--u-radius);
        margin: 0.75rem 0 0;
      }
      label {
        display: block;
        font-weight: 600;
        margin-top: 0.5rem;
      }
      label.check {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        min-height: var(--u-target);
        font-weight: normal;
      }
      select,
      input[type='range'] {
        width: 100%;
        min-height: var(--u-target);
      }
      input[type='checkbox'] {
        width: 1.6rem;
        height: 1.6rem;
        margin: 0;
      }
      button {
        margin-top: 0.5rem;
        min-height: var(--u-target);
      }
    `,
  ];

  /** Current values. */
  @property({ attribute: false }) settings: VoiceSettings | null = null;

  /** Where the voices come from; the browser's speechSynthesis unless given. */
  @property({ attribute: false }) voices: VoiceList | null = typeof speechSynthesis === 'undefined' ? null : speechSynthesis;

  @state() private _list: ReturnType<VoiceList['getVoices']> = [];
  private _listening: VoiceList | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this._follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._listening?.removeEventListener('voiceschanged', this._refresh);
    this._listening = null;
  }

  override willUpdate(): void {
    if (this.voices !== this._listening) this._follow();
  }

  private _follow(): void {
    this._listening?.removeEventListener('voiceschanged', this._refresh);
    this._listening = this.voices;
    this._listening?.addEventListener('voiceschanged', this._refresh);
    this._refresh();
  }

  private _refresh = (): void => {
    const lang = EN.lang;
    this._list = (this._listening?.getVoices() ?? []).filter((v) => v.lang.toLowerCase().split(/[-_]/)[0] === lang);
  };

  override render() {
    const s = this.settings;
    if (!s) return html``;
    const rate = s.speechRate ?? 1;
    return html`<fieldset>
      <legend>Voice</legend>
      <label for="voice">Voice for English</label>
      <select id="voice" @change=${(e: Event) => this._changed({ speechVoice: (e.target as HTMLSelectElement).value || undefined })}>
        <option value="" ?selected=${!s.speechVoice}>The device’s default voice</option>
        ${this._list.map((v) => html`<option value=${v.voiceURI} ?selected=${s.speechVoice === v.voiceURI}>${v.name} (${v.lang})</option>`)}
      </select>
      ${this._list.length ? '' : html`<p class="muted" data-testid="no-voices">This device lists no English voices to choose from; the default voice is used.</p>`}
      <label for="rate">Speaking speed: <output for="rate">${rate.toFixed(1)}×</output></label>
      <input
        id="rate"
        type="range"
        min=${RATE_MIN}
        max=${RATE_MAX}
        step="0.1"
        .value=${String(rate)}
        @change=${(e: Event) => this._changed({ speechRate: Math.round(Number((e.target as HTMLInputElement).value) * 10) / 10 })}
      />
      <button type="button" @click=${this._sample}>Hear a sample</button>
      <label class="check">
        <input type="checkbox" .checked=${!!s.breathing} @change=${(e: Event) => this._changed({ breathing: (e.target as HTMLInputElement).checked })} />
        Remind me to breathe during holds of 5 seconds or more
      </label>
    </fieldset>`;
  }

  private _sample = (): void => {
    if (typeof speechSynthesis === 'undefined') return;
    const s = this.settings;
    speechSpeaker(speechSynthesis, SpeechSynthesisUtterance, () => ({ lang: EN.lang, voiceURI: s?.speechVoice, rate: s?.speechRate })).say(EN.sample);
  };

  private _changed(patch: Partial<VoiceSettings>): void {
    this.dispatchEvent(new CustomEvent('settings-change', { detail: patch, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-voice-settings': UnknotVoiceSettings;
  }
}
