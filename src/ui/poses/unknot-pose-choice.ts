import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { CHOICE_NAMES, POSE_CHOICES, resolvePose, type PoseChoice } from '../../poses/index';
import type { Side } from '../../routine/index';
import './unknot-pose';

/**
 * The editor's choice of a picture for one phase of an exercise: a list of the pose set (or no
 * picture) and a preview of the chosen one.
 *
 * @fires pose-change - detail: the chosen PoseChoice, or undefined for no picture
 */
@customElement('unknot-pose-choice')
export class UnknotPoseChoice extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      gap: 0.5rem;
      align-items: flex-end;
      margin: 0 0 0.9rem;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      flex: 1;
      min-inline-size: 0;
    }
    label {
      font-weight: 600;
    }
    select {
      font: inherit;
      min-height: var(--u-target, 48px);
      padding: 0.4em 0.6em;
      border: 2px solid var(--u-border);
      border-radius: 8px;
      background: var(--u-bg);
      color: var(--u-text);
      inline-size: 100%;
      min-inline-size: 0; /* a long picture name must not widen the page at 200 % text */
      text-overflow: ellipsis;
    }
    select:focus-visible {
      outline: 3px solid var(--u-focus);
      outline-offset: 2px;
    }
    unknot-pose {
      --pose-size: 4rem;
      flex: none;
    }
    .none {
      inline-size: 4rem;
      flex: none;
    }
  `;

  /** The field's label, e.g. "Get ready". */
  @property() label = '';
  /** The chosen picture, or undefined for none. */
  @property() value: PoseChoice | undefined = undefined;
  /** The side the preview shows for a picture that follows the side. */
  @property() side: Side = 'right';

  override render() {
    const change = (e: Event) => {
      const key = (e.target as HTMLSelectElement).value;
      this.dispatchEvent(new CustomEvent('pose-change', { detail: key ? (key as PoseChoice) : undefined }));
    };
    return html`<div class="field">
        <label for="choice">${this.label}</label>
        <select id="choice" @change=${change}>
          <option value="" ?selected=${!this.value}>No picture</option>
          ${POSE_CHOICES.map((key) => html`<option value=${key} ?selected=${key === this.value}>${CHOICE_NAMES[key]}</option>`)}
        </select>
      </div>
      ${this.value ? html`<unknot-pose pose=${resolvePose(this.value, 'none', this.side) ?? ''}></unknot-pose>` : html`<span class="none"></span>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-pose-choice': UnknotPoseChoice;
  }
}
