/**
 * Real URLs for every view (so each one reloads, deep-links and works offline) with a tiny
 * reactive controller instead of a router library: five routes do not pay for one.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { leaveRequest } from '../common/navigate';

export type Route =
  | { name: 'library' }
  | { name: 'routine'; id: string }
  | { name: 'edit'; id: string | null }
  | { name: 'play'; id: string }
  | { name: 'history' }
  | { name: 'settings' }
  | { name: 'report' }
  | { name: 'about' }
  | { name: 'welcome' }
  | { name: 'not-found'; path: string };

/**
 * One address of every view (`:id` stands for a routine id). The type makes a new view in Route
 * a compile error until it is listed here, so the layout test (tests/e2e/layout.e2e.ts), which
 * measures every view, measures it too.
 */
export const VIEW_PATHS = {
  library: ['/'],
  routine: ['/routine/:id'],
  edit: ['/edit', '/edit/:id'],
  play: ['/play/:id'],
  history: ['/history'],
  settings: ['/settings'],
  report: ['/report'],
  about: ['/about-back-spasms'],
  welcome: ['/welcome'],
  'not-found': ['/no/such/page'],
} as const satisfies Record<Route['name'], readonly string[]>;

/** Parses a pathname into a route; one that cannot be decoded (`/routine/%`, `/edit/%ZZ`) is not found. */
export function parseRoute(pathname: string): Route {
  let parts: string[];
  try {
    parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { name: 'not-found', path: pathname }; // URIError: a malformed %-escape
  }
  const [head, id] = parts;
  if (parts.length === 0) return { name: 'library' };
  if (head === 'routine' && id && parts.length === 2) return { name: 'routine', id };
  if (head === 'edit' && parts.length <= 2) return { name: 'edit', id: id ?? null };
  if (head === 'play' && id && parts.length === 2) return { name: 'play', id };
  if (head === 'history' && parts.length === 1) return { name: 'history' };
  if (head === 'settings' && parts.length === 1) return { name: 'settings' };
  if (head === 'report' && parts.length === 1) return { name: 'report' };
  if (head === 'about-back-spasms' && parts.length === 1) return { name: 'about' };
  if (head === 'welcome' && parts.length === 1) return { name: 'welcome' };
  return { name: 'not-found', path: pathname };
}

/**
 * Follows location.pathname: same-origin link clicks become history.pushState, back/forward
 * re-render. Hosts call `go()` to navigate from code.
 */
export class RouterController implements ReactiveController {
  route: Route = parseRoute(location.pathname);

  constructor(private readonly _host: ReactiveControllerHost & EventTarget) {
    _host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this._onPop);
    this._host.addEventListener('click', this._onClick);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this._onPop);
    this._host.removeEventListener('click', this._onClick);
  }

  go(path: string): void {
    if (path !== location.pathname) history.pushState(null, '', path);
    this._set(parseRoute(location.pathname));
  }

  private _set(route: Route): void {
    this.route = route;
    this._host.requestUpdate();
    window.scrollTo(0, 0);
  }

  private _onPop = () => this._set(parseRoute(location.pathname));

  private _onClick = (event: Event) => {
    const e = event as MouseEvent;
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const anchor = e.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!anchor || anchor.target || anchor.hasAttribute('download') || anchor.origin !== location.origin) return;
    e.preventDefault();
    // A running session may hold the way out: it asks first, and navigates itself if told to.
    if (anchor.pathname !== location.pathname && !window.dispatchEvent(leaveRequest(anchor.pathname))) return;
    this.go(anchor.pathname);
  };
}
