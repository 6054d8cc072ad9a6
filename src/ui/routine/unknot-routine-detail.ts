import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { compile, formatDuration, formatPrescription, type Routine, type Timeline } from '../../routine/index';
import { routineSourceContext, type RoutineSource } from '../context/app-context';
import { sharedStyles } from '../common/shared-styles';
import '../common/unknot-safety-note';
import './unknot-timeline-view';
import './unknot-routine-actions';
import '../poses/index';

/** One routine: how to do it, how long it takes, and where every buzz will come. */
@customElement('unknot-routine-detail')
export class UnknotRoutineDetail extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section + section,
      unknot-safety-note {
        margin-top: 1rem;
      }
      ol {
        padding-left: 1.5rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        margin: 1rem 0;
      }
      dl {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: 0.25rem 1rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
    `,
  ];

  /** Id of the routine to show. */
  @property() routineId = '';

  @consume({ context: routineSourceContext, subscribe: true })
  @property({ attribute: false }) // reactive, so willUpdate sees the database's source replace the built-ins
  routineSource?: RoutineSource;

  @state() private _routine: Routine | null | undefined = undefined;
  @state() private _timeline: Timeline | null = null;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('routineId') || changed.has('routineSource')) void this._load();
  }

  private async _load(): Promise<void> {
    const routine = (await this.routineSource?.get(this.routineId)) ?? null;
    this._routine = routine;
    this._timeline = routine ? compile(routine) : null;
  }

  override render() {
    const r = this._routine;
    if (r === undefined) return html`<p aria-busy="true">Loading…</p>`;
    if (r === null) return html`<p role="alert">No routine called “${this.routineId}”. <a href="/">Back to the routines</a>.</p>`;
    const t = this._timeline!;
    return html`
      <h1>${r.name}</h1>
      <p>${r.summary}</p>
      <dl>
        <dt>How often</dt><dd>${formatPrescription(r.prescription)}</dd>
        <dt>Takes</dt><dd data-total-ms=${t.totalMs}>${formatDuration(t.totalMs)}</dd>
      </dl>
      <div class="actions">
        <a class="button primary" href="/play/${encodeURIComponent(r.id)}">Start</a>
        <unknot-routine-actions .routineId=${r.id} @routines-changed=${() => this._load()}></unknot-routine-actions>
      </div>
      <unknot-safety-note></unknot-safety-note>
      ${r.exercises.map(
        (ex) => html`<section class="card" aria-label=${ex.name}>
          <h2>${ex.name}</h2>
          <unknot-exercise-poses .exercise=${ex}></unknot-exercise-poses>
          <ol>
            ${ex.steps.map((s) => html`<li>${s}</li>`)}
          </ol>
          <p class="muted">
            ${ex.repetitions} repetitions${ex.sides.length ? html`, ${ex.sides.join(' then ')}` : ''} · hold
            ${ex.hold} s
          </p>
        </section>`,
      )}
      <section class="card">
        <h2>Timeline</h2>
        <unknot-timeline-view .timeline=${t}></unknot-timeline-view>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-routine-detail': UnknotRoutineDetail;
  }
}
