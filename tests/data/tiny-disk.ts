/**
 * A nearly full disk for fake-indexeddb. fake-indexeddb cannot run out of space, so this wraps
 * its lowest layer (the raw object store's `storeRecord`, which every put/add ends in) to throw
 * the browser's QuotaExceededError once `budget` bytes (JSON size) have been written. The error
 * then travels the real path: the request fails, the transaction aborts and rolls back.
 */
import { IDBFactory } from 'fake-indexeddb';

interface RawStore {
  storeRecord(record: { value: unknown }, ...rest: unknown[]): unknown;
}

async function rawStorePrototype(): Promise<RawStore> {
  const request = new IDBFactory().open('probe', 1);
  request.onupgradeneeded = () => request.result.createObjectStore('s');
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const store = db.transaction('s').objectStore('s') as unknown as { _rawObjectStore: RawStore };
  db.close();
  return Object.getPrototypeOf(store._rawObjectStore) as RawStore;
}

/** Fills up after `budget` more bytes; call `restore()` when done. */
export async function tinyDisk(budget: number) {
  const proto = await rawStorePrototype();
  const original = proto.storeRecord;
  const disk = { written: 0, budget, refused: 0, restore: () => (proto.storeRecord = original) };
  proto.storeRecord = function (this: RawStore, record, ...rest) {
    const size = JSON.stringify(record.value)?.length ?? 0;
    if (disk.written + size > disk.budget) {
      disk.refused++;
      throw new DOMException('The disk is full (test)', 'QuotaExceededError');
    }
    disk.written += size;
    return original.call(this, record, ...rest);
  };
  return disk;
}
