/**
 * A write-ahead copy of a phone session's latest save, in localStorage. An IndexedDB write takes a
 * few round trips; a page closed a moment after "Done" or after the pain tap can abort it. A
 * localStorage write is synchronous: once `hold()` returns, the copy survives the page. The copy
 * is dropped when its IndexedDB write has committed, and replayed (an idempotent upsert) by the
 * next openUnknotDb() when it was not.
 */
import type { SessionInput, UnknotData } from './api';

export const JOURNAL_KEY = 'unknot.session-journal';

export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The page's localStorage, or null where there is none (Node, storage disabled). */
export function pageJournal(): JournalStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export class SessionJournal {
  constructor(private readonly _store: JournalStorage | null = pageJournal()) {}

  /** Keeps `input` until its write commits; returns the token for done(). */
  hold(input: SessionInput & { id: string }): string {
    const text = JSON.stringify(input);
    try {
      this._store?.setItem(JOURNAL_KEY, text);
    } catch {
      // Storage full or disabled: the IndexedDB write still goes ahead.
    }
    return text;
  }

  /** The write of `token` committed: drop the copy unless a newer one replaced it. */
  done(token: string): void {
    try {
      if (this._store?.getItem(JOURNAL_KEY) === token) this._store.removeItem(JOURNAL_KEY);
    } catch {
      // Nothing to drop.
    }
  }

  /** Writes a copy left by a page that closed before its save committed; then forgets it. */
  async replay(sessions: Pick<UnknotData['sessions'], 'save'>): Promise<boolean> {
    let text: string | null = null;
    try {
      text = this._store?.getItem(JOURNAL_KEY) ?? null;
    } catch {
      return false;
    }
    if (!text) return false;
    try {
      await sessions.save(JSON.parse(text) as SessionInput & { id: string });
      return true;
    } catch (e) {
      console.warn('Unknot: a session saved as the page closed could not be restored.', e);
      return false;
    } finally {
      this.done(text);
    }
  }
}
