/**
 * Real older databases: each is built by the app's own upgrade code stopped at that version
 * (openAt), filled with records of that version's shape, then opened by today's code.
 */
import { describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import type { IDBPDatabase } from 'idb';
import { builtInRoutine, BUILT_INS } from '../../src/routine';
import { DB_NAME, DB_VERSION, DEFAULT_SETTINGS, openUnknotDb, type RoutineRecord, type SessionRecord, type UnknotDB } from '../../src/data';
import { statsOf } from '../../src/data/summaries';
import { openAt } from '../../src/data/db';
import type { SessionRecordV1, UnknotDBv1 } from '../../src/data/migrations';
import { DAY, routine, T0 } from './support';

const plan1 = builtInRoutine('seated-spinal-twist')!;
const plan2 = { ...builtInRoutine('seated-spinal-twist')!, restBetween: 5 };
const plan3 = builtInRoutine('standing-hip-twist')!;

const routinesV1: RoutineRecord[] = [
  ...BUILT_INS.map((b) => ({ routine: b.routine, origin: 'builtin' as const, builtinVersion: b.version, edited: false, createdAt: T0, updatedAt: T0 })),
  { routine: routine('mine'), origin: 'user', edited: false, createdAt: T0, updatedAt: T0 + 5, deletedAt: T0 + 9 },
];
const sessionsV1: SessionRecordV1[] = [plan1, plan1, plan2, plan3, plan1].map((plan, i) => ({
  id: `s${i}`,
  routineId: plan.id,
  plan,
  startedAt: T0 + i * DAY,
  endedAt: T0 + i * DAY + 90_000,
  stepsDone: 20 - i,
  totalSteps: 21,
  outcome: i === 4 ? 'stopped-early' : 'completed',
  source: i % 2 ? 'watch' : 'phone',
  ...(i !== 2 && { painBefore: 7, painAfter: 7 - i }),
  ...(i === 1 && { note: 'after a long drive' }),
}));

async function buildV1(factory: IDBFactory, sessions: object[] = sessionsV1) {
  const db = (await openAt(factory, DB_NAME, 1)) as unknown as IDBPDatabase<UnknotDBv1>;
  expect([...db.objectStoreNames].sort()).toEqual(['routines', 'sessions']);
  const tx = db.transaction(['routines', 'sessions'], 'readwrite');
  for (const r of routinesV1) await tx.objectStore('routines').put(r);
  for (const s of sessions) await tx.objectStore('sessions').put(s as SessionRecordV1);
  await tx.done;
  db.close();
}

describe('schema migrations', () => {
  it('creates the current schema from nothing', async () => {
    const factory = new IDBFactory();
    const data = await openUnknotDb({ factory, storage: null });
    data.close();
    const db = await openAt(factory, DB_NAME, DB_VERSION);
    expect(db.version).toBe(4);
    expect([...db.objectStoreNames].sort()).toEqual(['months', 'plans', 'routines', 'sessions', 'settings']);
    expect([...db.transaction('sessions').store.indexNames].sort()).toEqual(['byRoutine', 'byStartedAt']);
    db.close();
  });

  it('v1 → v4 keeps every routine and session, moving inline plans to shared ones', async () => {
    const factory = new IDBFactory();
    await buildV1(factory);
    const data = await openUnknotDb({ factory, storage: null });

    expect(await data.routines.list({ includeDeleted: true })).toEqual(
      [...routinesV1].sort((a, b) => a.routine.name.localeCompare(b.routine.name)),
    );
    const sessions = await data.sessions.list();
    expect(sessions).toHaveLength(sessionsV1.length);
    for (const [i, old] of sessionsV1.entries()) {
      const { plan, ...rest } = old;
      const now = sessions[i];
      const flag = rest.painBefore !== undefined && rest.painAfter! - rest.painBefore >= 2 ? 'pain-rose' : undefined;
      expect(now).toEqual({ ...rest, planId: now.planId, ...(flag && { flag }) });
      expect(await data.sessions.plan(now.planId)).toEqual(plan);
    }
    expect(new Set(sessions.map((s) => s.planId)).size).toBe(3); // plan1 is stored once for s0, s1, s4
    // The new indexes answer over the migrated records.
    expect((await data.sessions.list({ from: T0 + DAY, to: T0 + 3 * DAY })).map((s) => s.id)).toEqual(['s1', 's2']);
    expect(await data.sessions.stats('seated-spinal-twist')).toMatchObject({ sessions: 4, completed: 3, withPain: 3, meanPainDrop: 5 / 3 });
    expect(await data.sessions.stats('seated-spinal-twist')).toEqual(statsOf('seated-spinal-twist', sessions.filter((s) => s.routineId === 'seated-spinal-twist')));
    // And v2's new store works.
    await data.settings.update({ largeText: true });
    expect((await data.settings.get()).largeText).toBe(true);
  });

  it('v2 → v3 builds the monthly summaries from the stored sessions', async () => {
    const factory = new IDBFactory();
    const db = (await openAt(factory, DB_NAME, 2)) as unknown as IDBPDatabase<UnknotDB>;
    expect([...db.objectStoreNames].sort()).toEqual(['plans', 'routines', 'sessions', 'settings']);
    const plan = { id: 'seated-spinal-twist@abc', routineId: 'seated-spinal-twist', routine: plan1 };
    const sessions: SessionRecord[] = sessionsV1.map(({ plan: _, ...rest }, i) => ({ ...rest, routineId: 'seated-spinal-twist', planId: plan.id, startedAt: T0 + i * 20 * DAY }));
    const tx = db.transaction(['plans', 'sessions', 'settings'], 'readwrite');
    await tx.objectStore('plans').put(plan);
    for (const s of sessions) await tx.objectStore('sessions').put(s);
    await tx.objectStore('settings').put({ ...DEFAULT_SETTINGS, theme: 'light' }, 'app');
    await tx.done;
    db.close();

    const data = await openUnknotDb({ factory, storage: null });
    expect(await data.sessions.list()).toEqual(sessions);
    expect(await data.sessions.plan(plan.id)).toEqual(plan1);
    expect((await data.settings.get()).theme).toBe('light');
    expect(await data.sessions.stats('seated-spinal-twist')).toEqual(statsOf('seated-spinal-twist', sessions));
    data.close();
    const raw = await openAt(factory, DB_NAME, DB_VERSION);
    expect((await raw.getAll('months')).map((m) => [m.month, m.sessions])).toEqual([
      [Date.UTC(2026, 0, 1), 2],
      [Date.UTC(2026, 1, 1), 1],
      [Date.UTC(2026, 2, 1), 2],
    ]);
    raw.close();
  });

  it('a failing upgrade changes nothing: the database stays at v1 with every record', async () => {
    const factory = new IDBFactory();
    const broken = [...sessionsV1, { id: 'corrupt', routineId: 'x', startedAt: T0 }]; // no plan: step 2 throws
    await buildV1(factory, broken);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(openUnknotDb({ factory, storage: null })).rejects.toThrow();
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('upgrade failed'), expect.any(TypeError));
    logged.mockRestore();
    const db = (await openAt(factory, DB_NAME, 1)) as unknown as IDBPDatabase<UnknotDBv1>;
    expect(db.version).toBe(1);
    expect([...db.objectStoreNames].sort()).toEqual(['routines', 'sessions']);
    expect(await db.getAll('sessions')).toEqual([...broken].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await db.count('routines')).toBe(routinesV1.length);
    db.close();
  });
});
