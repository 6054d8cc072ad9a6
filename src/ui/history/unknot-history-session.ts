import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SessionAmendment } from '../../data/api';
import { exerciseMs, type SessionFelt, type SessionRecord } from '../../data/schema';
import { flagText } from '../../safety/index';
import '../common/unknot-pain-scale';
import '../common/unknot-session-notes';
import type { SessionNotes } from '../common/unknot-session-notes';
import { formatDuration } from '../../routine/index';
import { sharedStyles } from '../common/shared-styles';

const timeOf = (at: number, timeZone: string) => new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(at);

const FELT_TEXT: Record<SessionFelt, string> = { easier: 'Easier than last time', same: 'The same as last time', harder: 'Harder than last time' };

/** What the history view receives to correct a session. */
export interface SessionAmend {
  id: string;
  patch: SessionAmendment;
}

/**
 * One session in detail: when, how far, pain before and after, the note, how it felt, and
 * whether it was marked (flagged) for pain; the pain scores, note and feeling can be corrected.
 *
 * @fires session-delete - detail: the session id; the parent deletes it and offers undo
 * @fires session-amend - detail: SessionAmend (bubbles, composed); the history view saves it
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

  @state() private _editing = false;
  @state() private _pain: { before?: number; after?: number } = {};

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
        ${s.flag ? html`<dt>Marked</dt><dd data-flag>${flagText(s.flag, s.painBefore, s.painAfter)}</dd>` : ''}
        ${s.felt ? html`<dt>Felt</dt><dd>${FELT_TEXT[s.felt]}</dd>` : ''}
        ${s.note ? html`<dt>Note</dt><dd>${s.note}</dd>` : ''}
      </dl>
      ${this._editing ? this._editor(s) : html`<button @click=${this._edit}>Correct pain or note</button>`}
      <button class="delete" @click=${() => this.dispatchEvent(new CustomEvent('session-delete', { detail: s.id }))}>Delete this session</button>
    </section>`;
  }

  private _edit = () => {
    this._pain = { before: this.session?.painBefore, after: this.session?.painAfter };
    this._editing = true;
  };

  private _editor(s: SessionRecord) {
    return html`<div class="card" data-testid="session-editor">
      <unknot-pain-scale
        label="Pain before"
        .value=${this._pain.before}
        @pain-change=${(e: CustomEvent<{ value?: number }>) => (this._pain = { ...this._pain, before: e.detail.value })}
      ></unknot-pain-scale>
      <unknot-pain-scale
        label="Pain after"
        .value=${this._pain.after}
        @pain-change=${(e: CustomEvent<{ value?: number }>) => (this._pain = { ...this._pain, after: e.detail.value })}
      ></unknot-pain-scale>
      <unknot-session-notes .note=${s.note ?? ''} .felt=${s.felt} action="Save the correction" @notes-save=${this._save}></unknot-session-notes>
      <button @click=${() => (this._editing = false)}>Cancel</button>
    </div>`;
  }

  private _save = (e: CustomEvent<SessionNotes>) => {
    const s = this.session!;
    const patch: SessionAmendment = { painBefore: this._pain.before, painAfter: this._pain.after, note: e.detail.note, felt: e.detail.felt };
    this._editing = false;
    this.dispatchEvent(new CustomEvent<SessionAmend>('session-amend', { detail: { id: s.id, patch }, bubbles: true, composed: true }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-history-session': UnknotHistorySession;
  }
}
