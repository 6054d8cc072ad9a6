import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { UnknotData } from '../../data/api';
import type { RoutineRecord } from '../../data/schema';
import { dataContext } from '../context/data-context';
import { navigate, routinesChanged } from '../common/navigate';
import { sharedStyles } from '../common/shared-styles';

/**
 * "“X” was deleted. Undo" on the library after a delete. The deleted id travels in the URL
 * (`/?deleted=<id>`), so the offer survives a reload; the record itself is only marked deleted.
 *
 * @fires routines-changed - after Undo
 */
@customElement('unknot-routine-undo')
export class UnknotRoutineUndo extends LitElement {
  static override styles = [sharedStyles];

  @consume({ context: dataContext, subscribe: true })
  @property({ attribute: false })
  data?: UnknotData;

  @state() private _deleted: RoutineRecord | null = null;

  override willUpdate(changed: Map<string, unknown>): void {
    const id = new URLSearchParams(location.search).get('deleted');
    if (changed.has('data') && this.data && id) {
      void this.data.routines.get(id).then((r) => (this._deleted = r?.deletedAt !== undefined ? r : null));
    }
  }

  private async _undo(): Promise<void> {
    await this.data!.routines.restore(this._deleted!.routine.id);
    this._deleted = null;
    navigate('/', true);
    this.dispatchEvent(routinesChanged());
  }

  override render() {
    return html`<div role="status">
      ${this._deleted
        ? html`<p class="card">
            “${this._deleted.routine.name}” was deleted.
            <button type="button" @click=${this._undo}>Undo</button>
          </p>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-routine-undo': UnknotRoutineUndo;
  }
}
