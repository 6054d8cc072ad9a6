import { IDBFactory } from 'fake-indexeddb';
import { afterEach, expect, test } from 'vitest';
import { openUnknotDb, type UnknotData } from '../../src/data/index';
import { deleteSession, loadHistory, patchHistory } from '../../src/history/index';
import { builtInRoutine } from '../../src/routine/index';

let data: UnknotData;
afterEach(() => data?.close());

test('delete a session, undo it: the very same record is back, and the plan was never lost', async () => {
  data = await openUnknotDb({ factory: new IDBFactory(), storage: null });
  const plan = builtInRoutine('knees-to-chest-twist')!;
  const base = { plan, startedAt: 1_000_000, endedAt: 1_100_000, stepsDone: 5, totalSteps: 9, outcome: 'stopped-early' as const, source: 'watch' as const };
  const { record } = await data.sessions.add({ ...base, painBefore: 7, painAfter: 5, note: 'left side tight' });
  await data.sessions.add({ ...base, startedAt: 2_000_000, endedAt: 2_100_000 });

  const deleted = await deleteSession(data, record.id);
  expect(deleted.record).toEqual(record);
  expect((await data.sessions.list()).map((s) => s.id)).not.toContain(record.id);
  await deleted.undo();
  expect(await data.sessions.get(record.id)).toEqual(record);
  expect(await data.sessions.list()).toHaveLength(2);
  await expect(deleteSession(data, 'nope')).rejects.toThrow(/nope is not there/);
});

test('history names a routine that was deleted, from its plan', async () => {
  data = await openUnknotDb({ factory: new IDBFactory(), storage: null });
  const mine = { ...builtInRoutine('seated-spinal-twist')!, id: 'mine', name: 'Mine' };
  await data.routines.put(mine);
  await data.sessions.add({ plan: mine, startedAt: 1, endedAt: 2, stepsDone: 1, totalSteps: 1, outcome: 'completed', source: 'phone' });
  await data.routines.remove('mine');
  const h = await loadHistory(data);
  expect(h.routines.get('mine')).toEqual({ id: 'mine', name: 'Mine', timesPerDay: 1, deleted: true });
  expect(h.routines.get('knees-to-chest-twist')).toMatchObject({ name: 'Lying knees-to-chest twist', timesPerDay: 3, deleted: false });
  expect(h.sessions).toHaveLength(1);
});

test('a "when needed" routine has no daily target; the first day used is the earliest record', async () => {
  data = await openUnknotDb({ factory: new IDBFactory(), storage: null, now: () => 5_000_000 });
  await data.sessions.add({ plan: builtInRoutine('standing-hip-twist')!, startedAt: 1_000_000, endedAt: 1_100_000, stepsDone: 1, totalSteps: 1, outcome: 'completed', source: 'phone' });
  const h = await loadHistory(data);
  expect(h.routines.get('standing-hip-twist')!.timesPerDay).toBe(0);
  expect(h.routines.get('knees-to-chest-twist')!.timesPerDay).toBe(3);
  expect(h.firstUsed).toBe(1_000_000); // the imported-looking session is older than the seeding
});

test('a correction, a delete and its undo patch the loaded history into what reading it again gives', async () => {
  data = await openUnknotDb({ factory: new IDBFactory(), storage: null });
  const plan = builtInRoutine('knees-to-chest-twist')!;
  const at = (t: number) => ({ plan, startedAt: t, endedAt: t + 1000, stepsDone: 1, totalSteps: 1, outcome: 'completed' as const, source: 'phone' as const });
  // Two share a start time: the order within it is by id, as the data layer lists them.
  for (const [id, t] of [['b', 2_000], ['a', 2_000], ['c', 1_000], ['d', 3_000]] as const) await data.sessions.add({ ...at(t), id });
  let h = await loadHistory(data);
  expect(h.sessions.map((s) => s.id)).toEqual(['c', 'a', 'b', 'd']);
  const amended = await data.sessions.amend('b', { painBefore: 8, painAfter: 9 });
  h = patchHistory(h, { put: amended });
  expect(h).toEqual(await loadHistory(data));
  expect(h.sessions[2]).toMatchObject({ id: 'b', painAfter: 9, flag: amended.flag });
  expect(amended.flag).toBeDefined();
  const deleted = await deleteSession(data, 'a');
  h = patchHistory(h, { remove: 'a' });
  expect(h.sessions).toEqual((await loadHistory(data)).sessions);
  await deleted.undo();
  h = patchHistory(h, { put: deleted.record });
  expect(h.sessions).toEqual((await loadHistory(data)).sessions);
  expect(h.sessions.map((s) => s.id)).toEqual(['c', 'a', 'b', 'd']);
});
