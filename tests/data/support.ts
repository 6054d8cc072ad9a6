/** Shared set-up for the data tests: a fresh fake IndexedDB per test, and sample records. */
import { IDBFactory } from 'fake-indexeddb';
import { builtInRoutine, type Routine } from '../../src/routine';
import { openUnknotDb, type OpenOptions, type SessionInput } from '../../src/data';

export const DAY = 86_400_000;
export const T0 = Date.UTC(2026, 0, 1);

/** A clock the test moves by hand. */
export function clock(start = T0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

export async function freshDb(options: OpenOptions = {}) {
  const factory = new IDBFactory();
  const time = clock();
  const data = await openUnknotDb({ factory, now: time.now, storage: null, ...options });
  return { factory, data, time };
}

export function routine(id = 'my-routine', changes: Partial<Routine> = {}): Routine {
  return { ...builtInRoutine('knees-to-chest-twist')!, id, name: `Routine ${id}`, ...changes };
}

export function session(changes: Partial<SessionInput> = {}): SessionInput {
  const startedAt = changes.startedAt ?? T0;
  return {
    plan: builtInRoutine('seated-spinal-twist')!,
    startedAt,
    endedAt: startedAt + 120_000,
    stepsDone: 21,
    totalSteps: 21,
    outcome: 'completed',
    source: 'phone',
    painBefore: 6,
    painAfter: 3,
    ...changes,
  };
}
