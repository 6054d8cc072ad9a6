import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SessionFelt } from '../../data/schema';
import { NOTE_INPUT_MAX } from '../../data/index';
import { sharedStyles } from './shared-styles';

/** What the user says about a session: a note and how it felt compared with the last time. */
export interface SessionNotes {
  /** Trimmed; undefined when empty. */
  note?: string;
  felt?: SessionFelt;
}

const FELT: readonly { value: SessionFelt; label: string }[] = [
  { value: 'easier', label: 'Easier' },
  { value: 'same', label: 'The same' },
  { value: 'harder', label: 'Harder' },
];

/**
 * The note (up to NOTE_INPUT_MAX characters) and "easier / same / harder than last time", after a
 * session in the player and when correcting one in the history.
 *
 * @fires notes-save - detail: SessionNotes, when the user presses the save button
 */
@customElement('unknot-session-notes')
export class UnknotSessionNotes extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      label,
      legend {
        display: block;
        font-weight: 600;
        margin-bottom: 0.25rem;
      }
      textarea {
        font: inherit;
        width: 100%;
        box-sizing: border-box;
        min-height: 5rem;
        color: var(--u-text);
        background: var(--u-surface);
        border: 2px solid var(--u-border);
        border-radius: 8px;
        padding: 0.5rem;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0.75rem 0;
      }
      .felt {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .felt label {
        display: inline-flex;
        align-items: center;
        gap: 0.4rem;
        min-height: var(--u-target);
        padding: 0 0.75rem;
        border: 2px solid var(--u-border);
        border-radius: var(--u-radius);
        font-weight: 400;
        margin: 0;
      }
      input[type='radio'] {
        width: 1.3rem;
        height: 1.3rem;
      }
    `,
  ];

  /** The note already stored, if any. */
  @property() note = '';
  @property() felt: SessionFelt | undefined = undefined;
  /** Text of the save button. */
  @property() action = 'Save note';

  /** Characters typed so far; null until the user types (the stored note's length shows). */
  @state() private _length: number | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('note')) this._length = null; // another session's note
  }

  override render() {
    return html`
      <label for="note">Note (optional)</label>
      <textarea id="note" maxlength=${NOTE_INPUT_MAX} aria-describedby="note-count" .value=${this.note} @input=${this._count}></textarea>
      <p id="note-count" class="muted">${this._length ?? this.note.length} of ${NOTE_INPUT_MAX} characters</p>
      <fieldset>
        <legend>Compared with last time</legend>
        <div class="felt">
          ${FELT.map(
            (f) => html`<label><input type="radio" name="felt" value=${f.value} .checked=${this.felt === f.value} />${f.label}</label>`,
          )}
        </div>
      </fieldset>
      <button @click=${this._save}>${this.action}</button>
    `;
  }

  private _count = (e: Event) => (this._length = (e.target as HTMLTextAreaElement).value.length);

  private _save = () => {
    const note = this.renderRoot.querySelector<HTMLTextAreaElement>('#note')!.value.trim();
    const felt = this.renderRoot.querySelector<HTMLInputElement>('input[name=felt]:checked')?.value as SessionFelt | undefined;
    this.dispatchEvent(new CustomEvent<SessionNotes>('notes-save', { detail: { note: note || undefined, felt } }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-session-notes': UnknotSessionNotes;
  }
}
