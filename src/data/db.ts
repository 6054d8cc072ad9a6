/**
 * Opening the database: versioned upgrade, built-in seeding, and the other-tab cases.
 * - blocked: an older tab keeps the old version open; we wait, and tell the user to close it.
 * - blocking: a newer tab wants to upgrade; we close at once (so it can) and tell the user to
 *   reload. Every later call then fails with that same advice instead of a cryptic error.
 * - terminated: the browser closed the database (storage cleared, disk error): reload.
 */
import { wrap, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { BUILT_INS, type BuiltIn } from '../routine';
import type { DataEvent, UnknotData } from './api';
import { isQuotaError, StorageFullError } from './errors';
import { upgrade } from './migrations';
import { routineStore, seedBuiltIns } from './routines';
import { DB_NAME, DB_VERSION, type UnknotDB } from './schema';
import { sessionStore } from './sessions';
import { settingsStore } from './settings';
import { pageJournal, SessionJournal, type JournalStorage } from './session-journal';
import type { Ctx } from './tx';

export interface OpenOptions {
  /** Defaults to the page's `indexedDB`; tests pass a fresh fake one. */
  factory?: IDBFactory;
  name?: string;
  /** Only for tests that build an older database: the version to open at. */
  version?: number;
  now?: () => number;
  builtIns?: readonly BuiltIn[];
  /** `navigator.storage` by default; `null` to never ask for persistence. */
  storage?: Pick<StorageManager, 'persist' | 'persisted'> | null;
  /** Receives events raised while opening (blocked), before `on()` can be called. */
  onEvent?: (event: DataEvent) => void;
  /** Where the player's write-ahead session copy lives (localStorage by default; null: none). */
  journal?: JournalStorage | null;
}

export const RELOAD_ADVICE = 'Unknot was updated in another tab. Reload this page to go on; nothing was lost.';

/** Opens `name` at `version` with our upgrade code; the same path the tests use to build old databases. */
export function openAt(
  factory: IDBFactory,
  name: string,
  version: number,
  onBlocked: () => void = () => undefined,
): Promise<IDBPDatabase<UnknotDB>> {
  const request = factory.open(name, version);
  request.addEventListener('upgradeneeded', (event) => {
    const tx = wrap(request.transaction!) as unknown as IDBPTransaction<UnknotDB, StoreNames<UnknotDB>[], 'versionchange'>;
    tx.done.catch(() => undefined); // an aborted upgrade is reported by the open request itself
    upgrade(wrap(request.result) as IDBPDatabase<UnknotDB>, event.oldVersion, event.newVersion, tx);
  });
  request.addEventListener('blocked', onBlocked);
  return wrap(request) as Promise<IDBPDatabase<UnknotDB>>;
}

export async function openUnknotDb(options: OpenOptions = {}): Promise<UnknotData> {
  const listeners = new Set<(event: DataEvent) => void>();
  const emit = (event: DataEvent) => {
    options.onEvent?.(event);
    for (const listener of listeners) listener(event);
  };
  const now = options.now ?? Date.now;
  const storage = options.storage === undefined ? globalThis.navigator?.storage : options.storage;
  const db = await openAt(options.factory ?? indexedDB, options.name ?? DB_NAME, options.version ?? DB_VERSION, () => emit({ type: 'blocked' }));

  let closed = false;
  db.addEventListener('versionchange', () => {
    closed = true;
    db.close();
    emit({ type: 'blocking' });
  });
  db.addEventListener('close', () => {
    closed = true;
    emit({ type: 'terminated' });
  });

  let askedPersist = false;
  const askPersist = async () => {
    if (askedPersist || !storage?.persist) return;
    askedPersist = true;
    try {
      const persisted = (await storage.persisted?.()) || (await storage.persist());
      emit({ type: 'first-save', persisted });
    } catch {
      // Persistence is a wish, not a need: the data is saved either way.
    }
  };
  const guard = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (closed) throw new Error(RELOAD_ADVICE);
    try {
      return await fn();
    } catch (error) {
      if (closed) throw new Error(RELOAD_ADVICE, { cause: error });
      throw isQuotaError(error) ? new StorageFullError(error) : error;
    }
  };
  const ctx: Ctx = {
    db,
    now,
    read: guard,
    async save(fn) {
      const result = await guard(fn);
      void askPersist();
      return result;
    },
  };

  await guard(() => seedBuiltIns(db, now(), options.builtIns ?? BUILT_INS));
  const sessions = sessionStore(ctx);
  // A session save that a closing page could not finish (see session-journal.ts).
  await new SessionJournal(options.journal === undefined ? pageJournal() : options.journal).replay(sessions);
  return {
    routines: routineStore(ctx, options.builtIns ?? BUILT_INS),
    sessions,
    settings: settingsStore(ctx),
    // Import and export load their code (and its schemas) on first use, not at start-up.
    exportAll: async () => (await import('./transfer')).exportAll(ctx),
    importAll: async (text) => (await import('./transfer')).importAll(ctx, text),
    async deleteDatabase() {
      closed = true;
      db.close();
      await new Promise<void>((resolve, reject) => {
        const request = (options.factory ?? indexedDB).deleteDatabase(options.name ?? DB_NAME);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error ?? new Error('The database could not be deleted.'));
        // onblocked: another tab still has it open; its versionchange handler closes it, then this succeeds.
      });
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      db.close();
    },
  };
}
