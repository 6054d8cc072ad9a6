import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { readAllPaged } from '../../src/data/paged';

interface Rec {
  id: string;
  at: number;
}

let dbs = 0;

/** A store of `recs` keyed by id with an index on `at` (keys repeat), in a fresh fake database. */
async function storeOf(recs: Rec[]) {
  const db = await openDB(`paged-${dbs++}`, 1, {
    upgrade(d) {
      d.createObjectStore('recs', { keyPath: 'id' }).createIndex('byAt', 'at');
    },
  });
  const tx = db.transaction('recs', 'readwrite');
  for (const r of recs) void tx.store.put(r);
  await tx.done;
  return db;
}

/** Counts the requests, to show the read really is split. */
function counted<T>(source: { getAll(q?: IDBKeyRange | null, n?: number): Promise<T[]> }) {
  const calls: number[] = [];
  return { calls, getAll: (q?: IDBKeyRange | null, n?: number) => (calls.push(n ?? -1), source.getAll(q, n)) };
}

describe('readAllPaged', () => {
  // Keys repeat across page boundaries, and one key has more records than a page holds.
  const recs: Rec[] = Array.from({ length: 23 }, (_, i) => ({ id: `r${String(i).padStart(2, '0')}`, at: i < 12 ? Math.floor(i / 3) : i < 20 ? 50 : 100 + i }));

  it('reads an index with repeated keys page by page: every record once, in index order', async () => {
    const db = await storeOf(recs);
    const all = await db.getAllFromIndex('recs', 'byAt');
    for (const page of [1, 2, 3, 4, 5, 7, 100]) {
      const source = counted(db.transaction('recs').store.index('byAt'));
      const read = await readAllPaged(source, (r) => r.at, {}, page);
      expect(read.map((r) => r.id), `page ${page}`).toEqual(all.map((r) => r.id));
      expect(source.calls.length, `page ${page}`).toBeGreaterThanOrEqual(Math.ceil(recs.length / page));
    }
    db.close();
  });

  it('keeps to [from, to), and reads a store by its primary key', async () => {
    const db = await storeOf(recs);
    const inRange = await readAllPaged(db.transaction('recs').store.index('byAt'), (r) => r.at, { from: 2, to: 50 }, 2);
    expect(inRange.map((r) => r.at)).toEqual([2, 2, 2, 3, 3, 3]);
    expect(await readAllPaged(db.transaction('recs').store.index('byAt'), (r) => r.at, { from: 50, to: 50 }, 2)).toEqual([]);
    const byId = await readAllPaged(db.transaction('recs').store, (r) => r.id, {}, 4);
    expect(byId).toEqual(await db.getAll('recs'));
    db.close();
  });
});
