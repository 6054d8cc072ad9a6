import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { UnknotData } from '../../data/api';
import { addDays, currentTimeZone, loadHistory, localDay, type DayKey, type HistoryData } from '../../history/index';
import { buildReport, importSharedRoutine, inPeriod, routineShareText, sessionsCsv, shareFileName, type Report } from '../../report/index';
import { readImportFile } from '../../data/transfer';
import { dataContext } from '../context/data-context';
import { sharedStyles } from '../common/shared-styles';
import { reportStyles } from './report-styles';
import { canShareFiles, shareOrDownload, type MadeFile } from '../common/share-file';
import '../history/index';

/** Options of the share list drawn per task. */
const SHARE_PAGE = 500;
const FELT = { easier: 'easier than last time', same: 'same as last time', harder: 'harder than last time' } as const;
const pct = (x: number) => `${Math.round(x * 100)}%`;
const mean = (x: number | null) => (x === null ? '–' : x.toFixed(1));
const longDate = (d: DayKey) => new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(`${d}T00:00:00Z`));

/**
 * The /report view: a one-page printable report of adherence and pain over a chosen period
 * (the print stylesheet hides the controls; the browser's print dialog saves it as PDF), the
 * sessions as CSV, and sharing one routine as a file another Unknot imports.
 */
@customElement('unknot-report')
export class UnknotReport extends LitElement {
  static override styles = [sharedStyles, reportStyles];

  /** The data layer, from the app. */
  @consume({ context: dataContext, subscribe: true })
  @property({ attribute: false })
  data?: UnknotData;

  /** IANA zone days are counted in; the browser's by default. */
  @property({ attribute: 'time-zone' }) timeZone = currentTimeZone();

  @state() private _history: HistoryData | null = null;
  @state() private _include: string[] = [];
  @state() private _to: DayKey = localDay(Date.now(), currentTimeZone());
  @state() private _from: DayKey = addDays(this._to, -29);
  @state() private _status = '';
  @state() private _share = '';
  @state() private _patient = '';
  /** Routines that can be shared, by name; their options are drawn SHARE_PAGE per task (10,000 at once froze the page). */
  @state() private _live: { id: string; name: string }[] = [];
  @state() private _liveShown = SHARE_PAGE;
  /** The report, rebuilt only when its inputs change (not on every status message). */
  private _built: Report | null = null;
  /** The phone's share sheet takes files here (checked once; desktop Linux Chromium cannot). */
  private readonly _canShare = canShareFiles();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data') && this.data) void this._load(this.data);
    const inputs = ['_history', '_include', '_from', '_to', 'timeZone'] as (keyof UnknotReport)[];
    if (this._history && (!this._built || inputs.some((k) => changed.has(k)))) this._built = this._report(this._history);
  }

  protected override updated(): void {
    // The next page of the share list's options, in a task of its own.
    if (this._liveShown < this._live.length) setTimeout(() => (this._liveShown += SHARE_PAGE));
  }

  private async _load(data: UnknotData): Promise<void> {
    try {
      const [history, settings, routines] = await Promise.all([loadHistory(data), data.settings.get(), data.routines.list()]);
      this._live = routines.map((r) => ({ id: r.routine.id, name: r.routine.name }));
      this._history = history;
      this._include = settings.reminders.filter((r) => r.enabled).map((r) => r.routineId);
      this._patient = settings.patientName ?? '';
    } catch (e) {
      this._status = `Could not read your sessions: ${(e as Error).message}`;
    }
  }

  private _report(h: HistoryData): Report {
    const routines = [...h.routines.values()];
    const firstDay = localDay(h.firstUsed, this.timeZone);
    return buildReport({ sessions: h.sessions, routines, include: this._include, from: this._from, to: this._to, timeZone: this.timeZone, firstDay });
  }

  override render() {
    const h = this._history;
    if (!h) return html`<h1>Report</h1><p aria-busy="true">${this._status || 'Loading…'}</p>`;
    const r = this._built ?? this._report(h);
    const live = this._live;
    return html`
      <h1>Report: ${longDate(r.from)} to ${longDate(r.to)}</h1>
      ${this._patient ? html`<p class="patient" data-patient>Patient: <strong>${this._patient}</strong></p>` : ''}
      <form class="card controls" @submit=${(e: Event) => e.preventDefault()}>
        <div><label for="from">From</label><input id="from" type="date" .value=${this._from} max=${this._to} @change=${this._period} /></div>
        <div><label for="to">To</label><input id="to" type="date" .value=${this._to} min=${this._from} @change=${this._period} /></div>
        <button type="button" class="primary" @click=${() => window.print()}>Print or save as PDF</button>
        <button type="button" @click=${() => this._csv(h)}>${this._canShare ? 'Share sessions (CSV)' : 'Download sessions (CSV)'}</button>
      </form>
      <p class="summary" data-summary>
        ${r.days} days · ${r.sessions} sessions (${r.completed} completed, ${r.stoppedEarly} stopped early) · active on ${r.activeDays} days ·
        longest streak ${r.streaks.longest} days · times in ${r.timeZone}
      </p>
      ${r.countedFrom > r.from
        ? html`<p class="muted" data-counted-from>Adherence is counted from ${longDate(r.countedFrom)}, the first day Unknot was used.</p>`
        : ''}
      ${r.routines.length ? this._table(r) : html`<p>No sessions in this period.</p>`}
      <div class="charts">
        ${r.routines
          .filter((x) => x.pain.points.length)
          .map((x) => html`<section><h2>${x.name}: pain</h2><unknot-history-chart .trend=${x.pain} .name=${x.name}></unknot-history-chart></section>`)}
      </div>
      ${r.flagged.length
        ? html`<section aria-labelledby="flagged" data-testid="flagged">
            <h2 id="flagged">Sessions marked for pain</h2>
            <ul class="flagged">
              ${r.flagged.map((x) => html`<li><strong>${this._day(x.at)}, ${x.routineName}:</strong> ${x.reason}${x.note ? html` — “${x.note}”` : ''}</li>`)}
            </ul>
          </section>`
        : ''}
      ${r.notes.length
        ? html`<section aria-labelledby="notes">
            <h2 id="notes">Latest notes</h2>
            <ul class="notes">
              ${r.notes.map((x) => html`<li><strong>${this._day(x.at)}, ${x.routineName}:</strong> ${x.note}${x.felt ? ` (${FELT[x.felt]})` : ''}</li>`)}
            </ul>
          </section>`
        : ''}
      <section class="card share" aria-labelledby="share">
        <h2 id="share">Share a routine</h2>
        <p>Save one routine as a file; another phone with Unknot imports it here. Your history and settings are not in it.</p>
        <label for="share-routine">Routine</label>
        <select id="share-routine" .value=${this._share || live[0]?.id || ''} @change=${(e: Event) => (this._share = (e.target as HTMLSelectElement).value)}>
          ${live.slice(0, this._liveShown).map((x) => html`<option value=${x.id}>${x.name}</option>`)}
        </select>
        <button type="button" @click=${this._shareOut}>${this._canShare ? 'Share routine as a file' : 'Save routine as a file'}</button>
        <label for="import">Import a shared routine</label>
        <input id="import" type="file" accept=".json,application/json" @change=${this._shareIn} />
      </section>
      <p role="status" aria-live="polite" class="status">${this._status}</p>
    `;
  }

  private _day(at: number): string {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: this.timeZone }).format(at);
  }

  private _table(r: Report) {
    return html`<table>
      <caption>Adherence and pain by routine</caption>
      <thead>
        <tr>
          <th scope="col">Routine</th><th scope="col">Prescribed</th><th scope="col">Done</th><th scope="col">Adherence</th>
          <th scope="col">Days fully done</th><th scope="col">Stopped early</th><th scope="col">Pain before</th><th scope="col">Pain after</th>
        </tr>
      </thead>
      <tbody>
        ${r.routines.map(
          (x) => html`<tr data-routine=${x.routineId}>
            <th scope="row">${x.name}</th>
            ${x.timesPerDay
              ? html`<td>${x.timesPerDay}× a day</td>
                  <td>${x.adherence.done} of ${x.adherence.prescribed}</td>
                  <td>${pct(x.adherence.rate)}</td>
                  <td>${x.adherence.daysMet} of ${x.adherence.days}</td>`
              : html`<td>when needed</td>
                  <td>${x.adherence.completed}</td>
                  <td>–</td>
                  <td>–</td>`}
            <td>${x.adherence.stopped}</td>
            <td>${mean(x.pain.meanBefore)}</td>
            <td>${mean(x.pain.meanAfter)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private _period = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const value = input.value;
    const from = input.id === 'from' ? value : this._from;
    const to = input.id === 'to' ? value : this._to;
    if (!/^\d{4}-\d\d-\d\d$/.test(value)) return;
    if (from > to) {
      this._status = 'The start date must be on or before the end date; the report was not changed.';
      input.value = input.id === 'from' ? this._from : this._to;
      return;
    }
    this._status = '';
    [this._from, this._to] = [from, to];
  };

  private async _csv(h: HistoryData): Promise<void> {
    const sessions = inPeriod(h.sessions, this._from, this._to, this.timeZone);
    const file = { name: `unknot-sessions-${this._from}-to-${this._to}.csv`, type: 'text/csv', text: sessionsCsv(sessions, (id) => h.routines.get(id)?.name ?? id, this.timeZone) };
    const how = await this._give(file);
    if (how !== 'cancelled') this._status = `${how === 'shared' ? 'Shared' : 'Downloaded'} ${sessions.length} sessions as CSV.`;
  }

  /** Through the share sheet where it takes files, else a download. */
  private _give(file: MadeFile) {
    return shareOrDownload(file);
  }

  private _shareOut = async () => {
    const id = (this.renderRoot.querySelector('#share-routine') as HTMLSelectElement).value;
    const record = await this.data!.routines.get(id);
    if (!record) return;
    const how = await this._give({ name: shareFileName(record.routine), type: 'application/json', text: routineShareText(record.routine, Date.now()) });
    if (how !== 'cancelled') this._status = `${how === 'shared' ? 'Shared' : 'Saved'} “${record.routine.name}” as a file.`;
  };

  private _shareIn = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      const { routine, outcome } = await importSharedRoutine(this.data!, await readImportFile(file));
      this._status =
        outcome === 'unchanged'
          ? `“${routine.name}” is already here, unchanged.`
          : `Imported “${routine.name}”${outcome === 'added-as-copy' ? ' as a copy (you already had a different routine with that id)' : ''}.`;
      await this._load(this.data!);
    } catch (error) {
      this._status = (error as Error).message;
    } finally {
      input.value = '';
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-report': UnknotReport;
  }
}
