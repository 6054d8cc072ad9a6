import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { shownPose } from '../../poses/index';
import type { Routine, Timeline } from '../../routine/index';
import './unknot-pose';

/**
 * The player's picture of the step under way, large beside the countdown. During a rest it shows
 * the NEXT position, under the word "Next", so the user knows where to go (a get-ready screen
 * before the session passes segment 0 and `upcoming`). Shows nothing when the exercise has no
 * picture for the step.
 */
@customElement('unknot-step-pose')
export class UnknotStepPose extends LitElement {
  static override styles = css`
    :host {
      display: block;
      text-align: center;
    }
    figure {
      margin: 0;
    }
    figcaption {
      font-weight: 700;
      font-size: 1.1rem;
      min-block-size: 1.5em;
    }
    unknot-pose {
      --pose-size: var(--step-pose-size, min(50vw, 38vh, 300px));
    }
  `;

  @property({ attribute: false }) routine: Routine | null = null;
  @property({ attribute: false }) timeline: Timeline | null = null;
  /** The index of the segment under way (during a get-ready before the session: 0). */
  @property({ type: Number }) segment = 0;
  /** Marks the picture "Next" whatever the segment: for a get-ready before the session starts. */
  @property({ type: Boolean }) upcoming = false;

  override render() {
    const shown = this.routine && this.timeline ? shownPose(this.routine, this.timeline, this.segment) : undefined;
    if (!shown) return nothing;
    const next = shown.upcoming || this.upcoming;
    return html`<figure data-upcoming=${next}>
      <unknot-pose pose=${shown.pose}></unknot-pose>
      <figcaption>${next ? 'Next' : ''}</figcaption>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-step-pose': UnknotStepPose;
  }
}
