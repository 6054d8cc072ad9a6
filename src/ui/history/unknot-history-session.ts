import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { exerciseMs, type SessionRecord } from '../../data/schema';
import { formatDuration } from '../../routine/index';
import { sharedStyles } from '../common/shared-styles';

const timeOf = (at: number, timeZone: string) => new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(at);

/**
 * One session in detail: when, how far, pain before and after, the note.
 *
 * @fires session-delete - detail: the session id; the parent deletes it and offers undo
 */
@customElement('unknot-history-session')
export class UnknotHistorySession extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.3rem 1rem;
        margin: 0 0 1rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
        white-space: pre-wrap;
      }
      .delete {
        border-color: var(--u-danger);
        color: var(--u-danger);
      }
    `,
  ];

  /** The session to show. */
  @property({ attribute: false }) session: SessionRecord | null = null;
  /** Its routine's name. */
  @property() routineName = '';
  /** The zone times are shown in. */
  @property() timeZone = 'UTC';

  override render() {
    const s = this.session;
    if (!s) return html``;
    const pain = (v: number | undefined) => (v === undefined ? 'not rated' : `${v} of 10`);
    return html`<section class="card" aria-labelledby="title">
      <h3 id="title">${this.routineName}</h3>
      <dl>
        <dt>Started</dt>
        <dd>${timeOf(s.startedAt, this.timeZone)}</dd>
        <dt>Length</dt>
        <dd>${formatDuration(exerciseMs(s))}</dd>
        <dt>Outcome</dt>
        <dd>${s.outcome === 'completed' ? 'Completed' : `Stopped early, after ${s.stepsDone} of ${s.totalSteps} steps`}</dd>
        <dt>Played on</dt>
        <dd>${s.source === 'watch' ? 'the watch' : 'the phone'}</dd>
        <dt>Pain before</dt>
        <dd>${pain(s.painBefore)}</dd>
        <dt>Pain after</dt>
        <dd>${pain(s.painAfter)}</dd>
        ${s.note ? html`<dt>Note</dt><dd>${s.note}</dd>` : ''}
      </dl>
      <button class="delete" @click=${() => this.dispatchEvent(new CustomEvent('session-delete', { detail: s.id }))}>Delete this session</button>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-history-session': UnknotHistorySession;
  }
}
