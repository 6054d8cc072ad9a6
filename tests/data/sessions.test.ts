import { describe, expect, it } from 'vitest';
import { builtInRoutine } from '../../src/routine';
import { ValidationError } from '../../src/data';
import { statsOf } from '../../src/data/summaries';
import { DAY, freshDb, session, T0 } from './support';

describe('sessions store', () => {
  it('adds a session with its plan, and reads both back', async () => {
    const { data } = await freshDb();
    const { record, added } = await data.sessions.add(session({ note: 'better' }));
    expect(added).toBe(true);
    expect(record).toMatchObject({ routineId: 'seated-spinal-twist', outcome: 'completed', note: 'better' });
    expect(record.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await data.sessions.get(record.id)).toEqual(record);
    expect(await data.sessions.plan(record.planId)).toEqual(builtInRoutine('seated-spinal-twist'));
  });

  it('is idempotent per id (the watch resends until acknowledged)', async () => {
    const { data } = await freshDb();
    const first = await data.sessions.add(session({ id: 'w-17', source: 'watch' }));
    const again = await data.sessions.add(session({ id: 'w-17', source: 'watch', note: 'resent' }));
    expect(again).toEqual({ record: first.record, added: false });
    expect(await data.sessions.list()).toHaveLength(1);
  });

  it('stores one plan per routine version, shared by sessions', async () => {
    const { data } = await freshDb();
    const a = await data.sessions.add(session());
    const b = await data.sessions.add(session({ startedAt: T0 + DAY }));
    const changed = builtInRoutine('seated-spinal-twist')!;
    changed.exercises[0].hold = 9;
    const c = await data.sessions.add(session({ plan: changed }));
    expect(a.record.planId).toBe(b.record.planId);
    expect(c.record.planId).not.toBe(a.record.planId);
    expect((await data.sessions.plan(c.record.planId))?.exercises[0].hold).toBe(9);
    // Same content with keys in another order is the same plan.
    const reordered = Object.fromEntries(Object.entries(builtInRoutine('seated-spinal-twist')!).reverse());
    const d = await data.sessions.add(session({ plan: reordered as never }));
    expect(d.record.planId).toBe(a.record.planId);
  });

  it('records a pain score given after the session was saved, and the statistics follow it', async () => {
    const { data } = await freshDb();
    const { record } = await data.sessions.add(session({ painBefore: 8, painAfter: undefined }));
    const before = await data.sessions.stats('seated-spinal-twist');
    const updated = await data.sessions.setPainAfter(record.id, 3);
    expect(updated).toEqual({ ...record, painAfter: 3 });
    expect(await data.sessions.get(record.id)).toEqual(updated);
    const after = await data.sessions.stats('seated-spinal-twist');
    expect(after).toEqual(statsOf('seated-spinal-twist', [updated]));
    expect(after).not.toEqual(before);
    expect((await data.sessions.setPainAfter(record.id, undefined)).painAfter).toBeUndefined();

    const bad = await data.sessions.setPainAfter(record.id, 11).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as Error).message).toContain('painAfter: must be 0–10, got 11');
    await expect(data.sessions.setPainAfter('no-such-id', 2)).rejects.toThrow('No session no-such-id');
    expect(await data.sessions.list()).toEqual([{ ...record }]);
  });

  it('refuses bad sessions with the field named', async () => {
    const { data } = await freshDb();
    const cases: [Parameters<typeof session>[0], string][] = [
      [{ painAfter: 11 }, 'painAfter: must be 0–10, got 11'],
      [{ endedAt: T0 - 1 }, `endedAt: must not be before startedAt, got ${T0 - 1}`],
      [{ stepsDone: 22 }, 'stepsDone: must be at most totalSteps (21), got 22'],
      [{ source: 'tablet' as never }, 'source: must be "phone" or "watch", got "tablet"'],
      [{ note: 'x'.repeat(1001) }, 'note: must be at most 1000 characters, got 1001'],
    ];
    for (const [change, message] of cases) {
      const error = await data.sessions.add(session(change)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toContain(message);
    }
    expect(await data.sessions.list()).toEqual([]);
  });

  it('adds many in one go, skipping ids already stored, with one plan per routine version', async () => {
    const { data } = await freshDb();
    await data.sessions.add(session({ id: 'w-1' }));
    const backlog = [1, 2, 3].map((n) => session({ id: `w-${n}`, startedAt: T0 + n * DAY, source: 'watch' }));
    expect(await data.sessions.addMany(backlog)).toEqual({ added: 2, skipped: 1 });
    const stored = await data.sessions.list();
    expect(stored.map((s) => s.id)).toEqual(['w-1', 'w-2', 'w-3']);
    expect(new Set(stored.map((s) => s.planId)).size).toBe(1);
  });

  it('adds many all or nothing: one bad entry stores none, and is named by its index', async () => {
    const { data } = await freshDb();
    const backlog = [session({ id: 'a' }), session({ id: 'b', painBefore: -1 })];
    await expect(data.sessions.addMany(backlog)).rejects.toThrow('[1].painBefore: must be 0–10, got -1');
    expect(await data.sessions.list()).toEqual([]);
  });

  it('lists by time range, oldest first, `to` excluded', async () => {
    const { data } = await freshDb();
    for (const day of [5, 1, 3, 40]) await data.sessions.add(session({ id: `s${day}`, startedAt: T0 + day * DAY }));
    expect((await data.sessions.list()).map((s) => s.id)).toEqual(['s1', 's3', 's5', 's40']);
    expect((await data.sessions.list({ from: T0 + 3 * DAY, to: T0 + 40 * DAY })).map((s) => s.id)).toEqual(['s3', 's5']);
  });

  it('removes a session', async () => {
    const { data } = await freshDb();
    const { record } = await data.sessions.add(session());
    await data.sessions.remove(record.id);
    expect(await data.sessions.get(record.id)).toBeUndefined();
  });

  it('computes per-routine statistics over a range', async () => {
    const { data } = await freshDb();
    await data.sessions.add(session({ id: 'a', painBefore: 8, painAfter: 2 }));
    await data.sessions.add(session({ id: 'b', startedAt: T0 + DAY, outcome: 'stopped-early', stepsDone: 4, painBefore: 5, painAfter: 5 }));
    await data.sessions.add(session({ id: 'c', startedAt: T0 + 2 * DAY, painBefore: undefined, painAfter: undefined }));
    await data.sessions.add(session({ id: 'other', plan: builtInRoutine('standing-hip-twist')! }));
    const all = await data.sessions.stats('seated-spinal-twist');
    expect(all).toEqual({
      routineId: 'seated-spinal-twist',
      sessions: 3,
      completed: 2,
      completionRate: 2 / 3,
      minutes: 6,
      meanPainDrop: 3,
      withPain: 2,
      lastAt: T0 + 2 * DAY,
    });
    const later = await data.sessions.stats('seated-spinal-twist', { from: T0 + DAY });
    expect(later).toMatchObject({ sessions: 2, completed: 1, meanPainDrop: 0 });
    expect(await data.sessions.stats('nothing')).toMatchObject({ sessions: 0, completionRate: 0, meanPainDrop: null, lastAt: null });
  });

  it('statistics from monthly sums equal statistics straight from the sessions, for any range, after any change', async () => {
    const { data } = await freshDb();
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const ids = ['seated-spinal-twist', 'standing-hip-twist'];
    const inputs = Array.from({ length: 300 }, (_, i) =>
      session({
        id: `r${i}`,
        plan: builtInRoutine(ids[i % 2])!,
        startedAt: T0 + Math.floor(rand() * 400 * DAY),
        outcome: rand() < 0.7 ? 'completed' : 'stopped-early',
        stepsDone: 3,
        painBefore: rand() < 0.5 ? undefined : 6,
        painAfter: Math.floor(rand() * 10),
      }),
    );
    await data.sessions.addMany(inputs);
    const compare = async () => {
      const all = await data.sessions.list();
      for (let k = 0; k < 40; k++) {
        const a = T0 + Math.floor((rand() * 420 - 10) * DAY);
        const b = a + Math.floor(rand() * 200 * DAY);
        for (const id of ids) {
          const expected = statsOf(id, all.filter((s) => s.routineId === id && s.startedAt >= a && s.startedAt < b));
          const got = await data.sessions.stats(id, { from: a, to: b });
          expect({ ...got, minutes: Math.round(got.minutes * 1e6) }).toEqual({ ...expected, minutes: Math.round(expected.minutes * 1e6) });
        }
      }
      for (const id of ids) expect(await data.sessions.stats(id)).toEqual(statsOf(id, all.filter((s) => s.routineId === id)));
    };
    await compare();
    for (let i = 0; i < 300; i += 7) await data.sessions.remove(`r${i}`);
    await compare();
    // Empty whole months of one routine: their summaries must go too.
    const gone = (await data.sessions.list({ from: T0 + 90 * DAY, to: T0 + 160 * DAY })).filter((s) => s.routineId === ids[0]);
    expect(gone.length).toBeGreaterThan(10);
    for (const s of gone) await data.sessions.remove(s.id);
    await compare();
    const file = JSON.parse(await data.exportAll());
    file.sessions[3].outcome = 'stopped-early';
    file.sessions[4].startedAt += 60 * DAY; // moves to another month
    file.sessions[4].endedAt += 60 * DAY;
    await data.importAll(JSON.stringify(file));
    await compare();
  });
});
