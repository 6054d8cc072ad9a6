import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LIMITS, type Exercise, type ExercisePoses } from '../../routine/index';
import { field, formStyles, select } from './form-fields';
import { SIDE_CHOICES, sidesKey, stepsFrom, numberFrom } from './routine-draft';
import { sharedStyles } from '../common/shared-styles';
import '../poses/index';

/**
 * The fields of one exercise in the routine editor. It holds no state: every edit is sent up
 * as a whole new exercise.
 *
 * @fires exercise-change - detail: { index, exercise } after any edit
 * @fires exercise-remove - detail: index, when the user removes this exercise
 */
@customElement('unknot-exercise-fields')
export class UnknotExerciseFields extends LitElement {
  static override styles = [
    sharedStyles,
    formStyles,
    css`
      .pictures {
        display: grid;
        /* min(): at 200 % text 14rem is wider than a 320 px screen (WCAG 1.4.10 reflow) */
        grid-template-columns: repeat(auto-fill, minmax(min(14rem, 100%), 1fr));
        gap: 0 1rem;
      }
      unknot-pose-choice {
        display: flex;
        min-inline-size: 0;
        min-block-size: calc(var(--u-target) + 2.5rem);
      }
      .remove {
        border-color: var(--u-danger);
        color: var(--u-danger);
      }
      label.check {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        min-height: var(--u-target);
      }
      label.check input {
        width: 1.6rem;
        height: 1.6rem;
        margin: 0;
      }
    `,
  ];

  /** The exercise being edited. */
  @property({ attribute: false }) exercise!: Exercise;
  /** Its position in the routine (0-based); error paths use it. */
  @property({ type: Number }) index = 0;
  /** Errors by path, for the whole routine. */
  @property({ attribute: false }) errors = new Map<string, string>();
  /** False when this is the only exercise (a routine needs one). */
  @property({ type: Boolean }) removable = false;

  private _set(change: Partial<Exercise>): void {
    this.dispatchEvent(new CustomEvent('exercise-change', { detail: { index: this.index, exercise: { ...this.exercise, ...change } } }));
  }

  /** On: the hold waits for "Next", up to its seconds (raised to the usual maximum if it was short). */
  private _openHold(on: boolean): void {
    const ex = this.exercise;
    if (!on) this._set({ openHold: undefined });
    else this._set({ openHold: true, hold: Math.max(ex.hold, LIMITS.openHoldDefault) });
  }

  /** The picture of one phase (or none), as chosen from the pose set. */
  private _picture(phase: keyof ExercisePoses, label: string) {
    const poses = this.exercise.poses;
    const change = (e: CustomEvent<ExercisePoses[typeof phase]>) => {
      const next: ExercisePoses = { ...poses, [phase]: e.detail };
      if (!e.detail) delete next[phase];
      const { poses: _old, ...rest } = this.exercise;
      this.dispatchEvent(
        new CustomEvent('exercise-change', { detail: { index: this.index, exercise: Object.keys(next).length ? { ...rest, poses: next } : rest } }),
      );
    };
    return html`<unknot-pose-choice
      data-path="exercises[${this.index}].poses.${phase}"
      label=${label}
      .value=${poses?.[phase]}
      .side=${this.exercise.sides[0] ?? 'right'}
      @pose-change=${change}
    ></unknot-pose-choice>`;
  }

  override render() {
    const ex = this.exercise;
    const p = `exercises[${this.index}]`;
    const common = { errors: this.errors };
    const seconds = (key: 'setup' | 'move' | 'hold' | 'back' | 'rest', label: string, hint: string) => {
      const range = key === 'hold' ? LIMITS.hold : LIMITS.transition;
      return field({ ...common, label, hint: `${hint} ${range.min}–${range.max} s`, path: `${p}.${key}`, type: 'number', value: ex[key], onInput: (v) => this._set({ [key]: numberFrom(v) }) });
    };
    return html`<fieldset>
      <legend>Exercise ${this.index + 1}${ex.name ? `: ${ex.name}` : ''}</legend>
      ${field({ ...common, label: 'Name', path: `${p}.name`, value: ex.name, maxLength: 80, onInput: (v) => this._set({ name: v }) })}
      ${field({ ...common, label: 'Steps', hint: 'One step per line.', type: 'textarea', maxLength: (LIMITS.stepLength.max + 1) * LIMITS.steps.max + 100, path: `${p}.steps`, value: ex.steps.join('\n'), onInput: (v) => this._set({ steps: stepsFrom(v) }) })}
      <div class="grid">
        ${select({ ...common, label: 'Sides', path: `${p}.sides`, value: sidesKey(ex.sides), choices: SIDE_CHOICES, onChange: (k) => this._set({ sides: SIDE_CHOICES.find((c) => c.key === k)!.sides }) })}
        ${select({
          ...common,
          label: 'Order',
          path: `${p}.grouping`,
          value: ex.grouping,
          choices: [
            { key: 'alternate', label: 'Alternate sides' },
            { key: 'block', label: 'All of one side first' },
          ],
          onChange: (k) => this._set({ grouping: k as Exercise['grouping'] }),
        })}
        ${field({ ...common, label: 'Repetitions', hint: `${LIMITS.repetitions.min}–${LIMITS.repetitions.max}`, path: `${p}.repetitions`, type: 'number', value: ex.repetitions, onInput: (v) => this._set({ repetitions: numberFrom(v) }) })}
        ${seconds('setup', 'Get ready', 'Once, before the first.')} ${seconds('move', 'Move', 'Toward a side.')}
        ${seconds('hold', 'Hold', 'Each side.')} ${seconds('back', 'Back', 'To the center.')}
        ${seconds('rest', 'Rest', 'Between repetitions.')}
      </div>
      <label class="check">
        <input type="checkbox" .checked=${!!ex.openHold} @change=${(e: Event) => this._openHold((e.target as HTMLInputElement).checked)} />
        Open-ended hold: wait for “Next” (the hold above becomes the most it waits)
      </label>
      <div class="grid">
        ${field({ ...common, label: 'Get-ready words', path: `${p}.setupLabel`, value: ex.setupLabel, onInput: (v) => this._set({ setupLabel: v }) })}
        ${field({ ...common, label: 'Move words', hint: 'Spoken with the side: “Twist right”.', path: `${p}.moveLabel`, value: ex.moveLabel, onInput: (v) => this._set({ moveLabel: v }) })}
        ${field({ ...common, label: 'Back words', path: `${p}.backLabel`, value: ex.backLabel, onInput: (v) => this._set({ backLabel: v }) })}
      </div>
      <fieldset>
        <legend>Pictures of the positions</legend>
        <div class="pictures">${this._picture('setup', 'Get ready')} ${this._picture('hold', 'Move and hold')} ${this._picture('back', 'Back (if not the get-ready one)')}</div>
      </fieldset>
      ${this.removable
        ? html`<button type="button" class="remove" @click=${() => this.dispatchEvent(new CustomEvent('exercise-remove', { detail: this.index }))}>
            Remove exercise ${this.index + 1}
          </button>`
        : ''}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-exercise-fields': UnknotExerciseFields;
  }
}
