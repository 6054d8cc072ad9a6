import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { UnknotData } from '../../data/api';
import type { RoutineRecord } from '../../data/schema';
import { builtInRoutine } from '../../routine/index';
import { dataContext } from '../context/data-context';
import { navigate, routinesChanged } from '../common/navigate';
import { sharedStyles } from '../common/shared-styles';

/**
 * Managing one routine from its page: edit, duplicate (to customise a built-in), reset a
 * changed built-in, delete (the library then offers Undo).
 *
 * @fires routines-changed - after a duplicate, reset or delete
 */
@customElement('unknot-routine-actions')
export class UnknotRoutineActions extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: contents;
      }
      .danger {
        border-color: var(--u-danger);
        color: var(--u-danger);
      }
    `,
  ];

  /** Id of the routine the buttons act on. */
  @property() routineId = '';

  @consume({ context: dataContext, subscribe: true })
  @property({ attribute: false })
  data?: UnknotData;

  @state() private _record: RoutineRecord | null = null;
  @state() private _confirmReset = false;
  @state() private _message = '';

  override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('routineId') || changed.has('data')) && this.data) {
      void this.data.routines.get(this.routineId).then((r) => (this._record = r ?? null));
    }
  }

  private async _run(action: () => Promise<void>): Promise<void> {
    try {
      await action();
      this.dispatchEvent(routinesChanged());
    } catch (e) {
      this._message = (e as Error).message;
    }
  }

  private _duplicate = () =>
    this._run(async () => {
      // Only a draft until Save in the editor: Cancel there leaves no copy.
      navigate(`/edit?copy=${encodeURIComponent(this.routineId)}`);
    });

  private _reset = () =>
    this._run(async () => {
      this._record = await this.data!.routines.resetBuiltIn(this.routineId);
      this._confirmReset = false;
      this._message = 'Back to the original.'; // the page re-reads it on routines-changed
    });

  private _delete = () =>
    this._run(async () => {
      await this.data!.routines.remove(this.routineId);
      navigate(`/?deleted=${encodeURIComponent(this.routineId)}`);
    });

  override render() {
    const r = this._record;
    if (!this.data || !r) {
      // Until the record is read, the same buttons, disabled: the row has its final size at once
      // instead of growing under the reader's eyes (layout shift). Only a changed built-in's
      // Reset button arrives later.
      const builtIn = !!builtInRoutine(this.routineId);
      return html`<a class="button" aria-disabled="true">Edit</a>
        <button type="button" disabled>Duplicate${builtIn ? ' to customise' : ''}</button>
        <button type="button" class="danger" disabled>Delete</button>
        <p role="status"></p>`;
    }
    const id = encodeURIComponent(r.routine.id);
    return html`
      <a class="button" href="/edit/${id}">Edit</a>
      <button type="button" @click=${this._duplicate}>Duplicate${r.origin === 'builtin' ? ' to customise' : ''}</button>
      ${r.origin === 'builtin' && r.edited
        ? this._confirmReset
          ? html`<button type="button" class="danger" @click=${this._reset}>Yes, undo my changes</button>
              <button type="button" @click=${() => (this._confirmReset = false)}>Keep my changes</button>`
          : html`<button type="button" @click=${() => (this._confirmReset = true)}>Reset to the original</button>`
        : nothing}
      <button type="button" class="danger" @click=${this._delete}>Delete</button>
      <p role="status">${this._message}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-routine-actions': UnknotRoutineActions;
  }
}
