import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { compile, formatDuration, formatPrescription, type Routine } from '../../routine/index';
import { routineSourceContext, type RoutineSource } from '../context/app-context';
import { sharedStyles } from '../common/shared-styles';
import { ROUTINES_CHANGED } from '../common/navigate';
import '../routine/index';
import { afterLoad } from '../../pwa/after-load';

/** Routines drawn at first, and added per "Show more". */
const PAGE = 100;

/** The routine library: every routine with how often it is meant to be done and how long it takes. */
@customElement('unknot-library')
export class UnknotLibrary extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.75rem;
      }
      li a {
        display: block;
        text-decoration: none;
        color: inherit;
      }
      li a:hover h2 {
        text-decoration: underline;
      }
      h2 {
        color: var(--u-accent);
        font-size: 1.25rem;
      }
      p {
        margin: 0.25rem 0;
      }
      unknot-data-transfer {
        margin-top: 1.5rem;
      }
    `,
  ];

  @consume({ context: routineSourceContext, subscribe: true })
  @property({ attribute: false }) // reactive, so willUpdate sees the database's source replace the built-ins
  routineSource?: RoutineSource;

  @state() private _routines: Routine[] | null = null;
  /** How many are drawn: a list of thousands is drawn a page at a time, not in one frozen frame. */
  @state() private _shown = PAGE;
  @state() private _error = '';

  constructor() {
    super();
    // Export/import sits below the list and needs the database; restoring is only needed once a
    // built-in was deleted: their code loads after the load event, off the first-load budget.
    afterLoad(() => {
      import('./unknot-data-transfer').catch(() => undefined);
      import('../common/unknot-restore-builtins').catch(() => undefined);
    });
    // Undo, import and the editor change the list; re-read it when they say so.
    this.addEventListener(ROUTINES_CHANGED, () => void this._load());
  }

  override willUpdate(changed: Map<string, unknown>): void {
    // The built-ins first, then (once the database is open) the user's routines too.
    if (changed.has('routineSource')) void this._load();
  }

  private async _load(): Promise<void> {
    try {
      this._routines = (await this.routineSource?.list()) ?? [];
    } catch (e) {
      this._error = `Could not read your routines: ${(e as Error).message}`;
    }
  }

  override render() {
    if (this._error) return html`<p role="alert">${this._error}</p>`;
    // The heading stays where the list's heading will be, so the list replaces it without a jump.
    if (!this._routines) return html`<h1>Routines</h1><p aria-busy="true">Loading routines…</p>`;
    return html`
      <h1>Routines</h1>
      <p><a class="button" href="/edit">New routine</a></p>
      <unknot-routine-undo></unknot-routine-undo>
      <unknot-restore-builtins></unknot-restore-builtins>
      <ul aria-label="Routines">
        ${this._routines.slice(0, this._shown).map(
          (r) => html`<li>
            <a class="card" href="/routine/${encodeURIComponent(r.id)}" data-routine=${r.id}>
              <h2>${r.name}</h2>
              <p>${r.summary}</p>
              <p class="muted">${formatPrescription(r.prescription)} · ${formatDuration(compile(r).totalMs)}</p>
            </a>
          </li>`,
        )}
      </ul>
      ${this._routines.length > this._shown
        ? html`<p><button type="button" @click=${() => (this._shown += PAGE)}>Show ${Math.min(PAGE, this._routines.length - this._shown)} more (${this._shown} of ${this._routines.length} shown)</button></p>`
        : nothing}
      <unknot-data-transfer></unknot-data-transfer>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-library': UnknotLibrary;
  }
}
