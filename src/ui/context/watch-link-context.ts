/**
 * The app's one WatchLink, handed down with @lit/context (the connection must outlive a view:
 * pairing on the player screen and reconnecting while another view is open), and a reactive
 * controller that re-renders its host whenever the link changes.
 */
import { createContext } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WatchLink } from '../../watch-link/index';

export const watchLinkContext = createContext<WatchLink | undefined>(Symbol('unknot-watch-link'));

export class WatchLinkController implements ReactiveController {
  private _link: WatchLink | undefined;

  constructor(private readonly _host: ReactiveControllerHost) {
    _host.addController(this);
  }

  /** Follows a new link (the context value can arrive after the host connected). */
  set link(link: WatchLink | undefined) {
    if (link === this._link) return;
    this._link?.removeEventListener('change', this._changed);
    this._link = link;
    link?.addEventListener('change', this._changed);
    this._host.requestUpdate();
  }

  get link(): WatchLink | undefined {
    return this._link;
  }

  hostConnected(): void {
    this._link?.addEventListener('change', this._changed);
  }

  hostDisconnected(): void {
    this._link?.removeEventListener('change', this._changed);
  }

  private _changed = (): void => this._host.requestUpdate();
}
