/** Storage health and other tabs: a full disk, persistence, blocked / blocking / terminated. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forceCloseDatabase, IDBFactory } from 'fake-indexeddb';
import { DB_NAME, openUnknotDb, RELOAD_ADVICE, StorageFullError, type DataEvent } from '../../src/data';
import { openAt } from '../../src/data/db';
import { freshDb, routine, session, T0, DAY } from './support';
import { tinyDisk } from './tiny-disk';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe('a full disk', () => {
  it('refuses a write with a clear message and loses nothing stored', async () => {
    const { data } = await freshDb();
    await data.routines.put(routine('kept'));
    await data.sessions.add(session({ id: 'old' }));
    const before = await data.exportAll();
    const disk = await tinyDisk(200); // smaller than one routine
    restore = disk.restore;

    const error = await data.routines.put(routine('new-one')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toMatch(/no room left.*not saved.*Everything saved before is still there/);
    expect(disk.refused).toBe(1);
    disk.restore();
    expect(await data.exportAll()).toBe(before);
  });

  it('rolls back the part of a write that fit (a session’s plan without its session)', async () => {
    const { data } = await freshDb();
    const other = { ...routine('other'), exercises: [{ ...routine('other').exercises[0], hold: 44 }] };
    const disk = await tinyDisk(JSON.stringify({ id: 'other@x', routineId: 'other', routine: other }).length + 20);
    restore = disk.restore;
    await expect(data.sessions.add(session({ id: 'big', plan: other }))).rejects.toBeInstanceOf(StorageFullError);
    expect(disk.written).toBeGreaterThan(0); // the plan was written before the session did not fit
    disk.restore();
    expect(await data.sessions.get('big')).toBeUndefined();
    expect(JSON.parse(await data.exportAll()).plans).toEqual([]); // the plan that had fit is gone too
  });

  it('an import that runs out of room half-way changes nothing', async () => {
    const source = await freshDb();
    for (let i = 0; i < 50; i++) await source.data.sessions.add(session({ id: `s${i}`, startedAt: T0 + i * DAY }));
    const text = await source.data.exportAll();
    const { data } = await freshDb();
    await data.routines.put(routine('mine'));
    const before = await data.exportAll();
    const disk = await tinyDisk(text.length / 2);
    restore = disk.restore;
    await expect(data.importAll(text)).rejects.toBeInstanceOf(StorageFullError);
    expect(disk.written).toBeGreaterThan(0); // it really had started writing
    disk.restore();
    expect(await data.exportAll()).toBe(before);
  });
});

describe('persistence', () => {
  it('asks navigator.storage.persist() after the first save, not on load, and only once', async () => {
    const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => true) };
    const events: DataEvent[] = [];
    const { data } = await freshDb({ storage, onEvent: (e) => events.push(e) });
    await data.routines.list();
    await data.settings.get();
    expect(storage.persist).not.toHaveBeenCalled(); // seeding and reads are not the user's saves
    await data.routines.put(routine('first'));
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'first-save', persisted: true }));
    await data.settings.update({ voice: false });
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask again when already persisted', async () => {
    const storage = { persisted: vi.fn(async () => true), persist: vi.fn(async () => true) };
    const { data } = await freshDb({ storage });
    await data.routines.put(routine('first'));
    await vi.waitFor(() => expect(storage.persisted).toHaveBeenCalled());
    expect(storage.persist).not.toHaveBeenCalled();
  });
});

describe('other tabs', () => {
  it('blocking: an open app closes for a newer version and then asks to reload', async () => {
    const factory = new IDBFactory();
    const events: DataEvent[] = [];
    const old = await openUnknotDb({ factory, storage: null, version: 1, onEvent: (e) => events.push(e) });
    const newer = await openUnknotDb({ factory, storage: null }); // would wait forever if `old` stayed open
    expect(events).toEqual([{ type: 'blocking' }]);
    await expect(old.routines.list()).rejects.toThrow(RELOAD_ADVICE);
    expect((await newer.routines.list()).length).toBe(3);
  });

  it('blocked: told while an older tab that does not close holds the database', async () => {
    const factory = new IDBFactory();
    const stubborn = await openAt(factory, DB_NAME, 1); // an old app version with no versionchange handler
    const events: DataEvent[] = [];
    const opening = openUnknotDb({ factory, storage: null, onEvent: (e) => events.push(e) });
    await vi.waitFor(() => expect(events).toEqual([{ type: 'blocked' }]));
    stubborn.close();
    const data = await opening;
    expect((await data.routines.list()).length).toBe(3);
  });

  it('terminated: the browser closing the database is reported, and later calls ask to reload', async () => {
    const factory = new IDBFactory();
    let raw: IDBDatabase | undefined;
    const spy = Object.create(factory) as IDBFactory;
    spy.open = (name, version) => {
      const request = factory.open(name, version);
      request.addEventListener('success', () => (raw = request.result));
      return request;
    };
    const events: DataEvent[] = [];
    const data = await openUnknotDb({ factory: spy, storage: null, onEvent: (e) => events.push(e) });
    forceCloseDatabase(raw as never);
    await vi.waitFor(() => expect(events).toEqual([{ type: 'terminated' }]));
    await expect(data.sessions.list()).rejects.toThrow(RELOAD_ADVICE);
  });
});
