/**
 * Whole-store reads split into pages. A single getAll() of 10,000 routines or 11,000 sessions
 * hands the main thread every record to deserialize in ONE task (0.3–1.4 s in Chromium); a page
 * per request makes each page its own task (one success event each), so the page stays responsive
 * while a long list loads. All pages are read in one readonly transaction: one consistent snapshot.
 */

/** Records per request: ≈10–30 ms of deserializing in Chromium for a routine or a session. */
export const READ_PAGE = 500;

/** What a page read needs of an idb store or index (both have this getAll). */
export interface PagedSource<T> {
  getAll(query?: IDBKeyRange | null, count?: number): Promise<T[]>;
}

/**
 * Every record of `source` in `[from, to)` (or all when no bound is given), in key order, read
 * `page` at a time. `keyOf` gives a record's key in `source` (a number or a string: an index's
 * keys may repeat, so the next page starts AT the last key and skips the records of that key
 * already taken; an index orders equal keys by primary key, so they are the first ones).
 */
export async function readAllPaged<T, K extends number | string>(
  source: PagedSource<T>,
  keyOf: (record: T) => K,
  bounds: { from?: K; to?: K } = {},
  page = READ_PAGE,
): Promise<T[]> {
  if (bounds.from !== undefined && bounds.to !== undefined && bounds.from >= bounds.to) return []; // an empty range (IDBKeyRange refuses it)
  const out: T[] = [];
  let last: K | undefined = bounds.from;
  let taken = 0; // records already read whose key equals `last`
  for (;;) {
    const range = rangeFrom(last, bounds.to);
    const batch = (await source.getAll(range, page + taken)).slice(taken);
    for (const record of batch) out.push(record);
    if (batch.length < page) return out;
    const key = keyOf(batch.at(-1)!);
    taken = key === last ? taken + countTail(batch, key, keyOf) : countTail(batch, key, keyOf);
    last = key;
  }
}

/** How many records at the end of `batch` have key `key`. */
function countTail<T, K>(batch: readonly T[], key: K, keyOf: (record: T) => K): number {
  let n = 0;
  for (let i = batch.length - 1; i >= 0 && keyOf(batch[i]) === key; i--) n++;
  return n;
}

function rangeFrom<K extends number | string>(from: K | undefined, to: K | undefined): IDBKeyRange | null {
  if (from === undefined) return to === undefined ? null : IDBKeyRange.upperBound(to, true);
  return to === undefined ? IDBKeyRange.lowerBound(from) : IDBKeyRange.bound(from, to, false, true);
}
