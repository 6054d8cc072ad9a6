import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Day, DayKey } from '../../history/index';
import { sharedStyles } from '../common/shared-styles';
import './unknot-history-session';

const clock = (at: number, timeZone: string) => new Intl.DateTimeFormat(undefined, { timeZone, timeStyle: 'short' }).format(at);

/**
 * One day of the history: done against prescribed per routine, its sessions, and the chosen
 * session in detail.
 *
 * @fires session-select - detail: the session id to show, or null to close it
 * @fires session-delete - detail: the session id (re-sent from unknot-history-session)
 */
@customElement('unknot-history-day')
export class UnknotHistoryDay extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul.sessions {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 0.4rem;
      }
      ul.sessions button {
        width: 100%;
        justify-content: space-between;
      }
    `,
  ];

  /** The day shown. */
  @property() day: DayKey = '';
  /** Its sessions and figures; undefined for a day without sessions. */
  @property({ attribute: false }) data: Day | undefined = undefined;
  /** Routine names by id. */
  @property({ attribute: false }) names: ReadonlyMap<string, string> = new Map();
  /** The session shown in detail. */
  @property() selected: string | null = null;
  /** The zone times are shown in. */
  @property() timeZone = 'UTC';

  override render() {
    const day = this.data;
    const chosen = day?.sessions.find((x) => x.id === this.selected);
    const title = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeZone: 'UTC' }).format(Date.parse(`${this.day}T00:00:00Z`));
    return html`<section class="card" aria-labelledby="day-title" data-day-panel=${this.day}>
      <h2 id="day-title">${title}</h2>
      ${day
        ? html`<ul>
              ${day.routines.map(
                (r) => html`<li>${this.names.get(r.routineId)}: <strong>${r.prescribed ? `${r.done} of ${r.prescribed}` : r.done}</strong> done${r.stopped ? `, ${r.stopped} stopped early` : ''}</li>`,
              )}
            </ul>
            <ul class="sessions" aria-label="Sessions that day">
              ${day.sessions.map(
                (x) => html`<li>
                  <button aria-expanded=${x.id === this.selected ? 'true' : 'false'} @click=${() => this._emit('session-select', x.id === this.selected ? null : x.id)}>
                    <span>${clock(x.startedAt, this.timeZone)} ${this.names.get(x.routineId)}</span><span>${x.outcome === 'completed' ? 'completed' : 'stopped early'}${x.flag ? html`, <strong data-flag>marked: ${x.flag === 'pain-high' ? 'pain high' : 'pain rose'}</strong>` : ''}</span>
                  </button>
                </li>`,
              )}
            </ul>`
        : html`<p>No sessions that day.</p>`}
      ${chosen
        ? html`<unknot-history-session
            .session=${chosen}
            .routineName=${this.names.get(chosen.routineId) ?? ''}
            .timeZone=${this.timeZone}
            @session-delete=${(e: CustomEvent<string>) => this._emit('session-delete', e.detail)}
          ></unknot-history-session>`
        : ''}
    </section>`;
  }

  private _emit(type: 'session-select' | 'session-delete', detail: string | null): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-history-day': UnknotHistoryDay;
  }
}
