import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { DEFAULT_SETTINGS, type Settings } from '../../data/schema';
import { CUE } from '../../../watch/protocol/index';
import { CueRouter, trainerCues, trainerSettings, type CueOutputs, type TrainerCue, type TrainerCueType } from '../../player/index';
import type { WatchLink } from '../../watch-link/index';
import { watchLinkContext } from '../context/watch-link-context';
import { sharedStyles } from '../common/shared-styles';
import { browserOutputs } from './player-controller';

/** The watch's TEST_CUE argument for each trainer cue. */
const WATCH_CUE: Record<TrainerCueType, number> = {
  'hold-start': CUE.HOLD_START,
  'hold-end': CUE.HOLD_END,
  'switch-side': CUE.SWITCH_SIDE,
  'routine-done': CUE.DONE,
};

/**
 * "Try the cues": plays each cue (hold start, hold end, switch side, done) as voice, beep and
 * vibration together, and says what it means, so a user learns them before lying down with eyes
 * closed. A connected watch with the Unknot module buzzes it too (an alert-only watch gets one
 * alert). Used on the player page before Start, in Settings and in onboarding.
 *
 * @fires cue-tried - detail: the TrainerCue played
 */
@customElement('unknot-cue-trainer')
export class UnknotCueTrainer extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      details {
        border: 1px solid var(--u-border);
        border-radius: var(--u-radius);
        padding: 0.5rem 1rem;
      }
      summary {
        min-height: var(--u-target);
        display: flex;
        align-items: center;
        font-weight: 600;
        cursor: pointer;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.5rem;
      }
      button {
        width: 100%;
        min-height: var(--u-target);
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        text-align: start;
        gap: 0.15rem;
      }
      .meaning {
        font-weight: normal;
      }
    `,
  ];

  /** The buzz patterns and switches to play with (the user's settings); defaults when absent. */
  @property({ attribute: false }) settings: Pick<Settings, 'cuePatterns' | 'countdown' | 'voice' | 'beeps' | 'phoneVibration' | 'speechVoice' | 'speechRate'> | null = null;

  /** Open from the start (Settings, onboarding); on the player page it starts folded. */
  @property({ type: Boolean }) open = false;

  @consume({ context: watchLinkContext, subscribe: true })
  @property({ attribute: false })
  link?: WatchLink;

  @state() private _played = '';
  private readonly _cues = trainerCues('en');

  override render() {
    return html`<details ?open=${this.open}>
      <summary>Try the cues</summary>
      <p class="muted">Each button plays one cue the way a session does: voice, beep and vibration${this.link?.connected ? ', and a buzz on the watch' : ''}.</p>
      <ul>
        ${this._cues.map(
          (c) => html`<li>
            <button type="button" data-cue=${c.type} @click=${() => this._play(c)}>
              <strong>${c.name}</strong><span class="meaning">${c.meaning}</span>
            </button>
          </li>`,
        )}
      </ul>
      <p role="status" data-testid="trainer-status">${this._played}</p>
    </details>`;
  }

  /** The voice, beeps and vibration, made at the first click and kept: one AudioContext, not one per click. */
  private _outputs: CueOutputs | null = null;

  private _settingsNow(): Settings {
    return { ...structuredClone(DEFAULT_SETTINGS), ...this.settings };
  }

  private _play(c: TrainerCue): void {
    const s = this._settingsNow();
    this._outputs ??= browserOutputs(() => {
      const now = this._settingsNow();
      return { lang: 'en', voiceURI: now.speechVoice, rate: now.speechRate };
    });
    const router = new CueRouter(this._outputs, trainerSettings(s));
    router.started(); // inside the click: unlocks audio
    router.fire(c.moment, 0);
    const link = this.link;
    if (link?.connected && link.kind === 'unknot') link.testCue(WATCH_CUE[c.type]).catch(() => undefined);
    else if (link?.connected && link.kind === 'alert') link.alert().catch(() => undefined);
    this._played = `${c.name}: ${c.meaning}`;
    this.dispatchEvent(new CustomEvent<TrainerCue>('cue-tried', { detail: c, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-cue-trainer': UnknotCueTrainer;
  }
}
