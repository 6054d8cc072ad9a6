import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Reminder } from '../../data/schema';
import { nextFreeTime } from '../../reminders/index';
import { formatPrescription, type Routine } from '../../routine/index';
import { sharedStyles } from '../common/shared-styles';

/**
 * One routine's reminder: on/off and its times of day.
 *
 * @fires reminder-change - detail: the whole new Reminder for this routine
 */
@customElement('unknot-reminders-routine')
export class UnknotRemindersRoutine extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      fieldset {
        border: 1px solid var(--u-border);
        border-radius: var(--u-radius);
        margin: 0 0 0.75rem;
        padding: 0.5rem 1rem 1rem;
      }
      legend {
        font-weight: 700;
        padding: 0 0.25rem;
      }
      .switch {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        min-height: var(--u-target);
        cursor: pointer;
      }
      input[type='checkbox'] {
        width: 1.6rem;
        height: 1.6rem;
        margin: 0;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0.25rem 0 0.5rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        max-width: 100%;
        align-items: center;
        gap: 0.25rem;
      }
      input[type='time'] {
        font: inherit;
        min-height: var(--u-target);
        padding: 0 0.5rem;
        border: 2px solid var(--u-border);
        border-radius: 8px;
        background: var(--u-surface);
        color: var(--u-text);
      }
    `,
  ];

  /** The routine this reminder is for. */
  @property({ attribute: false }) routine: Routine | null = null;
  /** Its current reminder. */
  @property({ attribute: false }) reminder: Reminder | null = null;

  override render() {
    const r = this.routine;
    const rem = this.reminder;
    if (!r || !rem) return html``;
    const id = (i: number) => `t-${i}`;
    return html`<fieldset data-routine=${r.id}>
      <legend>${r.name}</legend>
      <p class="muted">${r.prescription.when === 'as-needed' ? 'Done when needed: no set number a day.' : `Prescribed ${formatPrescription(r.prescription)}.`}</p>
      <label class="switch">
        <input type="checkbox" name="enabled" .checked=${rem.enabled} @change=${(e: Event) => this._emit({ enabled: (e.target as HTMLInputElement).checked })} />
        Remind me
      </label>
      <ul aria-label="Reminder times for ${r.name}">
        ${rem.times.map(
          (t, i) => html`<li>
            <label class="visually-hidden" for=${id(i)}>Time ${i + 1} for ${r.name}</label>
            <input id=${id(i)} type="time" required .value=${t} @change=${(e: Event) => this._setTime(i, (e.target as HTMLInputElement).value)} />
            <button aria-label="Remove ${t}" ?disabled=${rem.times.length <= 1} @click=${() => this._emit({ times: rem.times.filter((_, j) => j !== i) })}>✕</button>
          </li>`,
        )}
      </ul>
      <button ?disabled=${rem.times.length >= 12} @click=${() => this._emit({ times: [...rem.times, nextFreeTime(rem.times)] })}>Add a time</button>
    </fieldset>`;
  }

  private _setTime(i: number, value: string): void {
    // An emptied or partial time input gives "": keep the old time rather than save nothing.
    if (!/^\d\d:\d\d$/.test(value)) return;
    this._emit({ times: this.reminder!.times.map((t, j) => (j === i ? value : t)) });
  }

  private _emit(patch: Partial<Reminder>): void {
    const detail: Reminder = { ...this.reminder!, ...patch };
    this.dispatchEvent(new CustomEvent('reminder-change', { detail }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-reminders-routine': UnknotRemindersRoutine;
  }
}
