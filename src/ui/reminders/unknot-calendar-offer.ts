import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { UnknotData } from '../../data/api';
import { liveReminders } from '../../reminders/index';
import { CALENDAR_KEY, calendarFingerprint, icsEventCount, remindersIcs } from '../../reminders/ics';
import { currentTimeZone } from '../../history/local-time';
import { dataContext } from '../context/data-context';
import { SETTINGS_CHANGED } from '../context/settings-events';
import { sharedStyles } from '../common/shared-styles';
import { shareOrDownload } from '../common/share-file';

const remembered = (): string | null => {
  try {
    return localStorage.getItem(CALENDAR_KEY);
  } catch {
    return null;
  }
};

/**
 * "Add to my calendar": the reminders as an .ics file the phone's calendar rings with Unknot
 * closed. Offered again, with a notice, when the reminders differ from those last added.
 */
@customElement('unknot-calendar-offer')
export class UnknotCalendarOffer extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .changed {
        border-left: 6px solid var(--u-accent);
      }
    `,
  ];

  /** The data layer, from the app. */
  @consume({ context: dataContext, subscribe: true })
  @property({ attribute: false })
  data?: UnknotData;

  @state() private _current = '';
  @state() private _count = 0;
  @state() private _added: string | null = remembered();
  @state() private _status = '';

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(SETTINGS_CHANGED, this._reload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(SETTINGS_CHANGED, this._reload);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data') && this.data) this._reload();
  }

  private _reload = (): void => {
    if (!this.data) return;
    liveReminders(this.data).then(
      ({ reminders }) => {
        this._current = calendarFingerprint(reminders);
        this._count = icsEventCount(reminders);
      },
      () => undefined,
    );
  };

  override render() {
    const changed = this._added !== null && this._added !== this._current;
    return html`<div class="card ${changed ? 'changed' : ''}" data-testid="calendar-offer">
      <h3>In your phone’s calendar</h3>
      ${changed && this._count === 0
        ? html`<p data-changed><strong>Your reminders changed.</strong> Every reminder is off now: delete the “Unknot” events from your calendar so it stops ringing them.</p>`
        : changed
        ? html`<p data-changed><strong>Your reminders changed.</strong> Add them to your calendar again so it rings the new times; the new file replaces the events of the old one.</p>`
        : html`<p>Your phone’s own calendar can ring the reminders even when Unknot is closed: add them as repeating events with an alarm.</p>`}
      <button ?disabled=${this._count === 0} @click=${this._add}>Add to my calendar</button>
      ${this._count === 0 ? html`<p class="muted">Turn on a reminder first.</p>` : nothing}
      <p role="status" aria-live="polite">${this._status}</p>
    </div>`;
  }

  private _add = async (): Promise<void> => {
    if (!this.data) return;
    try {
      const { reminders, names } = await liveReminders(this.data);
      const text = remindersIcs({ reminders, names, timeZone: currentTimeZone(), now: Date.now() });
      const how = await shareOrDownload({ name: 'unknot-reminders.ics', type: 'text/calendar', text });
      if (how === 'cancelled') return;
      const fingerprint = calendarFingerprint(reminders);
      try {
        localStorage.setItem(CALENDAR_KEY, fingerprint);
      } catch {
        // Not remembered: the offer simply does not know it was taken.
      }
      this._added = fingerprint;
      this._status = `${icsEventCount(reminders)} reminders ${how === 'shared' ? 'shared' : 'saved'} as a calendar file: open it to add them to your calendar.`;
    } catch (e) {
      this._status = `The calendar file could not be made: ${(e as Error).message}`;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-calendar-offer': UnknotCalendarOffer;
  }
}
