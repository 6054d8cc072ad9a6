import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { UnknotData } from '../../data/api';
import { deletedBuiltIns, isBuiltIn, restoreBuiltIns } from '../../data/restore-builtins';
import type { Routine } from '../../routine/index';
import { dataContext } from '../context/data-context';
import { ROUTINES_CHANGED, routinesChanged } from './navigate';
import { sharedStyles } from './shared-styles';

/**
 * Brings deleted built-in routines back. Without `routineId` (the library): shown while any
 * built-in is deleted. With `routineId` (a shortcut or link to a routine that is not there): the
 * restore of that built-in, or "No routine called …" when it is not one.
 *
 * @fires routines-changed - after a restore (bubbles, composed)
 * @fires builtin-restored - detail: the routine id, in `routineId` mode
 */
@customElement('unknot-restore-builtins')
export class UnknotRestoreBuiltins extends LitElement {
  static override styles = [sharedStyles];

  /** The data layer, from the app. */
  @consume({ context: dataContext, subscribe: true })
  @property({ attribute: false })
  data?: UnknotData;

  /** The routine asked for, in shortcut mode. */
  @property() routineId = '';

  @state() private _deleted: Routine[] = [];
  @state() private _status = '';

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(ROUTINES_CHANGED, this._onChanged); // a delete or undo elsewhere
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(ROUTINES_CHANGED, this._onChanged);
  }

  private _onChanged = () => this.data && void this._load();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data') && this.data) void this._load();
  }

  private async _load(): Promise<void> {
    try {
      this._deleted = await deletedBuiltIns(this.data!.routines);
    } catch {
      this._deleted = [];
    }
  }

  override render() {
    if (this.routineId) return this._one();
    return html`${this._deleted.length
        ? html`<p class="card">
            ${this._deleted.length === 1 ? `The built-in routine “${this._deleted[0].name}” was deleted.` : `${this._deleted.length} built-in routines were deleted.`}
            <button @click=${() => this._restore()}>Restore built-in routines</button>
          </p>`
        : nothing}
      <p role="status" aria-live="polite">${this._status}</p>`;
  }

  private _one() {
    const deleted = this._deleted.find((r) => r.id === this.routineId);
    if (!deleted || !isBuiltIn(this.routineId)) {
      return html`<p role="alert">No routine called “${this.routineId}”. <a href="/">Back to the routines</a>.</p>`;
    }
    return html`<section class="card" aria-labelledby="restore-title">
      <h1 id="restore-title">“${deleted.name}” was deleted</h1>
      <p>This is one of the routines that come with Unknot. You can bring it back, with any changes you had made to it.</p>
      <p><button class="primary" @click=${() => this._restore([this.routineId])}>Restore it</button> <a href="/">Back to the routines</a></p>
      <p role="status" aria-live="polite">${this._status}</p>
    </section>`;
  }

  private async _restore(ids?: string[]): Promise<void> {
    try {
      const restored = await restoreBuiltIns(this.data!.routines, ids);
      this._status = restored.length ? `Restored: ${restored.map((r) => r.name).join(', ')}.` : 'Nothing to restore.';
      this.dispatchEvent(routinesChanged());
      // routinesChanged() reaches window, where _onChanged reads the list again.
      if (this.routineId) this.dispatchEvent(new CustomEvent('builtin-restored', { detail: this.routineId }));
    } catch (e) {
      this._status = `Could not restore: ${(e as Error).message}`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-restore-builtins': UnknotRestoreBuiltins;
  }
}
