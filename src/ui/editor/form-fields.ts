/**
 * Labelled form fields with their error shown right under them (aria-invalid + aria-describedby),
 * shared by the routine editor's parts. Values go in and out as text; callers convert.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { fieldId } from './routine-draft';

export interface FieldOptions {
  label: string;
  /** The validator's path of this field, e.g. `exercises[0].hold`. */
  path: string;
  value: string | number | undefined;
  errors: Map<string, string>;
  onInput: (value: string) => void;
  /**
   * A number is a text input with a numeric keyboard, not type=number: that one turns "1e309"
   * into an empty value (reported as "is required") where the validator should say "too large".
   */
  type?: 'text' | 'number' | 'textarea';
  hint?: string;
  maxLength?: number;
}

export function field(o: FieldOptions): TemplateResult {
  const id = fieldId(o.path);
  const error = o.errors.get(o.path);
  const described = [error ? `${id}-error` : '', o.hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || nothing;
  const value = o.value === undefined || Number.isNaN(o.value) ? '' : String(o.value);
  const input = (e: Event) => o.onInput((e.target as HTMLInputElement | HTMLTextAreaElement).value);
  return html`<div class="field" data-path=${o.path}>
    <label for=${id}>${o.label}</label>
    ${o.hint ? html`<span class="hint" id="${id}-hint">${o.hint}</span>` : nothing}
    ${o.type === 'textarea'
      ? html`<textarea id=${id} rows="4" maxlength=${o.maxLength ?? nothing} .value=${value} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described} @input=${input}></textarea>`
      : html`<input
          id=${id}
          type="text"
          inputmode=${o.type === 'number' ? 'numeric' : nothing}
          maxlength=${o.maxLength ?? nothing}
          .value=${value}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${described}
          @input=${input}
        />`}
    ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
  </div>`;
}

export interface SelectOptions {
  label: string;
  path: string;
  value: string;
  choices: { key: string; label: string }[];
  errors: Map<string, string>;
  onChange: (key: string) => void;
}

export function select(o: SelectOptions): TemplateResult {
  const id = fieldId(o.path);
  const error = o.errors.get(o.path);
  return html`<div class="field" data-path=${o.path}>
    <label for=${id}>${o.label}</label>
    <select id=${id} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing} @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value)}>
      ${o.choices.map((c) => html`<option value=${c.key} ?selected=${c.key === o.value}>${c.label}</option>`)}
    </select>
    ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
  </div>`;
}

export const formStyles = css`
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin: 0 0 0.9rem;
  }
  label {
    font-weight: 600;
  }
  .hint {
    color: var(--u-muted);
    font-size: 0.9em;
  }
  input,
  textarea,
  select {
    font: inherit;
    min-height: var(--u-target);
    padding: 0.4em 0.6em;
    border: 2px solid var(--u-border);
    border-radius: 8px;
    background: var(--u-bg);
    color: var(--u-text);
    box-sizing: border-box;
    width: 100%;
  }
  [aria-invalid='true'] {
    border-color: var(--u-danger);
  }
  .error {
    color: var(--u-danger);
    font-weight: 600;
    margin: 0;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(9rem, 100%), 1fr));
    gap: 0 1rem;
  }
  fieldset {
    border: 1px solid var(--u-border);
    border-radius: var(--u-radius);
    padding: 0.75rem 1rem;
    margin: 0 0 1rem;
  }
  legend {
    font-weight: 700;
    padding: 0 0.4rem;
  }
`;
