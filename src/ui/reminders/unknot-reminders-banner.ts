import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { UnknotData } from '../../data/api';
import { ReminderRunner, browserNotifyEnv, liveReminders, notifyReminder, type Occurrence, type SnoozeMessage } from '../../reminders/index';
import { currentTimeZone } from '../../history/local-time';
import { dataContext } from '../context/data-context';
import { sharedStyles } from '../common/shared-styles';
import { SETTINGS_CHANGED } from '../context/settings-events';


/**
 * Runs the reminders while the app is open and shows the due ones as a banner (and, through
 * the service worker, as a notification when allowed). Lives in the app shell on every view.
 */
@customElement('unknot-reminders-banner')
export class UnknotRemindersBanner extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .banner {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: center;
        justify-content: space-between;
        border: 3px solid var(--u-accent);
        margin: 0.75rem auto 0;
        max-width: 46rem;
      }
      p {
        margin: 0;
      }
      .actions {
        display: flex;
        gap: 0.5rem;
      }
      @media print {
        :host {
          display: none;
        }
      }
    `,
  ];

  /** The data layer, from the app. */
  @consume({ context: dataContext, subscribe: true })
  @property({ attribute: false })
  data?: UnknotData;

  @state() private _due: (Occurrence & { name: string })[] = [];
  private _names = new Map<string, string>();
  private readonly _runner = new ReminderRunner({
    clock: { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) },
    timeZone: currentTimeZone,
    onDue: (o) => void this._onDue(o),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(SETTINGS_CHANGED, this._onSettings);
    document.addEventListener('visibilitychange', this._onVisible);
    navigator.serviceWorker?.addEventListener('message', this._onWorkerMessage);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._runner.stop();
    window.removeEventListener(SETTINGS_CHANGED, this._onSettings);
    document.removeEventListener('visibilitychange', this._onVisible);
    navigator.serviceWorker?.removeEventListener('message', this._onWorkerMessage);
  }

  /** Snooze tapped on a notification: the service worker passes it on to the open pages. */
  private _onWorkerMessage = (e: MessageEvent): void => {
    const m = e.data as SnoozeMessage | null;
    if (m?.type !== 'unknot-reminder-snooze' || typeof m.reminder?.routineId !== 'string') return;
    this._snooze({ routineId: m.reminder.routineId, time: String(m.reminder.time), at: Number(m.reminder.at), day: '' });
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data') && this.data) void this._load(this.data);
  }

  private async _load(data: UnknotData): Promise<void> {
    try {
      const live = await liveReminders(data);
      this._names = live.names;
      this._runner.set(live.reminders);
      this._runner.start();
    } catch (e) {
      console.warn('Unknot: reminders are off, the settings could not be read.', e);
    }
  }

  // Re-read routines too: one may have been added or deleted since.
  private _onSettings = () => this.data && void this._load(this.data);
  private _onVisible = () => document.visibilityState === 'visible' && this._runner.check();

  private async _onDue(o: Occurrence): Promise<void> {
    // A routine added since the schedule was loaded: read its name now.
    if (!this._names.has(o.routineId)) {
      const found = await this.data?.routines.get(o.routineId).catch(() => undefined);
      if (found) this._names.set(o.routineId, found.routine.name);
    }
    const name = this._names.get(o.routineId) ?? o.routineId;
    // One banner per routine: a newer reminder for the same routine replaces the older one.
    this._due = [...this._due.filter((d) => d.routineId !== o.routineId), { ...o, name }];
    void notifyReminder(browserNotifyEnv, { routineId: o.routineId, routineName: name, time: o.time, at: o.at });
  }

  override render() {
    return html`<div role="status" aria-live="polite">
      ${this._snoozedNote && !this._due.length ? html`<p class="visually-hidden" data-snoozed>${this._snoozedNote}</p>` : ''}
      ${this._due.map(
        (d) => html`<div class="card banner" data-reminder=${d.routineId}>
          <p><strong>Time for ${d.name}</strong> (your ${d.time} reminder).</p>
          <div class="actions">
            <a class="button primary" href="/play/${encodeURIComponent(d.routineId)}" @click=${() => this._dismiss(d.routineId)}>Start now</a>
            <button @click=${() => this._snooze(d)} aria-label="Snooze 10 min: the reminder for ${d.name}">Snooze 10 min</button>
            <button @click=${() => this._dismiss(d.routineId)} aria-label="Dismiss the reminder for ${d.name}">Dismiss</button>
          </div>
        </div>`,
      )}
    </div>`;
  }

  @state() private _snoozedNote = '';

  private _snooze(o: Occurrence): void {
    const again = this._runner.snooze(o);
    this._dismiss(o.routineId);
    const name = this._names.get(o.routineId) ?? o.routineId;
    const at = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(again.at);
    this._snoozedNote = `Snoozed: ${name} again at ${at}.`;
  }

  private _dismiss(routineId: string): void {
    this._due = this._due.filter((d) => d.routineId !== routineId);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-reminders-banner': UnknotRemindersBanner;
  }
}
