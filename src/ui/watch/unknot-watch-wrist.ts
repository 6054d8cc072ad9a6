import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { WRIST_PLANS } from '../../../watch/protocol/index';
import type { UnknotData } from '../../data/api';
import type { RoutineRecord } from '../../data/schema';
import type { WatchLink } from '../../watch-link/index';
import { dataContext } from '../context/data-context';
import { WatchLinkController, watchLinkContext } from '../context/watch-link-context';
import { sharedStyles } from '../common/shared-styles';

/** Routines drawn at first, and added per "Show more" (as in the library and the settings). */
const PAGE = 100;

/**
 * "Routines on the wrist": the user ticks up to WRIST_PLANS routines and the watch keeps them,
 * so its menu starts any of them with no phone near (WatchLink.keepOnWrist).
 */
@customElement('unknot-watch-wrist')
export class UnknotWatchWrist extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      fieldset {
        border: none;
        padding: 0;
        margin: 0.5rem 0;
      }
      label {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        min-height: var(--u-target);
      }
      input {
        width: 1.5rem;
        height: 1.5rem;
      }
    `,
  ];

  /** The app's watch link (from context). */
  @consume({ context: watchLinkContext, subscribe: true })
  @property({ attribute: false })
  link?: WatchLink;

  @consume({ context: dataContext, subscribe: true })
  @property({ attribute: false })
  data?: Pick<UnknotData, 'routines'>;

  @state() private _routines: RoutineRecord[] = [];
  @state() private _chosen: string[] = [];
  @state() private _result = '';
  @state() private _busy = false;
  /** Routines drawn (the ticked ones always are): thousands of boxes are drawn a page at a time. */
  @state() private _shown = PAGE;
  private readonly _watch = new WatchLinkController(this);

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('link')) this._watch.link = this.link;
    if (changed.has('data') && this.data) void this.data.routines.list().then((r) => (this._routines = r));
  }

  override render() {
    if (!this._routines.length) return nothing;
    const full = this._chosen.length >= WRIST_PLANS;
    return html`<fieldset>
      <legend>Routines on the watch (up to ${WRIST_PLANS}): its menu starts them without the phone</legend>
      ${this._routines.filter((r, i) => i < this._shown || this._chosen.includes(r.routine.id)).map(
        (r) => html`<label>
          <input type="checkbox" .checked=${this._chosen.includes(r.routine.id)} ?disabled=${full && !this._chosen.includes(r.routine.id)}
            @change=${(e: Event) => this._toggle(r.routine.id, (e.target as HTMLInputElement).checked)} />
          ${r.routine.name}
        </label>`,
      )}
      ${this._routines.length > this._shown
        ? html`<p><button type="button" @click=${() => (this._shown += PAGE)}>Show more routines (${this._shown} of ${this._routines.length})</button></p>`
        : nothing}
      <button ?disabled=${this._busy} @click=${this._keep}>Keep on the watch</button>
      ${this._result ? html`<p role="status" data-testid="wrist-result">${this._result}</p>` : nothing}
    </fieldset>`;
  }

  private _toggle(id: string, on: boolean): void {
    this._chosen = on ? [...this._chosen, id].slice(0, WRIST_PLANS) : this._chosen.filter((c) => c !== id);
  }

  private _keep = async (): Promise<void> => {
    const link = this.link;
    if (!link) return;
    const routines = this._chosen.map((id) => this._routines.find((r) => r.routine.id === id)?.routine).filter((r) => !!r);
    this._busy = true;
    try {
      await link.keepOnWrist(routines);
      this._result = routines.length ? `The watch keeps ${routines.map((r) => r.name).join(', ')}.` : 'The watch keeps no routines.';
    } catch {
      this._result = ''; // the link shows the reason
    } finally {
      this._busy = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-watch-wrist': UnknotWatchWrist;
  }
}
