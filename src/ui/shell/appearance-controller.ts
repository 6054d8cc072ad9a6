/**
 * Applies the theme and large-text settings to the page root (global.css reads
 * `data-theme` and `data-large-text`), on start and after every settings change.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { UnknotData } from '../../data/api';
import type { Settings } from '../../data/schema';
import { SETTINGS_CHANGED } from '../context/settings-events';

export function applyAppearance(settings: Pick<Settings, 'theme' | 'largeText'>, root: HTMLElement = document.documentElement): void {
  if (settings.theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', settings.theme);
  root.toggleAttribute('data-large-text', settings.largeText);
}

export class AppearanceController implements ReactiveController {
  private _applied: UnknotData | undefined;

  /** `data` is read after each host update, so the controller follows the app's database. */
  constructor(
    host: ReactiveControllerHost,
    private readonly _data: () => UnknotData | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener(SETTINGS_CHANGED, this._onChanged);
    // The player's own switches (unknot-cue-settings) send a patch; large text applies at once there too.
    window.addEventListener('settings-change', this._onPatch);
  }

  hostDisconnected(): void {
    window.removeEventListener(SETTINGS_CHANGED, this._onChanged);
    window.removeEventListener('settings-change', this._onPatch);
  }

  hostUpdated(): void {
    const data = this._data();
    if (!data || data === this._applied) return;
    this._applied = data;
    data.settings.get().then(applyAppearance, () => undefined);
  }

  private _onChanged = (e: Event) => applyAppearance((e as CustomEvent<Settings>).detail);

  private _onPatch = (e: Event) => {
    const patch = (e as CustomEvent<Partial<Settings>>).detail;
    if (patch && typeof patch.largeText === 'boolean') document.documentElement.toggleAttribute('data-large-text', patch.largeText);
  };
}
