import { describe, expect, it } from 'vitest';
import { openUnknotDb } from '../../src/data';
import { eraseEverything, erasedText } from '../../src/data/erase';
import { freshDb, routine, session } from './support';

function memoryStorage(entries: Record<string, string>) {
  const map = new Map(Object.entries(entries));
  return { map, clear: () => map.clear() };
}

async function filled() {
  const db = await freshDb();
  await db.data.routines.put(routine('mine'));
  await db.data.sessions.add(session({ id: 's1', note: 'private' }));
  await db.data.settings.update({ patientName: 'Ada', reminders: [{ routineId: 'mine', times: ['08:00'], enabled: true }] });
  return db;
}

describe('delete all my data', () => {
  it('deletes routines, sessions and settings; the app opens again as new, built-ins seeded', async () => {
    const { data, factory } = await filled();
    const storage = memoryStorage({ 'unknot-welcome': 'acknowledged', 'unknot.watch.plans': '[]' });
    expect(await eraseEverything(data, { storage })).toEqual({ watch: 'no-watch' });
    expect(storage.map.size).toBe(0);
    await expect(data.sessions.list()).rejects.toThrow(/Reload/); // the old handle is closed
    const again = await openUnknotDb({ factory, storage: null });
    expect(await again.sessions.list()).toEqual([]);
    expect((await again.routines.list()).map((r) => r.routine.id).sort()).toEqual(['knees-to-chest-twist', 'seated-spinal-twist', 'standing-hip-twist']);
    const settings = await again.settings.get();
    expect([settings.patientName, settings.reminders]).toEqual([undefined, []]);
  });

  it('with a watch: the reminders are cleared in the settings first, then the watch is wiped, before the database goes', async () => {
    const { data, factory } = await filled();
    const seen: unknown[] = [];
    const watch = {
      wipe: async () => {
        seen.push((await data.settings.get()).reminders, (await data.sessions.list()).length);
        return { loadedReplaced: true };
      },
    };
    const result = await eraseEverything(data, { watch });
    expect(result).toEqual({ watch: 'cleared' });
    expect(seen).toEqual([[], 1]); // reminders already empty, the database still there
    expect(erasedText(result)).toBe('All your data was deleted, on this phone and on the watch.');
    // Wiped during a session on the wrist: its routine stays loaded there, and the user is told.
    const running = { watch: 'cleared', watchKeepsRunning: true } as const;
    expect(erasedText(running)).toMatch(/on this phone and on the watch\. The routine running on the watch stays loaded on it/);
    const again = await openUnknotDb({ factory, storage: null });
    expect(await again.sessions.list()).toEqual([]);
  });

  it('a watch that fails to be wiped does not stop the phone being cleared, and the user is told why and what it keeps', async () => {
    const { data, factory } = await filled();
    const watch = { wipe: () => Promise.reject(new Error('The watch disconnected.')) };
    const result = await eraseEverything(data, { watch });
    expect(result).toEqual({ watch: 'failed', watchError: 'The watch disconnected.' });
    expect(erasedText(result)).toMatch(/could not be cleared \(The watch disconnected\.\): it keeps its own sessions.*Connect it here and delete again/);
    const again = await openUnknotDb({ factory, storage: null });
    expect(await again.sessions.list()).toEqual([]);
  });

  it('a watch paired but not connected: the phone is cleared and the user is told the watch keeps its data until it is connected and deleted again', async () => {
    const { data } = await filled();
    await data.settings.update({ watch: { id: 'w1', name: 'Bangle.js 1a2b' } });
    const result = await eraseEverything(data, { watch: null });
    expect(result).toEqual({ watch: 'not-connected' });
    expect(erasedText(result)).toMatch(/^All your data on this phone was deleted\. No watch is connected\. .*until you connect it here and delete again\.$/);
    expect(erasedText({ watch: 'no-watch' })).toBe('All your data was deleted.');
  });
});
