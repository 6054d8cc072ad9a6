import { describe, expect, it } from 'vitest';
import { BUILT_INS, type BuiltIn } from '../../src/routine';
import { ConflictError, NotFoundError, openUnknotDb, ValidationError } from '../../src/data';
import { freshDb, routine } from './support';

const ids = BUILT_INS.map((b) => b.routine.id).sort();
const shipped = (id: string) => BUILT_INS.find((b) => b.routine.id === id)!.version;

describe('routines store', () => {
  it('seeds the built-ins on first run, once', async () => {
    const { data, factory } = await freshDb();
    const list = await data.routines.list();
    expect(list.map((r) => r.routine.id).sort()).toEqual(ids);
    expect(list.every((r) => r.origin === 'builtin' && !r.edited && r.builtinVersion === shipped(r.routine.id))).toBe(true);
    data.close();
    const again = await openUnknotDb({ factory, storage: null });
    expect((await again.routines.list()).length).toBe(BUILT_INS.length);
  });

  it('an edit from a stale copy is refused, naming why: changed elsewhere, or deleted elsewhere (never brought back)', async () => {
    const { data, time } = await freshDb();
    const base = await data.routines.put(routine('two-tabs', { name: 'Original' }));
    time.advance(1000);
    await data.routines.put(routine('two-tabs', { name: 'Changed in tab B' }), { baseUpdatedAt: base.updatedAt }); // tab B saves first
    time.advance(1000);
    const stale = await data.routines.put(routine('two-tabs', { name: 'Changed in tab A' }), { baseUpdatedAt: base.updatedAt }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).kind).toBe('changed');
    expect((stale as Error).message).toMatch(/^Not saved: this routine was changed in another tab or window/);
    expect((await data.routines.get('two-tabs'))?.routine.name).toBe('Changed in tab B');

    const fresh = (await data.routines.get('two-tabs'))!;
    await data.routines.remove('two-tabs'); // tab B deletes it
    const resurrect = await data.routines.put(routine('two-tabs', { name: 'Edited in tab A' }), { baseUpdatedAt: fresh.updatedAt }).catch((e: unknown) => e);
    expect((resurrect as ConflictError).kind).toBe('deleted');
    expect((await data.routines.get('two-tabs'))?.deletedAt).toBeDefined();
    expect((await data.routines.list()).map((r) => r.routine.id)).not.toContain('two-tabs');
  });

  it('puts a valid routine, and lists it sorted by name', async () => {
    const { data, time } = await freshDb();
    const saved = await data.routines.put(routine('aaa', { name: 'A first one' }));
    expect(saved).toMatchObject({ origin: 'user', edited: false, createdAt: time.now(), updatedAt: time.now() });
    const names = (await data.routines.list()).map((r) => r.routine.name);
    expect(names[0]).toBe('A first one');
    expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(names);
    time.advance(1000);
    const updated = await data.routines.put(routine('aaa', { name: 'Renamed' }));
    expect(updated.createdAt).toBe(saved.createdAt);
    expect(updated.updatedAt).toBe(saved.updatedAt + 1000);
    expect((await data.routines.get('aaa'))?.routine.name).toBe('Renamed');
  });

  it('refuses an invalid routine with field errors, storing nothing', async () => {
    const { data } = await freshDb();
    const bad = routine('bad');
    bad.exercises[0].hold = 0;
    const error = await data.routines.put(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toEqual([{ path: 'exercises[0].hold', message: 'must be 1–120 s, got 0' }]);
    expect(await data.routines.get('bad')).toBeUndefined();
  });

  it('removes softly and restores', async () => {
    const { data } = await freshDb();
    await data.routines.put(routine('gone'));
    await data.routines.remove('gone');
    expect((await data.routines.list()).some((r) => r.routine.id === 'gone')).toBe(false);
    expect((await data.routines.list({ includeDeleted: true })).find((r) => r.routine.id === 'gone')?.deletedAt).toBeTypeOf('number');
    const back = await data.routines.restore('gone');
    expect(back.deletedAt).toBeUndefined();
    expect((await data.routines.list()).some((r) => r.routine.id === 'gone')).toBe(true);
    await expect(data.routines.remove('nope')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('duplicates a built-in as a user routine with a fresh id, twice', async () => {
    const { data } = await freshDb();
    const a = await data.routines.duplicate('seated-spinal-twist');
    const b = await data.routines.duplicate('seated-spinal-twist');
    expect(a.routine.id).toBe('seated-spinal-twist-copy');
    expect(b.routine.id).toBe('seated-spinal-twist-copy-2');
    expect(a).toMatchObject({ origin: 'user', basedOn: 'seated-spinal-twist' });
    expect(a.routine.name).toBe('Seated spinal twist (copy)');
    expect(a.routine.exercises).toEqual(BUILT_INS[1].routine.exercises);
  });

  it('marks an edited built-in, and reset brings back the shipped version', async () => {
    const { data } = await freshDb();
    const original = (await data.routines.get('standing-hip-twist'))!;
    const changed = structuredClone(original.routine);
    changed.exercises[0].hold = 30;
    expect((await data.routines.put(changed)).edited).toBe(true);
    await data.routines.remove('standing-hip-twist');
    const reset = await data.routines.resetBuiltIn('standing-hip-twist');
    expect(reset).toMatchObject({ edited: false, builtinVersion: shipped('standing-hip-twist'), createdAt: original.createdAt });
    expect(reset.deletedAt).toBeUndefined();
    expect(reset.routine).toEqual(original.routine);
    await expect(data.routines.resetBuiltIn('my-routine')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('upgrades unedited built-ins to a newer shipped version, leaving edited ones, copies and user routines alone', async () => {
    const { data, factory } = await freshDb();
    const edited = structuredClone((await data.routines.get('seated-spinal-twist'))!.routine);
    edited.exercises[0].hold = 40;
    await data.routines.put(edited);
    const copy = await data.routines.duplicate('standing-hip-twist');
    await data.routines.put(routine('mine'));
    await data.routines.remove('knees-to-chest-twist');
    data.close();

    const v2: BuiltIn[] = BUILT_INS.map((b) => ({ version: b.version + 1, routine: { ...structuredClone(b.routine), summary: 'Version two.' } }));
    const next = await openUnknotDb({ factory, storage: null, builtIns: v2 });
    const byId = new Map((await next.routines.list({ includeDeleted: true })).map((r) => [r.routine.id, r]));
    expect(byId.get('standing-hip-twist')).toMatchObject({ builtinVersion: shipped('standing-hip-twist') + 1, edited: false, routine: { summary: 'Version two.' } });
    expect(byId.get('knees-to-chest-twist')).toMatchObject({ builtinVersion: shipped('knees-to-chest-twist') + 1, routine: { summary: 'Version two.' } });
    expect(byId.get('knees-to-chest-twist')?.deletedAt).toBeTypeOf('number'); // still deleted
    expect(byId.get('seated-spinal-twist')).toMatchObject({ builtinVersion: shipped('seated-spinal-twist'), edited: true });
    expect(byId.get('seated-spinal-twist')?.routine).toEqual(edited);
    expect(byId.get(copy.routine.id)?.routine).toEqual(copy.routine);
    expect(byId.get('mine')?.routine).toEqual(routine('mine'));
  });

  it('gives stored copies of the built-ins from before pictures (version 1) their pictures, unless the user edited them', async () => {
    const before: BuiltIn[] = BUILT_INS.map((b) => {
      const routine = structuredClone(b.routine);
      for (const ex of routine.exercises) delete ex.poses;
      return { version: 1, routine };
    });
    const { data, factory } = await freshDb({ builtIns: before });
    const edited = structuredClone((await data.routines.get('seated-spinal-twist'))!.routine);
    edited.exercises[0].hold = 40;
    await data.routines.put(edited);
    data.close();

    const now = await openUnknotDb({ factory, storage: null });
    const knees = (await now.routines.get('knees-to-chest-twist'))!;
    expect(knees.builtinVersion).toBeGreaterThan(1);
    expect(knees.routine.exercises[0].poses).toEqual({ setup: 'knees-to-chest', hold: 'knees-side' });
    expect((await now.routines.get('standing-hip-twist'))!.routine.exercises[0].poses?.hold).toBe('standing-twist-side');
    expect((await now.routines.get('seated-spinal-twist'))!.routine).toEqual(edited); // edited: left alone
  });
});
