/**
 * When to show "A new version is ready — Reload": a new build is waiting AND no session is
 * running AND the user has not said "Later" to this very build. Kept apart from the element and
 * from workbox-window so the rule can be tested in Node with plain EventTargets.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SESSION_STATE_EVENT, runningFrom } from './session-signal';

/** Where updates come from: the service worker in the app, a double in unit tests. */
export interface UpdateSource extends EventTarget {
  /** True once a new version is installed and waiting; dispatches `change` when it flips. */
  readonly updateReady: boolean;
  /** Starts watching for updates; safe to call more than once. */
  start(): void;
  /** Activates the waiting version and reloads the page into it. */
  applyUpdate(): Promise<void>;
}

export class UpdatePromptController implements ReactiveController {
  /** True while a routine runs, as announced by the player. */
  sessionRunning = false;
  private _dismissed = false;

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _updates: UpdateSource,
    private readonly _sessionEvents: EventTarget = window,
  ) {
    _host.addController(this);
  }

  /** Whether the prompt should be on screen now. */
  get visible(): boolean {
    return this._updates.updateReady && !this.sessionRunning && !this._dismissed;
  }

  hostConnected(): void {
    this._updates.addEventListener('change', this._onUpdate);
    this._sessionEvents.addEventListener(SESSION_STATE_EVENT, this._onSession);
    this._updates.start();
  }

  hostDisconnected(): void {
    this._updates.removeEventListener('change', this._onUpdate);
    this._sessionEvents.removeEventListener(SESSION_STATE_EVENT, this._onSession);
  }

  /** The user pressed Reload. Refused while a session runs (the button is hidden then anyway). */
  async reload(): Promise<boolean> {
    if (!this.visible) return false;
    await this._updates.applyUpdate();
    return true;
  }

  /** The user pressed Later: hide until the next page load or the next new version. */
  dismiss(): void {
    this._dismissed = true;
    this._host.requestUpdate();
  }

  private _onUpdate = () => {
    this._dismissed = false;
    this._host.requestUpdate();
  };

  private _onSession = (event: Event) => {
    const running = runningFrom(event);
    if (running === undefined || running === this.sessionRunning) return;
    this.sessionRunning = running;
    this._host.requestUpdate();
  };
}
