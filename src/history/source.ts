/**
 * What the history and report views read from the data layer, and delete-with-undo. Kept out
 * of the elements so they only render; tested against fake-indexeddb.
 */
import type { UnknotData } from '../data/api';
import type { SessionRecord } from '../data/schema';
import { dailyTarget } from '../routine/model';

export interface RoutineInfo {
  id: string;
  name: string;
  timesPerDay: number;
  deleted: boolean;
}

export interface HistoryData {
  sessions: SessionRecord[];
  /** Every routine a session may name, deleted ones included; by id. */
  routines: Map<string, RoutineInfo>;
  /** Epoch ms Unknot was first used here: the earliest routine record (built-ins are seeded on the first start) or session. */
  firstUsed: number;
}

export async function loadHistory(data: Pick<UnknotData, 'sessions' | 'routines'>): Promise<HistoryData> {
  const [sessions, records] = await Promise.all([data.sessions.list(), data.routines.list({ includeDeleted: true })]);
  const routines = new Map<string, RoutineInfo>(
    records.map((r) => [r.routine.id, { id: r.routine.id, name: r.routine.name, timesPerDay: dailyTarget(r.routine.prescription), deleted: !!r.deletedAt }]),
  );
  // A routine deleted for good: its name and prescription are still in the plan it was played from.
  for (const s of sessions) {
    if (routines.has(s.routineId)) continue;
    const plan = await data.sessions.plan(s.planId);
    routines.set(s.routineId, { id: s.routineId, name: plan?.name ?? s.routineId, timesPerDay: plan ? dailyTarget(plan.prescription) : 1, deleted: true });
  }
  const firstUsed = Math.min(...records.map((r) => r.createdAt), ...sessions.slice(0, 1).map((s) => s.startedAt), Date.now());
  return { sessions, routines, firstUsed };
}

export const prescriptionsOf = (routines: ReadonlyMap<string, RoutineInfo>): Map<string, number> =>
  new Map([...routines.values()].map((r) => [r.id, r.timesPerDay]));

export interface Deleted {
  record: SessionRecord;
  /** Puts the session back exactly as it was (same id, same plan). */
  undo(): Promise<void>;
}

/**
 * Deletes a session at once and keeps what is needed to put it back: the record and the plan it
 * points at (plans are shared and never deleted with a session, so re-adding finds the same one).
 */
export async function deleteSession(data: Pick<UnknotData, 'sessions'>, id: string): Promise<Deleted> {
  const record = await data.sessions.get(id);
  if (!record) throw new Error(`Session ${id} is not there any more (deleted in another tab?).`);
  const plan = await data.sessions.plan(record.planId);
  if (!plan) throw new Error(`Session ${id}: its plan ${record.planId} is missing, so it could not be put back; nothing was deleted.`);
  await data.sessions.remove(id);
  return {
    record,
    async undo() {
      const { id: _id, routineId: _r, planId: _p, ...rest } = record;
      await data.sessions.add({ ...rest, id: record.id, plan });
    },
  };
}
