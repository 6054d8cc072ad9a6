import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Settings } from '../../data/schema';
import { sharedStyles } from '../common/shared-styles';

type CueSwitch = 'voice' | 'countdown' | 'beeps' | 'phoneVibration' | 'largeText';

const SWITCHES: { key: CueSwitch; label: string }[] = [
  { key: 'voice', label: 'Voice' },
  { key: 'countdown', label: 'Say 3-2-1 before you start and before a hold ends' },
  { key: 'beeps', label: 'Beeps' },
  { key: 'phoneVibration', label: 'Vibration' },
  { key: 'largeText', label: 'Lying down: extra large text' },
];

/**
 * The player's switches: voice, 3-2-1, beeps, vibration and the large-text lying-down mode.
 *
 * @fires settings-change - detail: a partial Settings with the one switch that changed
 */
@customElement('unknot-cue-settings')
export class UnknotCueSettings extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      fieldset {
        border: 1px solid var(--u-border);
        border-radius: var(--u-radius);
        margin: 0;
      }
      label {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        min-height: var(--u-target);
        cursor: pointer;
      }
      input {
        width: 1.6rem;
        height: 1.6rem;
        margin: 0;
      }
    `,
  ];

  /** Current values of the switches. */
  @property({ attribute: false }) settings: Pick<Settings, CueSwitch> | null = null;

  override render() {
    const s = this.settings;
    if (!s) return html``;
    return html`<fieldset>
      <legend>Cues</legend>
      ${SWITCHES.map(
        ({ key, label }) => html`<label>
          <input type="checkbox" .checked=${s[key]} @change=${(e: Event) => this._changed(key, e)} />${label}
        </label>`,
      )}
    </fieldset>`;
  }

  private _changed(key: CueSwitch, e: Event): void {
    const patch: Partial<Settings> = { [key]: (e.target as HTMLInputElement).checked };
    this.dispatchEvent(new CustomEvent('settings-change', { detail: patch, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-cue-settings': UnknotCueSettings;
  }
}
