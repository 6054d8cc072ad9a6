/**
 * Schema upgrades, cumulative: a database at any older version runs every step above it, in
 * order, inside the one versionchange transaction. Each step is written against the shapes of
 * ITS version (the V1 types below), never against today's, so old steps keep meaning what they
 * meant. Only IndexedDB work is awaited here: anything else would let the transaction commit early.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Routine } from '../routine';
import type { PlanRecord, RoutineRecord, SessionRecord, UnknotDB } from './schema';
import { planIdOf, samePlan } from './plans';
import { monthKey, refreshMonths } from './summaries';
import { sessionFlag } from '../safety/session-flag';

/** Version 1: a session kept a full copy of its routine inline. */
export interface SessionRecordV1 extends Omit<SessionRecord, 'planId'> {
  plan: Routine;
}

export interface UnknotDBv1 extends DBSchema {
  routines: { key: string; value: RoutineRecord };
  sessions: { key: string; value: SessionRecordV1 };
}

// The upgrade sees every version's stores, so it is typed loosely and each step narrows.
type AnyDB = IDBPDatabase<UnknotDB>;
type AnyTx = IDBPTransaction<UnknotDB, StoreNames<UnknotDB>[], 'versionchange'>;

interface Step {
  version: number;
  run(db: AnyDB, tx: AnyTx): void | Promise<void>;
}

export const STEPS: readonly Step[] = [
  {
    // v1: routines keyed by their id; sessions keyed by id.
    version: 1,
    run(db) {
      db.createObjectStore('routines', { keyPath: 'routine.id' });
      db.createObjectStore('sessions', { keyPath: 'id' });
    },
  },
  {
    // v2: settings; plans shared by sessions (moved out of each session, see schema.ts);
    // indexes for "the last 30 days" and "this routine's sessions, by time".
    version: 2,
    async run(db, tx) {
      db.createObjectStore('settings');
      const plans = db.createObjectStore('plans', { keyPath: 'id' });
      const sessions = tx.objectStore('sessions');
      sessions.createIndex('byStartedAt', 'startedAt');
      sessions.createIndex('byRoutine', ['routineId', 'startedAt']);
      const stored = new Map<string, Routine>();
      for (let cursor = await sessions.openCursor(); cursor; cursor = await cursor.continue()) {
        const { plan, ...rest } = cursor.value as unknown as SessionRecordV1;
        let planId = planIdOf(plan);
        // Two different routines with one hash: keep both, under distinct ids.
        for (let n = 2; stored.has(planId) && !samePlan(stored.get(planId)!, plan); n++) planId = `${planIdOf(plan)}~${n}`;
        if (!stored.has(planId)) {
          stored.set(planId, plan);
          await plans.put({ id: planId, routineId: plan.id, routine: plan } satisfies PlanRecord);
        }
        await cursor.update({ ...rest, planId } satisfies SessionRecord);
      }
    },
  },
  {
    // v3: monthly per-routine summaries for fast statistics, built from the sessions already stored.
    version: 3,
    async run(db, tx) {
      db.createObjectStore('months', { keyPath: ['routineId', 'month'] });
      const keys = (await tx.objectStore('sessions').getAll()).map(monthKey);
      await refreshMonths(tx, keys);
    },
  },
  {
    // v4: sessions may carry `felt` and `flag` (schema.ts). Sessions stored before have no
    // "felt"; their flag is set once from their pain scores, by the rule of this version.
    version: 4,
    async run(_db, tx) {
      const sessions = tx.objectStore('sessions');
      for (let cursor = await sessions.openCursor(); cursor; cursor = await cursor.continue()) {
        const flag = sessionFlag(cursor.value.painBefore, cursor.value.painAfter);
        if (flag) await cursor.update({ ...cursor.value, flag });
      }
    },
  },
];

/**
 * idb's `upgrade` callback: runs the steps between oldVersion and newVersion. A failing step
 * aborts the versionchange transaction, so the database stays whole at its old version.
 */
export function upgrade(db: AnyDB, oldVersion: number, newVersion: number | null, tx: AnyTx): void {
  const target = newVersion ?? Infinity;
  // Steps start synchronously while the upgrade event is being handled; only a step that awaits
  // makes the next one wait for it.
  let chain: Promise<void> | undefined;
  const run = (step: Step) => () => step.run(db, tx);
  try {
    for (const step of STEPS) {
      if (oldVersion >= step.version || step.version > target) continue;
      chain = chain ? chain.then(run(step)) : (run(step)() ?? undefined);
    }
  } catch (error) {
    chain = Promise.reject(error);
  }
  Promise.resolve(chain).catch((error: unknown) => {
    console.error('Unknot: database upgrade failed, nothing was changed', error);
    try {
      tx.abort();
    } catch {
      // Already finished or aborted: the open request reports the failure.
    }
  });
}
