import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { RouterController, type Route } from './router';
import { builtInSource, routineSourceContext, type RoutineSource } from '../context/app-context';
import { sharedStyles } from '../common/shared-styles';
import { dataContext } from '../context/data-context';
import { openUnknotDb, type UnknotData } from '../../data/index';
import '../library/unknot-library';
import './unknot-data-status';
import { openingRoutineSource } from '../context/data-routine-source';
import type { DataEvent } from '../../data/api';
import type { BeforeInstallPromptEvent } from './unknot-install-button';
import './unknot-update-prompt';
import { APP_VERSION } from '../../pwa/build-info';
import { AppearanceController } from './appearance-controller';
import { watchLinkContext } from '../context/watch-link-context';
import type { WatchLink } from '../../watch-link/index';
import { currentTimeZone } from '../../history/local-time';
import { needsWelcome, rememberWelcome, type WelcomeAnswer } from '../../safety/welcome';
import { afterLoad } from '../../pwa/after-load';

/**
 * Views the first paint of the library does not need load on first use, each in its own chunk
 * (the service worker precaches every chunk, so this costs nothing offline). It keeps the
 * initial download small (tests/bench/pwa.bench.ts); Lit upgrades an element when its module
 * arrives, keeping the properties already set on it.
 */
const lazyViews: Partial<Record<Route['name'], () => Promise<unknown>>> = {
  routine: () => import('../routine/unknot-routine-detail'),
  edit: () => import('../editor/unknot-routine-editor'),
  play: () => import('../player/unknot-player'),
  history: () => import('../history/unknot-history'),
  report: () => import('../report/unknot-report'),
  about: () => import('../safety/unknot-about-back-spasms'),
  welcome: () => import('../onboarding/index'),
  settings: () =>
    Promise.all([import('../settings/unknot-reminders-settings'), import('../watch/unknot-watch-panel')]),
};

/**
 * The app shell: header, navigation and the view for the current URL. Layout (comments kept
 * out of the css`` text, which ships as written): the nav wraps with large text on a narrow
 * screen; a lazily loaded view is a block before its code arrives (an unknown element is
 * inline, and its upgrade would move it); main is at least a screen tall, so the footer starts
 * below the fold and a view growing from its placeholder moves nothing on screen. It provides the
 * routine source to every view below it.
 */
@customElement('unknot-app')
export class UnknotApp extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      header {
        background: var(--u-accent);
        color: var(--u-accent-text);
        padding: 0.5rem 1rem;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1.5rem;
      }
      header a {
        color: inherit;
      }
      .brand {
        font-weight: 700;
        font-size: 1.3rem;
        text-decoration: none;
      }
      nav ul {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        margin: 0;
        padding: 0;
      }
      nav a {
        display: inline-flex;
        align-items: center;
        min-height: var(--u-target);
        padding: 0 0.75rem;
        border-radius: var(--u-radius);
      }
      nav a[aria-current='page'] {
        background: color-mix(in srgb, var(--u-accent-text) 18%, transparent);
        font-weight: 600;
      }
      main > * {
        display: block;
      }
      footer {
        text-align: center;
        padding: 1rem;
        font-size: 0.875rem;
      }
      main {
        max-width: 48rem;
        margin: 0 auto;
        padding: 1rem;
        min-height: 100vh;
        box-sizing: border-box;
      }
      @media print {
        header,
        footer {
          display: none;
        }
        main {
          max-width: none;
          padding: 0;
          min-height: 0;
        }
      }
    `,
  ];

  private readonly _router = new RouterController(this);

  /** The first-run welcome comes before any view until it is acknowledged or skipped (src/safety/welcome.ts). */
  @state() private _welcome = needsWelcome(globalThis.localStorage);

  private _welcomeDone = (e: CustomEvent<WelcomeAnswer>): void => {
    rememberWelcome(globalThis.localStorage, e.detail);
    this._welcome = false;
    if (this._router.route.name === 'welcome') this._router.go('/');
  };

  constructor() {
    super();
    // Theme and large text from the settings, on the page root (the controller registers itself).
    new AppearanceController(this, () => this.data);
  }

  @provide({ context: routineSourceContext })
  routineSource: RoutineSource = builtInSource;

  /** The database, once open; views that save (the player) wait for it. */
  @provide({ context: dataContext })
  @state()
  data: UnknotData | undefined = undefined;

  /** The one watch link: it outlives views, so a session on the wrist is followed from any screen. */
  /**
   * The one watch link, created the first time a view that uses it opens (its code stays out of
   * the start-up download); from then on it outlives views, so a session on the wrist is followed
   * from any screen.
   */
  @provide({ context: watchLinkContext })
  @state()
  watchLink: WatchLink | undefined = undefined;

  private _linking: Promise<void> | null = null;

  private _needWatchLink(): void {
    this._linking ??= import('../../watch-link/index').then(
      ({ WatchLink, bluetoothOf, browserPlans }) => {
        this.watchLink = new WatchLink(bluetoothOf(), {
          plans: browserPlans(),
          reminderSchedule: async (now) => {
            if (!this.data) return null;
            const { scheduleForWatch } = await import('../../reminders/watch-schedule');
            return scheduleForWatch(this.data, now, currentTimeZone());
          },
        });
        if (this.data) this.watchLink.data = this.data;
      },
      (e: unknown) => console.warn('Unknot: the watch link could not be loaded.', e),
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Chromium can offer installing before the install button's code has arrived: keep the offer.
    addEventListener('beforeinstallprompt', this._onInstallOffer);
    // Not needed for the first paint: fetched after the load event (Lit upgrades each element when it arrives).
    afterLoad(() => {
      const warn = (what: string) => (e: unknown) => console.warn(`Unknot: the ${what} could not be loaded.`, e);
      import('../reminders/unknot-reminders-banner').catch(warn('reminders banner'));
      import('../safety/unknot-professional-banner').catch(warn('safety banner'));
      import('./unknot-install-button').catch(warn('install button'));
    });
    const opening = openUnknotDb({ onEvent: (e) => (this._dataEvent = e) });
    this.routineSource = openingRoutineSource(opening);
    opening.then(
      (data) => {
        this.data = data;
        if (this.watchLink) this.watchLink.data = data; // watch sessions sync into history from now on
      },
      (e: unknown) => {
        this._dataError = (e as Error).message;
        console.warn('Unknot: the database could not be opened; history is off.', e);
      },
    );
  }

  override disconnectedCallback(): void {
    removeEventListener('beforeinstallprompt', this._onInstallOffer);
    super.disconnectedCallback();
  }

  /** The browser's offer to install, for the install button (which may load later). */
  @state() private _installOffer: BeforeInstallPromptEvent | null = null;

  private _onInstallOffer = (event: Event): void => {
    // Keep the browser's own mini-infobar away; the button asks at a moment the user chooses.
    event.preventDefault();
    this._installOffer = event as BeforeInstallPromptEvent;
  };

  /** What the data layer last reported (another tab, a closed database), for unknot-data-status. */
  @state() private _dataEvent: DataEvent | null = null;
  @state() private _dataError = '';

  override willUpdate(changed: Map<string, unknown>): void {
    const route = this._router.route.name;
    if (route === 'play' || route === 'settings') this._needWatchLink();
    if (changed.has('data') && this.data) {
      if (this._dataEvent?.type === 'blocked') this._dataEvent = null; // the other tab let go
    }
  }

  override render() {
    const route = this._router.route;
    const welcoming = this._welcome && route.name !== 'about' ? true : route.name === 'welcome';
    (welcoming ? lazyViews.welcome : lazyViews[route.name])?.().catch((e: unknown) => console.warn('Unknot: this view could not be loaded.', e));
    // The install button is in the footer, below the fold: it appears only when the browser offers
    // installing, and in the header it pushed every view down (layout shift 0.06 in Lighthouse).
    return html`
      <header>
        <a class="brand" href="/">Unknot</a>
        <nav aria-label="Main">
          <ul>
            <li><a href="/" aria-current=${route.name === 'library' ? 'page' : 'false'}>Routines</a></li>
            <li><a href="/history" aria-current=${route.name === 'history' || route.name === 'report' ? 'page' : 'false'}>History</a></li>
            <li><a href="/settings" aria-current=${route.name === 'settings' ? 'page' : 'false'}>Settings</a></li>
          </ul>
        </nav>
      </header>
      <unknot-data-status .event=${this._dataEvent} .openError=${this._dataError}></unknot-data-status>
      <unknot-reminders-banner></unknot-reminders-banner>
      <unknot-professional-banner .route=${location.pathname}></unknot-professional-banner>
      <main id="main">${welcoming ? html`<unknot-welcome @welcome-done=${this._welcomeDone}></unknot-welcome>` : this._view(route)}</main>
      <footer class="muted">
        <unknot-install-button .offer=${this._installOffer}></unknot-install-button>
        Unknot <span data-version>${APP_VERSION}</span>
      </footer>
      <unknot-update-prompt></unknot-update-prompt>
    `;
  }

  private _view(route: Route): TemplateResult {
    switch (route.name) {
      case 'library':
        return html`<unknot-library></unknot-library>`;
      case 'edit':
        return html`<unknot-routine-editor .routineId=${route.id}></unknot-routine-editor>`;
      case 'routine':
        return html`<unknot-routine-detail .routineId=${route.id}></unknot-routine-detail>`;
      case 'play':
        return html`<unknot-player .routineId=${route.id}></unknot-player>`;
      case 'history':
        return html`<unknot-history></unknot-history>`;
      case 'report':
        return html`<unknot-report></unknot-report>`;
      case 'settings':
        // The watch panel is the settings' child: drawn only once the settings are (beside the
        // loading placeholder it was pushed off screen when they arrived: layout shift 0.2).
        return html`<unknot-reminders-settings><unknot-watch-panel></unknot-watch-panel></unknot-reminders-settings>`;
      case 'about':
        return html`<unknot-about-back-spasms></unknot-about-back-spasms>`;
      default:
        return html`<section class="card">
          <h1>Page not found</h1>
          <p>There is nothing at this address. <a href="/">Back to the routines</a>.</p>
        </section>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'unknot-app': UnknotApp;
  }
}
