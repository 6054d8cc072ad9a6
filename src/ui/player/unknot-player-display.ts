import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatDuration } from '../../routine/index';
import type { PlayerSnapshot } from '../../player/index';

/**
 * What the player shows while a session runs: the countdown of the current step (large enough
 * to read from two metres), the instruction, a side arrow, repetition i of N and overall
 * progress. Renders a snapshot; it has no state of its own. Screen readers get the milestones
 * from the player's live region instead of this ever-changing countdown (hence aria-hidden on it).
 */
@customElement('unknot-player-display')
export class UnknotPlayerDisplay extends LitElement {
  static override styles = css`
    :host {
      display: block;
      text-align: center;
    }
    .instruction {
      font-size: clamp(1.8rem, 8vw, 3.2rem);
      font-weight: 700;
      margin: 0;
      display: flex;
      justify-content: center;
      align-items: center;
      gap: 0.4em;
    }
    .hold .instruction {
      color: var(--u-hold);
    }
    .arrow {
      font-size: 1.3em;
      line-height: 1;
    }
    .count {
      font-size: clamp(7rem, 42vw, 16rem);
      font-weight: 800;
      line-height: 1;
      font-variant-numeric: tabular-nums;
      margin: 0.1em 0;
    }
    .rep {
      font-size: clamp(1.3rem, 5vw, 2rem);
      margin: 0;
    }
    progress {
      width: 100%;
      height: 1.25rem;
      accent-color: var(--u-accent);
      margin-top: 1rem;
    }
    .left {
      margin: 0.25rem 0 0;
    }
    :host([lying-down]) .count {
      font-size: clamp(9rem, 55vw, 22rem);
    }
    :host([lying-down]) .instruction {
      font-size: clamp(2.4rem, 11vw, 4.5rem);
    }
    :host([lying-down]) .secondary {
      display: none;
    }
  `;

  /** The player state to show. */
  @property({ attribute: false }) snapshot: PlayerSnapshot | null = null;

  /** Extra large text, fewer details: for reading while lying on your back. */
  @property({ type: Boolean, reflect: true, attribute: 'lying-down' }) lyingDown = false;

  override render() {
    const s = this.snapshot;
    if (!s) return nothing;
    const seg = s.segment;
    const seconds = Math.ceil(s.segmentRemainingMs / 1000);
    const arrow = seg.side === 'left' ? '←' : seg.side === 'right' ? '→' : '';
    const instruction = seg.kind === 'hold' && seg.side !== 'none' ? `Hold ${seg.side}` : seg.label;
    return html`<div class=${seg.kind} data-segment=${seg.index}>
      <p class="instruction" data-testid="instruction">
        ${seg.side === 'left' ? html`<span class="arrow" aria-hidden="true">${arrow}</span>` : nothing}
        <span>${instruction}</span>
        ${seg.side === 'right' ? html`<span class="arrow" aria-hidden="true">${arrow}</span>` : nothing}
      </p>
      <p class="count" aria-hidden="true" data-testid="countdown">${seconds}</p>
      <p class="rep">Repetition ${s.rep} of ${s.reps}</p>
      <div class="secondary">
        <progress max=${s.totalMs} .value=${s.positionMs} aria-label="Session progress"></progress>
        <p class="left">${formatDuration(s.totalMs - s.positionMs)} left</p>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-player-display': UnknotPlayerDisplay;
  }
}
