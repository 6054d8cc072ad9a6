import { html, type TemplateResult } from 'lit';
import { SEE_A_DOCTOR_NOW } from '../../routine/index';

/**
 * The signs that need a doctor now, with the way to "About back spasms": one block for the
 * welcome, the safety advice on the player and the pain advice, rendered in each host's own
 * shadow root (so each keeps its own h3/ul styles).
 */
export function doctorSigns(): TemplateResult {
  return html`<h3>See a doctor now if you have</h3>
    <ul>
      ${SEE_A_DOCTOR_NOW.map((line) => html`<li>${line}</li>`)}
    </ul>
    <p><a href="/about-back-spasms">About back spasms</a></p>`;
}
