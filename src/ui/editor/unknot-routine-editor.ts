import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { compile, formatDuration, LIMITS, validateRoutine, type Exercise, type FieldError, type Routine } from '../../routine/index';
import type { UnknotData } from '../../data/api';
import type { RoutineRecord } from '../../data/schema';
import { dataContext } from '../context/data-context';
import { field, formStyles, select } from './form-fields';
import { navigate, routinesChanged } from '../common/navigate';
import { blankExercise, blankRoutine, errorsByField, fieldId, newRoutineId, numberFrom, unplaced } from './routine-draft';
import { sharedStyles } from '../common/shared-styles';
import './unknot-exercise-fields';

/**
 * Creates or edits a routine. The routine engine's validator decides what is valid; each error
 * is shown at its field, and the first one gets the focus. Saving goes through the data layer.
 */
@customElement('unknot-routine-editor')
export class UnknotRoutineEditor extends LitElement {
  static override styles = [
    sharedStyles,
    formStyles,
    css`
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        margin: 1rem 0;
      }
      [role='alert'] {
        border-left: 4px solid var(--u-danger);
        padding-left: 0.75rem;
      }
    `,
  ];

  /** The routine to edit; null for a new one. */
  @property() routineId: string | null = null;

  @consume({ context: dataContext, subscribe: true })
  @property({ attribute: false })
  data?: UnknotData;

  @state() private _draft: Routine | null = null;
  /** undefined until read (not "not found", which is null: that said so for a moment on every load). */
  @state() private _record: RoutineRecord | null | undefined = undefined;
  @state() private _errors = new Map<string, string>();
  @state() private _message = '';
  @state() private _saving = false;

  override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('routineId') || changed.has('data')) && this.data) void this._load(this.data);
  }

  /**
   * "Duplicate" opens /edit?copy=<id>: the copy is only a draft until Save, so Cancel leaves no
   * copy behind. Save makes it with routines.duplicate() (which records what it was based on).
   */
  private _copyOf: RoutineRecord | null = null;

  private async _load(data: UnknotData): Promise<void> {
    if (!this.routineId) {
      this._record = null;
      const copyOf = new URLSearchParams(location.search).get('copy');
      this._copyOf = copyOf ? ((await data.routines.get(copyOf)) ?? null) : null;
      if (this._copyOf) {
        const original = this._copyOf.routine;
        this._draft = { ...structuredClone(original), id: '', name: `${original.name.slice(0, 53)} (copy)` };
      } else this._draft ??= blankRoutine();
      return;
    }
    this._record = (await data.routines.get(this.routineId)) ?? null;
    this._draft = this._record ? structuredClone(this._record.routine) : null;
  }

  private _change(change: (draft: Routine) => void): void {
    const draft = structuredClone(this._draft!);
    change(draft);
    this._draft = draft;
  }

  private _show(errors: FieldError[]): void {
    this._errors = errorsByField(errors);
    this._message = `The routine was not saved: ${errors.length === 1 ? 'one thing needs' : `${errors.length} things need`} fixing, marked below.`;
    void this.updateComplete.then(() => this._focusFirstError());
  }

  /** Puts the focus on the first field with an error (inside its exercise's fields if need be). */
  private _focusFirstError(): void {
    const key = [...this._errors.keys()][0] ?? '';
    const exercise = /^exercises\[(\d+)\]\./.exec(key);
    const root = exercise ? this.renderRoot.querySelector(`unknot-exercise-fields[data-index="${exercise[1]}"]`)?.shadowRoot : this.renderRoot;
    (root?.querySelector(`#${fieldId(key)}`) as HTMLElement | null)?.focus();
  }

  private async _save(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.data || !this._draft || this._saving) return;
    const draft = { ...this._draft, id: this._draft.id || newRoutineId(this._draft.name) };
    const checked = validateRoutine(draft);
    if (!checked.ok) return this._show(checked.errors);
    this._saving = true;
    try {
      // A duplicate is made only now, then given the draft's content under the copy's id. An edit
      // goes from the version it began with: a change or delete made meanwhile in another tab is
      // reported (ConflictError), not overwritten.
      const copyId = this._copyOf ? (await this.data.routines.duplicate(this._copyOf.routine.id)).routine.id : null;
      const saved = copyId
        ? await this.data.routines.put({ ...checked.value, id: copyId })
        : await this.data.routines.put(checked.value, this._record ? { baseUpdatedAt: this._record.updatedAt } : {});
      this._errors = new Map();
      this.dispatchEvent(routinesChanged());
      navigate(`/routine/${encodeURIComponent(saved.routine.id)}`);
    } catch (e) {
      const errors = (e as { errors?: FieldError[] }).errors;
      if (errors) this._show(errors);
      else this._message = (e as Error).message;
    } finally {
      this._saving = false;
    }
  }

  override render() {
    if (!this.data) return html`<p role="status" aria-busy="true">Editing needs the phone’s storage, which is not open (yet).</p>`;
    const d = this._draft;
    if (!d) return this.routineId && this._record === null ? html`<p role="alert">No routine called “${this.routineId}”. <a href="/">Back to the routines</a>.</p>` : html`<p aria-busy="true">Loading…</p>`;
    const common = { errors: this._errors };
    const valid = validateRoutine(d);
    const from = this.routineId ?? this._copyOf?.routine.id;
    const back = from ? `/routine/${encodeURIComponent(from)}` : '/';
    return html`<form novalidate @submit=${this._save}>
      <h1>${this.routineId ? `Edit “${this._record?.routine.name}”` : this._copyOf ? `Copy of “${this._copyOf.routine.name}”` : 'New routine'}</h1>
      ${this._record?.origin === 'builtin' ? html`<p class="muted">This is a built-in routine. Your changes stay yours; “Reset” on its page brings back the original.</p>` : nothing}
      <div role="alert" aria-live="assertive">${this._message ? html`<p>${this._message}</p>` : nothing}${unplaced(this._errors).map((m) => html`<p>${m}</p>`)}</div>
      ${field({ ...common, label: 'Name', path: 'name', value: d.name, maxLength: 80, hint: `${LIMITS.nameLength.min}–${LIMITS.nameLength.max} characters`, onInput: (v) => this._change((r) => (r.name = v)) })}
      ${field({ ...common, label: 'Summary', path: 'summary', type: 'textarea', maxLength: LIMITS.summaryLength.max + 100, value: d.summary, onInput: (v) => this._change((r) => (r.summary = v)) })}
      <div class="grid">
        ${field({ ...common, label: 'Times a day', path: 'prescription.timesPerDay', type: 'number', value: d.prescription.timesPerDay, onInput: (v) => this._change((r) => (r.prescription.timesPerDay = numberFrom(v))) })}
        ${select({
          ...common,
          label: 'When',
          path: 'prescription.when',
          value: d.prescription.when,
          choices: [
            { key: 'any', label: 'Any time' },
            { key: 'morning', label: 'Morning' },
            { key: 'evening', label: 'Evening' },
            { key: 'as-needed', label: 'When needed (no set number)' },
          ],
          onChange: (k) => this._change((r) => (r.prescription.when = k as Routine['prescription']['when'])),
        })}
        ${field({ ...common, label: 'Rest between exercises', hint: `${LIMITS.transition.min}–${LIMITS.transition.max} s`, path: 'restBetween', type: 'number', value: d.restBetween, onInput: (v) => this._change((r) => (r.restBetween = numberFrom(v))) })}
      </div>
      ${d.exercises.map(
        (ex, i) => html`<unknot-exercise-fields
          data-index=${i}
          .exercise=${ex}
          .index=${i}
          .errors=${this._errors}
          ?removable=${d.exercises.length > 1}
          @exercise-change=${(e: CustomEvent<{ index: number; exercise: Exercise }>) => this._change((r) => (r.exercises[e.detail.index] = e.detail.exercise))}
          @exercise-remove=${(e: CustomEvent<number>) => this._change((r) => r.exercises.splice(e.detail, 1))}
        ></unknot-exercise-fields>`,
      )}
      ${this._errors.get('exercises') ? html`<p class="error" id=${fieldId('exercises')}>${this._errors.get('exercises')}</p>` : nothing}
      <button type="button" ?disabled=${d.exercises.length >= LIMITS.exercises.max} @click=${() => this._change((r) => r.exercises.push(blankExercise(r.exercises.map((x) => x.id))))}>Add an exercise</button>
      <p class="muted" aria-live="polite">${valid.ok ? `Takes ${formatDuration(compile(valid.value).totalMs)}.` : ''}</p>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this._saving}>Save</button>
        <a class="button" href=${back}>Cancel</a>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-routine-editor': UnknotRoutineEditor;
  }
}
