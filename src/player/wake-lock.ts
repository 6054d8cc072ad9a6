/**
 * Keeps the screen awake while a session runs. The browser drops a wake lock whenever the page
 * is hidden, so it is asked for again each time the page becomes visible while still wanted.
 * Failures (no support, battery saver, not allowed) are reported, never thrown: the session
 * goes on without it.
 */
export interface SentinelLike {
  readonly released: boolean;
  release(): Promise<void>;
}

export interface WakeLockLike {
  request(type: 'screen'): Promise<SentinelLike>;
}

export interface VisibilityLike {
  readonly visibilityState: DocumentVisibilityState;
  addEventListener(type: 'visibilitychange', fn: () => void): void;
  removeEventListener(type: 'visibilitychange', fn: () => void): void;
}

export class WakeLockKeeper {
  private _sentinel: SentinelLike | null = null;
  private _wanted = false;
  /** The last request's failure, for the screen to mention; null when held or not tried. */
  error: string | null = null;

  constructor(
    private readonly _lock: WakeLockLike | undefined,
    private readonly _doc: VisibilityLike,
    /** Told after every change of `held`. */
    private readonly _onChange: () => void = () => undefined,
  ) {
    _doc.addEventListener('visibilitychange', this._onVisibility);
  }

  get held(): boolean {
    return !!this._sentinel && !this._sentinel.released;
  }

  async acquire(): Promise<void> {
    this._wanted = true;
    await this._request();
  }

  async release(): Promise<void> {
    this._wanted = false;
    const s = this._sentinel;
    this._sentinel = null;
    if (s && !s.released) await s.release().catch(() => undefined);
    this._onChange();
  }

  /**
   * Before a session: asks for the lock and lets it go at once, to tell the person BEFORE Start
   * when the screen may turn off (no support, battery saver). The reason, or null when granted.
   */
  async probe(): Promise<string | null> {
    if (!this._lock) return 'This browser cannot keep the screen on.';
    if (this._doc.visibilityState !== 'visible') return null;
    try {
      const s = await this._lock.request('screen');
      await s.release();
      return null;
    } catch (e) {
      return `The phone refused to keep the screen on (${e instanceof Error ? e.message : String(e)}).`;
    }
  }

  /** Releases and stops listening (the screen went away). */
  dispose(): Promise<void> {
    this._doc.removeEventListener('visibilitychange', this._onVisibility);
    return this.release();
  }

  private async _request(): Promise<void> {
    if (!this._wanted || this.held || this._doc.visibilityState !== 'visible') return;
    if (!this._lock) {
      this.error = 'This browser cannot keep the screen on.';
      this._onChange();
      return;
    }
    try {
      const s = await this._lock.request('screen');
      if (!this._wanted) await s.release(); // released while the request was in flight
      else this._sentinel = s;
      this.error = null;
    } catch (e) {
      this.error = `The screen may turn off: ${e instanceof Error ? e.message : String(e)}`;
    }
    this._onChange();
  }

  private _onVisibility = (): void => {
    void this._request();
  };
}
