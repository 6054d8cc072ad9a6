import { LitElement, css, html, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { seriesPath, type PainTrend } from '../../history/index';
import { sharedStyles } from '../common/shared-styles';

const W = 320;
const H = 150;
const PAD = { left: 28, right: 8, top: 8, bottom: 22 };
// One formatter for every label: building one per point took 1.5 ms each, 3.5 s for ten years of sessions.
const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dateOf = (at: number) => shortDate.format(at);
/** Beyond this many points the dots merge into the line anyway: only the line is drawn (the table has every value). */
const MAX_DOTS = 100;
/** Table rows drawn per "Show more", newest first. */
const ROWS = 100;
const fmt = (n: number | null) => (n === null ? '–' : n.toFixed(1));

/**
 * Pain before and after one routine over time, as a plain SVG line chart drawn with Lit's `svg`
 * templates: one small chart does not justify a chart library (the lightest well-kept ones
 * weigh 40–70 KB gzipped, more than the rest of the app). Colours come from classes, not
 * style attributes, which the Content Security Policy forbids. The same numbers are in a table
 * for screen readers and print.
 */
@customElement('unknot-history-chart')
export class UnknotHistoryChart extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      svg {
        width: 100%;
        height: auto;
        max-width: 40rem;
        display: block;
      }
      .grid {
        stroke: var(--u-border);
        stroke-width: 1;
      }
      .axis {
        fill: var(--u-muted);
        font-size: 10px;
      }
      .before {
        stroke: var(--u-hold);
        fill: none;
        stroke-width: 2;
        stroke-dasharray: 5 3;
      }
      .after {
        stroke: var(--u-accent);
        fill: none;
        stroke-width: 2.5;
      }
      circle.before {
        fill: var(--u-surface);
        stroke-dasharray: none;
      }
      circle.after {
        fill: var(--u-accent);
      }
      .legend {
        display: flex;
        gap: 1.25rem;
        flex-wrap: wrap;
        margin: 0.25rem 0;
      }
      .key-before,
      .key-after {
        display: inline-block;
        width: 1.5rem;
        border-top: 3px dashed var(--u-hold);
        vertical-align: middle;
        margin-right: 0.4rem;
      }
      .key-after {
        border-top: 3px solid var(--u-accent);
      }
      table {
        border-collapse: collapse;
        font-size: 0.9rem;
      }
      th,
      td {
        padding: 0.2rem 0.6rem;
        text-align: left;
        border-bottom: 1px solid var(--u-border);
      }
      @media print {
        details {
          display: none;
        }
      }
    `,
  ];

  /** The series to draw. */
  @property({ attribute: false }) trend: PainTrend | null = null;
  /** The routine's name, for the chart's accessible name. */
  @property() name = '';

  /** The table is drawn only while it is open, and a page of rows at a time: thousands of rows nobody opened cost seconds. */
  @state() private _tableOpen = false;
  @state() private _rows = ROWS;

  override render() {
    const t = this.trend;
    if (!t || !t.points.length) return html`<p class="muted">No pain ratings recorded for this routine yet.</p>`;
    const from = t.points[0].at;
    const to = t.points.at(-1)!.at;
    const box = { width: W - PAD.left - PAD.right, height: H - PAD.top - PAD.bottom, from, to };
    // Smaller dots when there are many, so a month of sessions stays a readable line.
    const r = t.points.length > 30 ? 1.6 : t.points.length > 12 ? 2.4 : 3.5;
    const line = (key: 'before' | 'after') => {
      const pts = seriesPath(t.points, key, box);
      return svg`<g transform="translate(${PAD.left} ${PAD.top})">
        <polyline class=${key} points=${pts.map((p) => `${p.x},${p.y}`).join(' ')}></polyline>
        ${pts.length <= MAX_DOTS ? pts.map((p) => svg`<circle class=${key} cx=${p.x} cy=${p.y} r=${r}><title>${dateOf(p.at)}: ${key} ${p.value}</title></circle>`) : ''}
      </g>`;
    };
    const label = `Pain for ${this.name}: ${t.points.length} sessions from ${dateOf(from)} to ${dateOf(to)}. Mean before ${fmt(t.meanBefore)}, after ${fmt(t.meanAfter)} out of 10.`;
    return html`
      <div class="legend" aria-hidden="true"><span><span class="key-before"></span>Before</span><span><span class="key-after"></span>After</span></div>
      <svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${label} data-points=${t.points.length}>
        ${[0, 5, 10].map((v) => {
          const y = PAD.top + (1 - v / 10) * box.height;
          return svg`<line class="grid" x1=${PAD.left} x2=${W - PAD.right} y1=${y} y2=${y}></line><text class="axis" x="4" y=${y + 3}>${v}</text>`;
        })}
        <text class="axis" x=${PAD.left} y=${H - 6}>${dateOf(from)}</text>
        <text class="axis" x=${W - PAD.right} y=${H - 6} text-anchor="end">${dateOf(to)}</text>
        ${line('before')} ${line('after')}
      </svg>
      <p>Over the ${t.paired} ${t.paired === 1 ? 'session' : 'sessions'} rated before and after: mean pain before <strong>${fmt(t.meanBefore)}</strong>, after <strong>${fmt(t.meanAfter)}</strong>${t.meanDrop === null ? '' : html`; on average ${t.meanDrop >= 0 ? 'down' : 'up'} by <strong>${Math.abs(t.meanDrop).toFixed(1)}</strong>`}.</p>
      <details @toggle=${(e: Event) => (this._tableOpen = (e.target as HTMLDetailsElement).open)}>
        <summary>Pain ratings as a table</summary>
        ${this._tableOpen ? this._table(t) : ''}
      </details>
    `;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('trend')) this._rows = ROWS; // another routine: its latest page first
  }

  /** The latest `_rows` ratings, newest first, and a button for older ones. */
  private _table(t: PainTrend) {
    const shown = Math.min(this._rows, t.points.length);
    const rows = t.points.slice(t.points.length - shown).reverse();
    const more = t.points.length - shown;
    return html`<table>
        <caption class="visually-hidden">Pain ratings for ${this.name}, newest first</caption>
        <thead><tr><th scope="col">Date</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
        <tbody>
          ${rows.map((p) => html`<tr><td>${new Date(p.at).toLocaleString()}</td><td>${p.before ?? '–'}</td><td>${p.after ?? '–'}</td></tr>`)}
        </tbody>
      </table>
      ${more
        ? html`<button type="button" @click=${() => (this._rows += ROWS)}>Show ${Math.min(ROWS, more)} older (${shown} of ${t.points.length} shown)</button>`
        : ''}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-history-chart': UnknotHistoryChart;
  }
}
