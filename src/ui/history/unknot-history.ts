import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { UnknotData } from '../../data/api';
import {
  currentTimeZone,
  deleteSession,
  groupByDay,
  loadHistory,
  localDay,
  painTrend,
  patchHistory,
  prescriptionsOf,
  routinesByUse,
  streaks,
  type Day,
  type DayKey,
  type Deleted,
  type HistoryData,
} from '../../history/index';
import { dataContext } from '../context/data-context';
import { sharedStyles } from '../common/shared-styles';
import './unknot-history-calendar';
import './unknot-history-chart';
import './unknot-history-day';
import type { SessionAmend } from './unknot-history-session';

/** The browser's own time zone: the history shows days as the user lives them now. */
const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** The /history view: calendar, streaks, pain trend per routine, session detail with delete and undo. */
@customElement('unknot-history')
export class UnknotHistory extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section,
      unknot-history-day {
        margin-bottom: 1.25rem;
      }
      .streaks {
        display: flex;
        gap: 1rem;
        flex-wrap: wrap;
        align-items: center;
      }
      .streaks strong {
        font-size: 1.6rem;
        display: block;
      }
      .toast {
        position: sticky;
        bottom: 1rem;
        display: flex;
        gap: 1rem;
        align-items: center;
        justify-content: space-between;
      }
      label {
        display: block;
        font-weight: 600;
      }
      select {
        margin: 0.25rem 0 0.75rem;
      }
    `,
  ];

  /** The data layer, from the app. */
  @consume({ context: dataContext, subscribe: true })
  @property({ attribute: false })
  data?: UnknotData;

  /** IANA zone the days are counted in; the browser's by default. */
  @property({ attribute: 'time-zone' }) timeZone = currentTimeZone();

  @state() private _history: HistoryData | null = null;
  @state() private _error = '';
  @state() private _month = { year: 0, month: 0 };
  @state() private _day: DayKey | null = null;
  @state() private _session: string | null = null;
  @state() private _deleted: Deleted | null = null;
  @state() private _status = '';
  @state() private _chartRoutine = '';
  /** Sessions by local day: recomputed only when the sessions or the zone change, not on every click. */
  private _byDay = new Map<DayKey, Day>();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data') && this.data) void this._load();
    if ((changed.has('_history' as keyof UnknotHistory) || changed.has('timeZone')) && this._history) {
      this._byDay = groupByDay(this._history.sessions, this.timeZone, prescriptionsOf(this._history.routines));
    }
    if (!this._month.year) {
      const [y, m] = localDay(Date.now(), this.timeZone).split('-').map(Number);
      this._month = { year: y, month: m };
    }
  }

  private async _load(): Promise<void> {
    try {
      this._history = await loadHistory(this.data!);
      this._error = '';
    } catch (e) {
      this._error = `Could not read your history: ${(e as Error).message}`;
    }
  }

  override render() {
    if (this._error) return html`<h1>History</h1><p role="alert">${this._error}</p>`;
    const h = this._history;
    if (!h) return html`<h1>History</h1><p aria-busy="true">Loading your history…</p>`;
    const byDay = this._byDay;
    const today = localDay(Date.now(), this.timeZone);
    const s = streaks(byDay, today);
    const names = new Map([...h.routines.values()].map((r) => [r.id, r.name]));
    const practised = routinesByUse(h.sessions); // the chart opens on the routine done most
    const chartId = practised.includes(this._chartRoutine) ? this._chartRoutine : practised[0];
    return html`
      <h1>History</h1>
      <section class="card streaks" aria-label="Streaks">
        <p><strong data-streak="current">${days(s.current)}</strong> current streak</p>
        <p><strong data-streak="longest">${days(s.longest)}</strong> longest streak</p>
        <p class="muted">A day counts when at least one session was completed.</p>
        <a class="button" href="/report">Report for your physiotherapist</a>
      </section>
      ${h.sessions.length ? '' : html`<p>No sessions yet. Play a routine and it shows up here.</p>`}
      <section class="card">
        <unknot-history-calendar
          .year=${this._month.year}
          .month=${this._month.month}
          .days=${byDay}
          .names=${names}
          .selected=${this._day}
          .today=${today}
          @day-select=${(e: CustomEvent<DayKey>) => ((this._day = e.detail), (this._session = null))}
          @month-change=${(e: CustomEvent<{ year: number; month: number }>) => (this._month = e.detail)}
        ></unknot-history-calendar>
      </section>
      ${this._day
        ? html`<unknot-history-day
            .day=${this._day}
            .data=${byDay.get(this._day)}
            .names=${names}
            .selected=${this._session}
            .timeZone=${this.timeZone}
            @session-select=${(e: CustomEvent<string | null>) => (this._session = e.detail)}
            @session-delete=${this._delete}
            @session-amend=${this._amend}
          ></unknot-history-day>`
        : ''}
      ${practised.length
        ? html`<section class="card">
            <h2>Pain before and after</h2>
            <label for="chart-routine">Routine</label>
            <select id="chart-routine" @change=${(e: Event) => (this._chartRoutine = (e.target as HTMLSelectElement).value)}>
              ${practised.map((id) => html`<option value=${id} ?selected=${id === chartId}>${names.get(id)}</option>`)}
            </select>
            <unknot-history-chart .trend=${painTrend(chartId, h.sessions)} .name=${names.get(chartId) ?? chartId}></unknot-history-chart>
          </section>`
        : ''}
      <div role="status" aria-live="polite">${this._toast()}</div>
    `;
  }

  private _toast() {
    if (this._deleted) return html`<div class="card toast"><span>Session deleted.</span><button class="primary" @click=${this._undo}>Undo</button></div>`;
    return this._status;
  }

  // A change touches one session: the view patches its copy (patchHistory) instead of reading them all again.
  private _delete = async (e: CustomEvent<string>) => {
    try {
      this._deleted = await deleteSession(this.data!, e.detail);
      this._session = null;
      if (this._history) this._history = patchHistory(this._history, { remove: e.detail });
    } catch (error) {
      this._status = (error as Error).message;
    }
  };

  private _amend = async (e: CustomEvent<SessionAmend>) => {
    try {
      const updated = await this.data!.sessions.amend(e.detail.id, e.detail.patch);
      this._status = 'Session corrected.';
      if (this._history) this._history = patchHistory(this._history, { put: updated });
    } catch (error) {
      this._status = `The correction was not saved: ${(error as Error).message}`;
    }
  };

  private _undo = async () => {
    const deleted = this._deleted;
    if (!deleted) return;
    try {
      await deleted.undo();
      this._deleted = null;
      this._session = deleted.record.id;
      this._status = 'Session restored.';
      if (this._history) this._history = patchHistory(this._history, { put: deleted.record });
    } catch (error) {
      this._status = `Could not restore the session: ${(error as Error).message}`;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-history': UnknotHistory;
  }
}
