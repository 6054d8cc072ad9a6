/**
 * Version 3 → 4 from a database that the OLD app really wrote in Chromium (not one built by
 * today's code): fixtures/chromium-v3.json is the dump, store by store with its key paths and
 * indexes, of the database the build of commit 7545e64 (main before issue 14) wrote in headless
 * Chromium when driven through its own UI: an import of a version-1 export and one session played
 * on the phone. fixtures/make-chromium-v3.ts made it and says how to make it again.
 *
 * Here the dump is rebuilt with the plain IndexedDB API (none of our upgrade code) at version 3
 * in fake-indexeddb, then opened by today's openUnknotDb.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { DB_VERSION, EXPORT_VERSION, openUnknotDb, type SessionRecord } from '../../src/data';
import { statsOf } from '../../src/data/summaries';

interface Dump {
  name: string;
  version: number;
  stores: { name: string; keyPath: string | string[] | null; indexes: { name: string; keyPath: string | string[] }[]; keys?: IDBValidKey[]; records: unknown[] }[];
}
const dump = JSON.parse(readFileSync(resolve(import.meta.dirname, 'fixtures/chromium-v3.json'), 'utf8')) as Dump;
const oldSessions = dump.stores.find((s) => s.name === 'sessions')!.records as SessionRecord[];

function rebuild(factory: IDBFactory): Promise<void> {
  return new Promise((done, fail) => {
    const request = factory.open(dump.name, dump.version);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const s of dump.stores) {
        const store = db.createObjectStore(s.name, s.keyPath === null ? undefined : { keyPath: s.keyPath });
        for (const index of s.indexes) store.createIndex(index.name, index.keyPath);
        s.records.forEach((record, i) => (s.keys ? store.put(record, s.keys[i]) : store.put(record)));
      }
    };
    request.onsuccess = () => (request.result.close(), done());
    request.onerror = () => fail(request.error);
  });
}

async function opened() {
  const factory = new IDBFactory();
  await rebuild(factory);
  return openUnknotDb({ factory, storage: null });
}

describe('v3 database written by the previous build in Chromium → v4', () => {
  it('the fixture is what it says: a version-3 database with sessions, notes and settings', () => {
    expect(dump.version).toBe(3);
    expect(DB_VERSION).toBe(4);
    expect(oldSessions).toHaveLength(5);
    expect(oldSessions.some((s) => 'flag' in s || 'felt' in s)).toBe(false);
  });

  it('keeps every session as it was, adding a flag where pain rose by 2 or more or ended at 8 or more', async () => {
    const data = await opened();
    const sessions = await data.sessions.list();
    expect(sessions).toHaveLength(oldSessions.length);
    const byId = new Map(sessions.map((s) => [s.id, s]));
    for (const old of oldSessions) {
      const { flag, ...rest } = byId.get(old.id)!;
      expect(rest).toEqual(old);
      const expected = old.painAfter === undefined ? undefined : old.painAfter >= 8 ? 'pain-high' : old.painBefore !== undefined && old.painAfter - old.painBefore >= 2 ? 'pain-rose' : undefined;
      expect(flag).toBe(expected);
    }
    expect(byId.get('old-b')!.flag).toBe('pain-rose');
    expect(byId.get('old-c')!.flag).toBe('pain-high');
    expect(byId.get('old-a')!.flag).toBeUndefined();
    const played = sessions.find((s) => s.source === 'phone' && s.routineId === 'standing-hip-twist')!;
    expect([played.painBefore, played.painAfter, played.flag]).toEqual([4, 7, 'pain-rose']);
    data.close();
  });

  it('keeps the settings, routines, plans and statistics', async () => {
    const data = await opened();
    const settings = await data.settings.get();
    expect(settings.theme).toBe('dark');
    expect(settings.reminders).toEqual([{ routineId: 'seated-spinal-twist', times: ['08:00', '19:30'], enabled: true }]);
    expect((await data.routines.list()).map((r) => r.routine.id).sort()).toEqual(['knees-to-chest-twist', 'seated-spinal-twist', 'standing-hip-twist']);
    const sessions = await data.sessions.list();
    for (const s of sessions) expect(await data.sessions.plan(s.planId)).toBeDefined();
    const own = sessions.filter((s) => s.routineId === 'seated-spinal-twist');
    expect(await data.sessions.stats('seated-spinal-twist')).toEqual(statsOf('seated-spinal-twist', own));
    data.close();
  });

  it('the migrated sessions take notes, "how it felt" and corrections, and export in the current version', async () => {
    const data = await opened();
    const amended = await data.sessions.amend('old-c', { painAfter: 5, note: 'Wrote 9 by mistake.', felt: 'same' });
    expect(amended).toMatchObject({ painBefore: 5, painAfter: 5, note: 'Wrote 9 by mistake.', felt: 'same' });
    expect(amended.flag).toBeUndefined(); // corrected scores: no longer flagged
    const file = JSON.parse(await data.exportAll());
    expect(file.version).toBe(EXPORT_VERSION);
    expect(file.sessions.find((s: SessionRecord) => s.id === 'old-b')).toMatchObject({ flag: 'pain-rose', note: 'Sharp on the left side.' });
    data.close();
  });
});
