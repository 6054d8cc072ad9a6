/** The plumbing every store module shares: one transaction helper and the per-database context. */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { UnknotDB } from './schema';

export type Db = IDBPDatabase<UnknotDB>;
type Names = StoreNames<UnknotDB>[];

export interface Ctx {
  db: Db;
  now(): number;
  /** A read: fails with a clear message once another tab made us close. */
  read<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * A user's write: a full disk becomes StorageFullError (the transaction is rolled back, so
   * nothing older is touched), and the first success asks the browser to keep our data.
   */
  save<T>(fn: () => Promise<T>): Promise<T>;
}

/**
 * Runs `fn` in one transaction and resolves only once it has COMMITTED. If `fn` throws, the
 * transaction is aborted, so a half-done write never lands.
 */
export async function inTx<S extends Names, M extends IDBTransactionMode, T>(
  db: Db,
  stores: S,
  mode: M,
  fn: (tx: IDBPTransaction<UnknotDB, S, M>) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(stores, mode);
  const done = tx.done;
  try {
    const result = await fn(tx);
    await done;
    return result;
  } catch (error) {
    done.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already aborted by the browser (e.g. quota): its error is the one to report.
    }
    throw tx.error ?? error;
  }
}
