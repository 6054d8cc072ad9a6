import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { UnknotData } from '../../data/api';
import type { Reminder, Settings, Theme } from '../../data/schema';
import { askNotificationPermission, putReminder, reminderFor } from '../../reminders/index';
import type { Routine } from '../../routine/index';
import { dataContext } from '../context/data-context';
import { sharedStyles } from '../common/shared-styles';
import '../player/index';
import './unknot-voice-settings';
import './unknot-personal-settings';
import '../reminders/index';

import { SETTINGS_CHANGED } from '../context/settings-events';


const permissionText: Record<string, string> = {
  granted: 'Notifications are allowed: a reminder also shows as a notification while Unknot is open.',
  denied: 'Notifications are blocked for Unknot in the browser’s site settings: reminders show only as a banner in the app.',
  default: 'When you turn a reminder on, the browser asks whether Unknot may show notifications.',
  unsupported: 'This browser cannot show notifications: reminders show as a banner in the app.',
};
const currentPermission = () => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);

/** Routines drawn at first, and added per "Show more". */
const PAGE = 100;

/**
 * The /settings view: reminders per routine, then appearance (theme, large text) and the cue
 * switches. Every change is saved at once through the settings store.
 *
 * @slot - drawn after the settings once they are read (the app puts the watch panel here), so
 *   nothing below the loading placeholder jumps when they arrive.
 * @fires unknot-settings-changed - detail: the saved Settings
 */
@customElement('unknot-reminders-settings')
export class UnknotRemindersSettings extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        margin-bottom: 1.25rem;
      }
      label.field {
        display: block;
        font-weight: 600;
      }
      select {
        margin: 0.25rem 0 1rem;
      }
    `,
  ];

  /** The data layer, from the app. */
  @consume({ context: dataContext, subscribe: true })
  @property({ attribute: false })
  data?: UnknotData;

  @state() private _settings: Settings | null = null;
  @state() private _routines: Routine[] = [];
  @state() private _status = '';
  @state() private _permission: string = currentPermission();
  /** Routines drawn (those with a reminder always are): thousands are drawn a page at a time. */
  @state() private _shown = PAGE;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data') && this.data) void this._load(this.data);
  }

  private async _load(data: UnknotData): Promise<void> {
    try {
      const [settings, routines] = await Promise.all([data.settings.get(), data.routines.list()]);
      this._settings = settings;
      this._routines = routines.map((r) => r.routine);
    } catch (e) {
      this._status = `Could not read the settings: ${(e as Error).message}`;
    }
  }

  override render() {
    const s = this._settings;
    if (!s) return html`<h1>Settings</h1><p aria-busy="true">${this._status || 'Loading settings…'}</p>`;
    return html`
      <h1>Settings</h1>
      <section aria-labelledby="reminders">
        <h2 id="reminders">Reminders</h2>
        <p>
          Reminders show as a banner, and as a notification if you allow it, <strong>while Unknot is open</strong> (also in a
          background tab). A closed web app cannot be woken at a set time without a push server, which Unknot does not use:
          keep Unknot open in a tab, or add them to your phone’s calendar below.
        </p>
        <p class="muted" data-permission=${this._permission}>${permissionText[this._permission]}</p>
        ${this._routines.filter((r, i) => i < this._shown || s.reminders.some((x) => x.routineId === r.id)).map(
          (r) =>
            html`<unknot-reminders-routine
              .routine=${r}
              .reminder=${reminderFor(r, s.reminders)}
              @reminder-change=${(e: CustomEvent<Reminder>) => this._reminder(e.detail, reminderFor(r, s.reminders))}
            ></unknot-reminders-routine>`,
        )}
        ${this._routines.length > this._shown
          ? html`<p><button type="button" @click=${() => (this._shown += PAGE)}>Show more routines (${this._shown} of ${this._routines.length})</button></p>`
          : ''}
        <unknot-calendar-offer></unknot-calendar-offer>
      </section>
      <section aria-labelledby="appearance">
        <h2 id="appearance">Appearance and cues</h2>
        <label class="field" for="theme">Theme</label>
        <select id="theme" @change=${(e: Event) => this._save({ theme: (e.target as HTMLSelectElement).value as Theme })}>
          ${(['system', 'light', 'dark'] as const).map(
            (t) => html`<option value=${t} ?selected=${s.theme === t}>${t === 'system' ? 'Same as the phone' : t === 'light' ? 'Light' : 'Dark'}</option>`,
          )}
        </select>
        <unknot-cue-settings .settings=${s} @settings-change=${(e: CustomEvent<Partial<Settings>>) => this._save(e.detail)}></unknot-cue-settings>
        <unknot-voice-settings .settings=${s} @settings-change=${(e: CustomEvent<Partial<Settings>>) => this._save(e.detail)}></unknot-voice-settings>
        <unknot-cue-trainer open .settings=${s}></unknot-cue-trainer>
      </section>
      <p role="status" aria-live="polite">${this._status}</p>
      <!-- Drawn with the rest, not beside the loading placeholder: beside it, it moved the view
           when the settings arrived (layout shift 0.78 on a throttled phone). -->
      <unknot-personal-settings></unknot-personal-settings>
      <slot></slot>
    `;
  }

  private _reminder(next: Reminder, before: Reminder): void {
    // Ask in the same click that turns a reminder on: browsers only allow it from a user action.
    if (next.enabled && !before.enabled && this._permission === 'default') {
      void askNotificationPermission().then((p) => (this._permission = p));
    }
    void this._save({ reminders: putReminder(this._settings!.reminders, next) });
  }

  private async _save(patch: Partial<Settings>): Promise<void> {
    try {
      this._settings = await this.data!.settings.update(patch);
      this._status = 'Saved.';
      this.dispatchEvent(new CustomEvent(SETTINGS_CHANGED, { detail: this._settings, bubbles: true, composed: true }));
    } catch (e) {
      this._status = `Not saved: ${(e as Error).message}`;
      this.requestUpdate();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-reminders-settings': UnknotRemindersSettings;
  }
}
