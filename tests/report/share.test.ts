import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, test } from 'vitest';
import { openUnknotDb } from '../../src/data/index';
import type { UnknotData } from '../../src/data/api';
import { importSharedRoutine, readSharedRoutine, routineShareText, shareFileName } from '../../src/report/index';
import { builtInRoutine } from '../../src/routine/index';

let open: UnknotData[] = [];
const db = async () => {
  const data = await openUnknotDb({ factory: new IDBFactory(), storage: null, now: () => 1_700_000_000_000 });
  open.push(data);
  return data;
};
afterEach(() => {
  open.forEach((d) => d.close());
  open = [];
});

const mine = () => ({ ...builtInRoutine('seated-spinal-twist')!, id: 'my-evening-twist', name: 'My evening twist' });

describe('sharing one routine', () => {
  test('the file is a data-layer export the other phone adds as a new routine, settings untouched', async () => {
    const text = routineShareText(mine(), 1_700_000_000_000);
    expect(JSON.parse(text)).toMatchObject({ format: 'unknot-export', version: 3, sessions: [], plans: [] });
    expect(JSON.parse(text)).not.toHaveProperty('settings');
    const other = await db();
    await other.settings.update({ voice: false, reminders: [{ routineId: 'seated-spinal-twist', times: ['06:45'], enabled: true }] });
    const before = await other.settings.get();
    expect(await importSharedRoutine(other, text)).toMatchObject({ outcome: 'added', routine: { id: 'my-evening-twist' } });
    expect((await other.routines.get('my-evening-twist'))!.routine).toEqual(mine());
    // The pictures of the positions travel with it.
    expect((await other.routines.get('my-evening-twist'))!.routine.exercises[0].poses).toEqual({ setup: 'seated-cross-side', hold: 'seated-twist-side' });
    expect(await other.settings.get()).toEqual(before);
    // Once more: nothing new.
    expect((await importSharedRoutine(other, text)).outcome).toBe('unchanged');
    expect((await other.routines.list()).filter((r) => r.routine.name === 'My evening twist')).toHaveLength(1);
  });

  test('a share file from before pictures (version 1) is still read', async () => {
    const old = JSON.parse(routineShareText(mine(), 1));
    old.version = 1;
    delete old.routines[0].routine.exercises[0].poses;
    const other = await db();
    expect(await importSharedRoutine(other, JSON.stringify(old))).toMatchObject({ outcome: 'added' });
    expect((await other.routines.get('my-evening-twist'))!.routine.exercises[0].poses).toBeUndefined();
  });

  test('a full import refuses a share file (it has no settings to overwrite the receiver’s with) and changes nothing', async () => {
    const other = await db();
    await other.settings.update({ voice: false });
    const before = await other.exportAll();
    await expect(other.importAll(routineShareText(mine(), 1))).rejects.toThrow(/Nothing was imported[\s\S]*settings/);
    expect(JSON.parse(await other.exportAll())).toEqual({ ...JSON.parse(before), exportedAt: expect.any(Number) });
  });

  test('a different routine with the same id is left alone; the shared one comes in as a copy', async () => {
    const other = await db();
    const changed = { ...builtInRoutine('seated-spinal-twist')!, name: 'Seated twist, longer holds' };
    changed.exercises[0].hold = 20;
    const result = await importSharedRoutine(other, routineShareText(changed, 1));
    expect(result.outcome).toBe('added-as-copy');
    expect(result.routine.id).toBe('seated-spinal-twist-shared');
    expect((await other.routines.get('seated-spinal-twist'))!.routine).toEqual(builtInRoutine('seated-spinal-twist'));
  });

  test('a broken or full-export file is refused with a reason and changes nothing', async () => {
    const other = await db();
    const count = (await other.routines.list()).length;
    await expect(importSharedRoutine(other, '{not json')).rejects.toThrow(/not valid JSON/);
    const bad = JSON.parse(routineShareText(mine(), 1));
    bad.routines[0].routine.exercises[0].hold = 0;
    await expect(importSharedRoutine(other, JSON.stringify(bad))).rejects.toThrow(/hold/);
    const two = JSON.parse(routineShareText(mine(), 1));
    two.routines.push({ ...two.routines[0], routine: { ...mine(), id: 'another' } });
    expect(() => readSharedRoutine(JSON.stringify(two))).toThrow(/exactly one routine/);
    const million = JSON.parse(routineShareText(mine(), 1));
    million.routines = Array.from({ length: 1_000_000 }, () => ({}));
    expect(() => readSharedRoutine(JSON.stringify(million))).toThrow('more than 500,000 objects and lists');
    million.routines.length = 1000;
    expect(() => readSharedRoutine(JSON.stringify(million))).toThrow('this one has 1,000 routines and 0 sessions');
    const hostile = JSON.parse(routineShareText(mine(), 1));
    await expect(importSharedRoutine(other, JSON.stringify(hostile).replace('"routines"', '"__proto__":{"x":1},"routines"'))).rejects.toThrow(/__proto__/);
    await expect(importSharedRoutine(other, ' '.repeat(11 * 1024 * 1024))).rejects.toThrow(/limit is 10 MB/);
    expect((await other.routines.list()).length).toBe(count);
  });

  test('a file name from the routine name', () => {
    expect(shareFileName(mine())).toBe('unknot-my-evening-twist.json');
    expect(shareFileName({ ...mine(), name: 'Ölé / ✨' })).toBe('unknot-ole.json');
  });
});
