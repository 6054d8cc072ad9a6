/** Issue 14 in the data layer: flags from pain scores, corrections (amend), export version 2 and the upgrade from 1. */
import { describe, expect, it } from 'vitest';
import { ImportError, ValidationError } from '../../src/data';
import { UPGRADES, upgradeExport } from '../../src/data/export-upgrades';
import { sessionFromLog } from '../../src/watch-link/log-sync';
import { sessionFlag } from '../../src/safety/session-flag';
import { builtInRoutine } from '../../src/routine';
import { OUTCOME } from '../../watch/protocol';
import { DAY, freshDb, session, T0 } from './support';

describe('flags are set by the store from the pain scores', () => {
  it('on add, on a pain score given later, and on a correction', async () => {
    const { data } = await freshDb();
    expect((await data.sessions.add(session({ id: 'a', painBefore: 3, painAfter: 5 }))).record.flag).toBe('pain-rose');
    expect((await data.sessions.add(session({ id: 'b', painBefore: 3, painAfter: 4 }))).record.flag).toBeUndefined();
    expect((await data.sessions.add(session({ id: 'c', painBefore: undefined, painAfter: undefined }))).record.flag).toBeUndefined();
    expect((await data.sessions.setPainAfter('c', 8)).flag).toBe('pain-high');
    expect((await data.sessions.setPainAfter('c', undefined)).flag).toBeUndefined();
    expect((await data.sessions.amend('a', { painAfter: 3 })).flag).toBeUndefined();
    expect((await data.sessions.get('a'))!.flag).toBeUndefined();
  });
});

describe('a session from the watch (no pain scores) corrected from its detail', () => {
  it('is flagged by the same rule once the scores are given, and unflagged when they are corrected again', async () => {
    const { data } = await freshDb();
    const k2c = builtInRoutine('knees-to-chest-twist')!;
    const entry = { id: 5, planId: 1, startedAt: Math.floor(T0 / 1000), activeS: 90, outcome: OUTCOME.DONE };
    const { record } = await data.sessions.add(sessionFromLog(entry, k2c));
    expect([record.source, record.painBefore, record.painAfter, record.flag]).toEqual(['watch', undefined, undefined, undefined]);
    // Every pair of scores around the rule's edges: the stored flag is the rule's verdict.
    for (const [before, after] of [[2, 4], [2, 3], [undefined, 8], [undefined, 7], [9, 8], [0, 1]] as const) {
      const amended = await data.sessions.amend(record.id, { painBefore: before, painAfter: after });
      expect(amended.flag, `${before} → ${after}`).toBe(sessionFlag(before, after));
      expect((await data.sessions.get(record.id))!.flag).toBe(amended.flag);
    }
    expect((await data.sessions.amend(record.id, { painBefore: 2, painAfter: 4 })).flag).toBe('pain-rose');
    expect((await data.sessions.amend(record.id, { painAfter: 9 })).flag).toBe('pain-high');
    expect((await data.sessions.amend(record.id, { painBefore: undefined, painAfter: undefined })).flag).toBeUndefined();
  });
});

describe('amend: correcting a past session', () => {
  it('sets, keeps and clears fields; the monthly pain sums follow', async () => {
    const { data } = await freshDb();
    await data.sessions.add(session({ id: 'a', painBefore: 6, painAfter: 3, note: 'old' }));
    const r = await data.sessions.amend('a', { note: 'stiff in the morning', felt: 'easier' });
    expect(r).toMatchObject({ painBefore: 6, painAfter: 3, note: 'stiff in the morning', felt: 'easier' });
    const cleared = await data.sessions.amend('a', { note: undefined, painBefore: undefined });
    expect(cleared).not.toHaveProperty('note');
    expect(cleared).not.toHaveProperty('painBefore');
    expect(cleared.felt).toBe('easier');
    expect((await data.sessions.stats('seated-spinal-twist')).withPain).toBe(0);
  });

  it('refuses bad values and unknown fields, changing nothing', async () => {
    const { data } = await freshDb();
    const { record } = await data.sessions.add(session({ id: 'a' }));
    for (const patch of [{ painAfter: 11 }, { felt: 'great' }, { note: 'x'.repeat(1001) }, { outcome: 'completed' }]) {
      const error = await data.sessions.amend('a', patch as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
    }
    await expect(data.sessions.amend('nope', { note: 'x' })).rejects.toThrow('No session nope to correct.');
    expect(await data.sessions.get('a')).toEqual(record);
  });
});

describe('export version 2, and files of version 1', () => {
  it('a version-1 file is upgraded on import: flags from its pain scores, everything else as it was', async () => {
    const source = await freshDb();
    await source.data.sessions.add(session({ id: 's0', painBefore: 2, painAfter: 6, note: 'worse' }));
    await source.data.sessions.add(session({ id: 's1', startedAt: T0 + DAY, painBefore: 6, painAfter: 2 }));
    const v2 = JSON.parse(await source.data.exportAll());
    // What the previous version wrote: version 1, no flag field.
    const v1 = { ...v2, version: 1, sessions: v2.sessions.map(({ flag: _f, ...s }: Record<string, unknown>) => s) };
    const { data } = await freshDb();
    const result = await data.importAll(JSON.stringify(v1));
    expect(result.sessions.added).toBe(2);
    expect((await data.sessions.get('s0'))).toMatchObject({ flag: 'pain-rose', note: 'worse' });
    expect((await data.sessions.get('s1'))!.flag).toBeUndefined();
  });

  it('the 1 → 2 step alone leaves a version-2 file and unknown shapes for validation to name', () => {
    expect(upgradeExport({ version: 2, sessions: [{ painBefore: 1, painAfter: 9 }] }, 2)).toEqual({ version: 3, sessions: [{ painBefore: 1, painAfter: 9 }] });
    expect(UPGRADES[1]({ version: 1, sessions: [{ painBefore: 1, painAfter: 9 }, 'junk', { painAfter: '9' }] })).toEqual({
      version: 2,
      sessions: [{ painBefore: 1, painAfter: 9, flag: 'pain-high' }, 'junk', { painAfter: '9' }],
    });
    expect(UPGRADES[1]({ version: 1, sessions: 'none' })).toEqual({ version: 2, sessions: 'none' });
  });

  it('a version-1 file with a broken session is still refused with the place named', async () => {
    const { data } = await freshDb();
    const file = JSON.parse(await data.exportAll());
    const bad = { ...file, version: 1, sessions: [{ id: 'x', painAfter: 'high' }] };
    const error = await data.importAll(JSON.stringify(bad)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/^Nothing was imported/);
  });
});
