import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { exercisePoseSteps } from '../../poses/index';
import type { Exercise } from '../../routine/index';
import './unknot-pose';

/**
 * The routine page's pictures of one exercise (a list, not an <ol>, so the page keeps one
 * numbered list per exercise: its steps): each position in the order it is done, with the
 * words the voice says for it ("Twist right"). Shows nothing when the exercise has no pictures.
 */
@customElement('unknot-exercise-poses')
export class UnknotExercisePoses extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      list-style: none;
      padding: 0;
      margin: 0.5rem 0 1rem;
    }
    li {
      display: flex;
      flex-direction: column;
      align-items: center;
      inline-size: 7rem;
      text-align: center;
      font-size: 0.9em;
    }
    unknot-pose {
      --pose-size: 6.5rem;
    }
  `;

  /** The exercise whose positions to show. */
  @property({ attribute: false }) exercise: Exercise | null = null;

  override render() {
    const steps = this.exercise ? exercisePoseSteps(this.exercise) : [];
    if (!steps.length) return nothing;
    return html`<ul aria-label="Positions of ${this.exercise!.name}">
      ${steps.map((step) => html`<li><unknot-pose pose=${step.pose}></unknot-pose><span>${step.label}</span></li>`)}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-exercise-poses': UnknotExercisePoses;
  }
}
