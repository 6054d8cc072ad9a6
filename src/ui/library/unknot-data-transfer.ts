import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { UnknotData } from '../../data/api';
import { dataContext } from '../context/data-context';
import { routinesChanged } from '../common/navigate';
import { download } from '../common/download';
import { sharedStyles } from '../common/shared-styles';

/**
 * Export everything to one JSON file, and import such a file back. An import that is refused
 * says what and where, and changes nothing; an accepted one says what it did.
 *
 * @fires routines-changed - after an import that changed something
 */
@customElement('unknot-data-transfer')
export class UnknotDataTransfer extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: center;
      }
      input[type='file'] {
        font: inherit;
        min-height: var(--u-target);
      }
      [role='alert'] {
        color: var(--u-danger);
      }
      .title {
        font-size: 1.25rem;
        font-weight: 700;
        margin: 0 0 0.5rem;
      }
      ul {
        margin: 0.25rem 0;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @consume({ context: dataContext, subscribe: true })
  @property({ attribute: false })
  data?: UnknotData;

  @state() private _result = '';
  @state() private _error: { message: string; problems: string[] } | null = null;
  @state() private _busy = false;

  private async _export(): Promise<void> {
    const text = await this.data!.exportAll();
    const name = `unknot-export-${new Date().toISOString().slice(0, 10)}.json`;
    download(name, 'application/json', text);
    this._result = `Exported to ${name}.`;
    this._error = null;
  }

  private async _import(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file || !this.data) return;
    this._busy = true;
    this._result = '';
    this._error = null;
    try {
      // Refused before reading when too big; refused when not UTF-8.
      // Loaded when used, like the import code itself: the library is on the first-load budget.
      const { readImportFile } = await import('../../data/transfer');
      const r = await this.data.importAll(await readImportFile(file));
      this._result = `Imported “${file.name}”: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged${r.settings === 'updated' ? '; settings updated' : ''}.`;
      if (r.added || r.updated || r.settings === 'updated') this.dispatchEvent(routinesChanged());
    } catch (e) {
      const error = e as Error;
      const [first, ...rest] = error.message.split('\n');
      // An ImportError lists its problems (by shape, not instanceof: errors.ts stays in the start-up chunk).
      const problems = (error as { problems?: string[] }).problems;
      this._error = { message: first, problems: error.name === 'ImportError' && problems ? problems : rest };
    } finally {
      this._busy = false;
      input.value = '';
    }
  }

  override render() {
    if (!this.data) return nothing;
    return html`<section class="card" aria-labelledby="transfer-title">
      <!-- A heading by role, not an h2: the library's h2s are its routines' names. -->
      <p id="transfer-title" class="title" role="heading" aria-level="2">Your data</p>
      <p class="muted">Everything stays on this phone. Export a copy to keep it safe or to move it to another phone.</p>
      <div class="actions">
        <button type="button" @click=${this._export}>Export all data</button>
        <label for="import-file">Import a Unknot export:</label>
        <input id="import-file" type="file" accept="application/json,.json" ?disabled=${this._busy} @change=${this._import} />
      </div>
      <div role="status" aria-live="polite">${this._result ? html`<p data-import-result>${this._result}</p>` : nothing}</div>
      <div role="alert">
        ${this._error
          ? html`<p data-import-error>${this._error.message}</p>
              ${this._error.problems.length ? html`<ul>${this._error.problems.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}`
          : nothing}
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-data-transfer': UnknotDataTransfer;
  }
}
