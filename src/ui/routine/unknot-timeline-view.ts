import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { CUE_MEANINGS, formatDuration, type Timeline } from '../../routine/index';
import { sharedStyles } from '../common/shared-styles';

/** "0:13" from milliseconds. */
function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * A compiled timeline: a bar of its segments and a table of every step with the buzzes
 * that fall in it, so the user knows what the wrist will say and when.
 */
@customElement('unknot-timeline-view')
export class UnknotTimelineView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .bar {
        display: block;
        width: 100%;
        height: 1.25rem;
        border: 1px solid var(--u-border);
        margin: 0.5rem 0 1rem;
      }
      .bar rect {
        fill: var(--u-border);
      }
      .bar rect.hold {
        fill: var(--u-hold);
      }
      .bar rect.move,
      .bar rect.back {
        fill: var(--u-accent);
        opacity: 0.6;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: left;
        padding: 0.35rem 0.5rem;
        border-bottom: 1px solid var(--u-border);
        vertical-align: top;
      }
      td.num {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      @media (max-width: 30em) {
        table {
          table-layout: fixed;
        }
        td.num {
          white-space: normal;
        }
      }
      .buzz {
        color: var(--u-hold);
        font-weight: 600;
      }
    `,
  ];

  /** The timeline to show. */
  @property({ attribute: false }) timeline?: Timeline;

  override render() {
    const t = this.timeline;
    if (!t) return nothing;
    return html`
      <svg class="bar" aria-hidden="true" viewBox="0 0 ${t.totalMs} 10" preserveAspectRatio="none">
        ${t.segments.map((s) => svg`<rect class=${s.kind} x=${s.startMs} y="0" width=${s.durationMs} height="10"></rect>`)}
      </svg>
      <table>
        <caption class="visually-hidden">Every step of ${t.routineName}, with its start time and buzzes</caption>
        <thead>
          <tr><th scope="col">At</th><th scope="col">Step</th><th scope="col">For</th><th scope="col">Buzz</th></tr>
        </thead>
        <tbody>
          ${t.segments.map(
            (s) => html`<tr data-kind=${s.kind}>
              <td class="num">${clock(s.startMs)}</td>
              <td>${s.label}${s.kind === 'rest' || s.kind === 'setup' ? nothing : html` <span class="muted">(${s.rep} of ${s.reps})</span>`}</td>
              <td class="num">${formatDuration(s.durationMs)}</td>
              <td>
                ${s.cues
                  .filter((c) => CUE_MEANINGS[c.type].buzz)
                  .map((c) => html`<div class="buzz" data-cue=${c.type} data-at=${c.atMs}>${clock(c.atMs)} ${CUE_MEANINGS[c.type].name}: ${CUE_MEANINGS[c.type].buzz}</div>`)}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-timeline-view': UnknotTimelineView;
  }
}
