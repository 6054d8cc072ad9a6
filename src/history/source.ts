/**
 * What the history and report views read from the data layer, and delete-with-undo. Kept out
 * of the elements so they only render; tested against fake-indexeddb.
 */
import type { UnknotData } from '../data/api';
import type { SessionRecord } from '../data/schema';
import { BUILT_INS } from '../routine';
import { dailyTarget } from '../routine/model';

export interface RoutineInfo {
  id: string;
  name: string;
  timesPerDay: number;
  deleted: boolean;
}

export interface HistoryData {
  sessions: SessionRecord[];
  /** The routines the sessions name (deleted ones included) and the built-ins; by id. */
  routines: Map<string, RoutineInfo>;
  /** Epoch ms Unknot was first used here: the earliest of those routine records (built-ins are seeded on the first start) and sessions. */
  firstUsed: number;
}

/**
 * The sessions, and only the routines they name (plus the built-ins, for the first day used):
 * never the whole library, which can hold 10,000 routines that were never played.
 */
export async function loadHistory(data: Pick<UnknotData, 'sessions' | 'routines'>): Promise<HistoryData> {
  const sessions = await data.sessions.list();
  const ids = [...new Set([...BUILT_INS.map((b) => b.routine.id), ...sessions.map((s) => s.routineId)])];
  const records = (await Promise.all(ids.map((id) => data.routines.get(id)))).filter((r) => r !== undefined);
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

/**
 * The history after one session was written (`put`: added or replaced) or deleted (`remove`),
 * in the order the data layer lists them (start time, then id): a correction or a delete touches
 * one record, so the view patches its copy instead of reading 11,000 sessions again.
 */
export function patchHistory(h: HistoryData, change: { put: SessionRecord } | { remove: string }): HistoryData {
  const put = 'put' in change ? change.put : null;
  const sessions = h.sessions.filter((s) => s.id !== (put ? put.id : (change as { remove: string }).remove));
  if (put) {
    const after = (s: SessionRecord) => s.startedAt > put.startedAt || (s.startedAt === put.startedAt && s.id > put.id);
    const i = sessions.findIndex(after);
    sessions.splice(i < 0 ? sessions.length : i, 0, put);
  }
  return { ...h, sessions };
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
