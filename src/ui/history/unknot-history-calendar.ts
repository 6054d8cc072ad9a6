import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { monthGrid, type Day, type DayKey } from '../../history/index';
import { sharedStyles } from '../common/shared-styles';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const monthName = (year: number, month: number) =>
  new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));

const longDay = (day: DayKey) =>
  new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.parse(`${day}T00:00:00Z`));

/**
 * A month of local days. Days with sessions are buttons showing done against prescribed per
 * routine ("3/3"); the whole day is described in words for screen readers (the short visible
 * figures are hidden from them, so the button's name is the description alone).
 *
 * @fires day-select - detail: the DayKey chosen
 * @fires month-change - detail: { year, month } of the month to show
 */
@customElement('unknot-history-calendar')
export class UnknotHistoryCalendar extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
      }
      table {
        width: 100%;
        border-collapse: separate;
        border-spacing: 3px;
        table-layout: fixed;
      }
      th {
        font-size: 0.8rem;
        font-weight: 600;
        color: var(--u-muted);
      }
      td {
        text-align: center;
        vertical-align: top;
        padding: 0;
      }
      td.out {
        color: var(--u-muted);
        font-style: italic;
      }
      td > span,
      td > button {
        display: flex;
        flex-direction: column;
        align-items: center;
        width: 100%;
        min-height: var(--u-target);
        min-width: 0;
        padding: 0.2rem 0;
        border-radius: 8px;
        font-size: 0.9rem;
      }
      td > button {
        border-width: 2px;
      }
      button.met {
        background: var(--u-accent);
        color: var(--u-accent-text);
      }
      button[aria-pressed='true'] {
        outline: 3px solid var(--u-text);
        outline-offset: 1px;
      }
      .count {
        font-size: 0.75rem;
        line-height: 1.1;
      }
      .today {
        font-weight: 800;
        text-decoration: underline;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 1rem;
        list-style: none;
        padding: 0;
        margin: 0.5rem 0 0;
        font-size: 0.85rem;
      }
      .legend li {
        display: flex;
        align-items: center;
        gap: 0.4rem;
      }
      .swatch {
        display: inline-block;
        width: 1.3rem;
        height: 1.1rem;
        border-radius: 4px;
        border: 2px solid var(--u-accent);
        background: var(--u-surface);
        box-sizing: border-box;
      }
      .swatch.met {
        background: var(--u-accent);
      }
    `,
  ];

  /** 1–12. */
  @property({ type: Number }) month = 1;
  @property({ type: Number }) year = 2026;
  /** Days with sessions, by day key. */
  @property({ attribute: false }) days: ReadonlyMap<DayKey, Day> = new Map();
  /** Routine names by id, for the accessible description. */
  @property({ attribute: false }) names: ReadonlyMap<string, string> = new Map();
  /** The day shown in detail, if any. */
  @property() selected: DayKey | null = null;
  /** Today, to mark it. */
  @property() today: DayKey | null = null;

  override render() {
    const cells = monthGrid(this.year, this.month);
    const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
    const title = monthName(this.year, this.month);
    return html`
      <div class="head">
        <button aria-label="Previous month" @click=${() => this._move(-1)}>‹</button>
        <h2 id="month" aria-live="polite">${title}</h2>
        <button aria-label="Next month" @click=${() => this._move(1)}>›</button>
      </div>
      <table aria-labelledby="month">
        <thead>
          <tr>
            ${WEEKDAYS.map((d) => html`<th scope="col"><abbr title=${d}>${d.slice(0, 2)}</abbr></th>`)}
          </tr>
        </thead>
        <tbody>
          ${weeks.map((week) => html`<tr>${week.map((c) => this._cell(c.day, c.inMonth))}</tr>`)}
        </tbody>
      </table>
      <ul class="legend" aria-label="Legend">
        <li><span class="swatch met" aria-hidden="true"></span>Every routine done as often as prescribed</li>
        <li><span class="swatch" aria-hidden="true"></span>Some sessions done</li>
        <li><span aria-hidden="true">2/3</span>Sessions done of those prescribed, per routine</li>
        <li><span class="today" aria-hidden="true">20</span>Today</li>
      </ul>
    `;
  }

  private _cell(key: DayKey, inMonth: boolean) {
    const day = this.days.get(key);
    const number = Number(key.slice(8));
    const todayClass = key === this.today ? 'today' : '';
    if (!inMonth) return html`<td class="out"><span aria-hidden="true">${number}</span></td>`;
    if (!day) return html`<td><span class=${todayClass}>${number}</span></td>`;
    const met = day.routines.every((r) => r.done >= r.prescribed);
    const label = `${longDay(key)}: ${day.routines
      .map((r) => `${this.names.get(r.routineId) ?? r.routineId} ${r.prescribed ? `${r.done} of ${r.prescribed}` : `${r.done} done`}${r.stopped ? `, ${r.stopped} stopped early` : ''}`)
      .join('; ')}`;
    return html`<td>
      <button
        class=${met ? 'met' : 'partial'}
        data-day=${key}
        aria-pressed=${this.selected === key ? 'true' : 'false'}
        @click=${() => this.dispatchEvent(new CustomEvent('day-select', { detail: key }))}
      >
        <span class=${todayClass} aria-hidden="true">${number}</span>
        ${day.routines.map((r) => html`<span class="count" aria-hidden="true">${r.prescribed ? `${r.done}/${r.prescribed}` : r.done}</span>`)}
        <span class="visually-hidden">${label}</span>
      </button>
    </td>`;
  }

  private _move(by: number): void {
    const m = this.month - 1 + by;
    const detail = { year: this.year + Math.floor(m / 12), month: (((m % 12) + 12) % 12) + 1 };
    this.dispatchEvent(new CustomEvent('month-change', { detail }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-history-calendar': UnknotHistoryCalendar;
  }
}
