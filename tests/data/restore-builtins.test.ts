import { describe, expect, it } from 'vitest';
import { deletedBuiltIns, isBuiltIn, restoreBuiltIns } from '../../src/data/restore-builtins';
import { DB_NAME } from '../../src/data/schema';
import { BUILT_INS } from '../../src/routine';
import { freshDb } from './support';

/** Removes a routine's record altogether (as no app path does), through a second connection. */
function dropRecord(factory: IDBFactory, id: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = factory.open(DB_NAME);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('routines', 'readwrite');
      tx.objectStore('routines').delete(id);
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

describe('restoring built-in routines', () => {
  it('lists the deleted built-ins and brings them back, keeping the user’s changes', async () => {
    const { data } = await freshDb();
    expect(await deletedBuiltIns(data.routines)).toEqual([]);
    const twist = (await data.routines.get('standing-hip-twist'))!.routine;
    await data.routines.put({ ...twist, restBetween: 9 });
    await data.routines.remove('standing-hip-twist');
    await data.routines.remove('seated-spinal-twist');
    expect((await deletedBuiltIns(data.routines)).map((r) => r.id)).toEqual(['seated-spinal-twist', 'standing-hip-twist']);
    expect((await restoreBuiltIns(data.routines, ['standing-hip-twist'])).map((r) => r.id)).toEqual(['standing-hip-twist']);
    expect((await data.routines.get('standing-hip-twist'))!).toMatchObject({ deletedAt: undefined, edited: true, routine: { restBetween: 9 } });
    expect((await restoreBuiltIns(data.routines)).map((r) => r.id)).toEqual(['seated-spinal-twist']);
    expect((await data.routines.list()).map((r) => r.routine.id).sort()).toEqual(['knees-to-chest-twist', 'seated-spinal-twist', 'standing-hip-twist']);
    expect(await restoreBuiltIns(data.routines)).toEqual([]);
  });

  it('seeds a built-in whose record is missing altogether, as shipped', async () => {
    const { data, factory } = await freshDb();
    await dropRecord(factory, 'seated-spinal-twist');
    expect(await data.routines.get('seated-spinal-twist')).toBeUndefined();
    expect((await deletedBuiltIns(data.routines)).map((r) => r.id)).toEqual(['seated-spinal-twist']);
    expect((await restoreBuiltIns(data.routines)).map((r) => r.id)).toEqual(['seated-spinal-twist']);
    const shipped = BUILT_INS.find((b) => b.routine.id === 'seated-spinal-twist')!.routine;
    expect((await data.routines.get('seated-spinal-twist'))!.routine).toEqual(shipped);
    expect(await deletedBuiltIns(data.routines)).toEqual([]);
  });

  it('knows built-in ids', () => {
    expect([isBuiltIn('knees-to-chest-twist'), isBuiltIn('mine')]).toEqual([true, false]);
  });
});
