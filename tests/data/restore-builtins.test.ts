import { describe, expect, it } from 'vitest';
import { deletedBuiltIns, isBuiltIn, restoreBuiltIns } from '../../src/data/restore-builtins';
import { freshDb } from './support';

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

  it('knows built-in ids', () => {
    expect([isBuiltIn('knees-to-chest-twist'), isBuiltIn('mine')]).toEqual([true, false]);
  });
});
