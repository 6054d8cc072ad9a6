import { describe, expect, it } from 'vitest';
import { openUnknotDb } from '../../src/data';
import { eraseEverything } from '../../src/data/erase';
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
    expect(await eraseEverything(data, { storage })).toEqual({ watchReminders: 'no-watch' });
    expect(storage.map.size).toBe(0);
    await expect(data.sessions.list()).rejects.toThrow(/Reload/); // the old handle is closed
    const again = await openUnknotDb({ factory, storage: null });
    expect(await again.sessions.list()).toEqual([]);
    expect((await again.routines.list()).map((r) => r.routine.id).sort()).toEqual(['knees-to-chest-twist', 'seated-spinal-twist', 'standing-hip-twist']);
    const settings = await again.settings.get();
    expect([settings.patientName, settings.reminders]).toEqual([undefined, []]);
  });

  it('with a watch: the reminders are cleared first and the empty schedule sent, before the database goes', async () => {
    const { data } = await filled();
    const seen: unknown[] = [];
    const watch = { syncReminders: async () => (seen.push((await data.settings.get()).reminders), 0) };
    expect(await eraseEverything(data, { watch })).toEqual({ watchReminders: 'cleared' });
    expect(seen).toEqual([[]]);
  });

  it('a watch that fails to take the schedule does not stop the phone being cleared, and is reported', async () => {
    const { data, factory } = await filled();
    const watch = { syncReminders: () => Promise.reject(new Error('gone')) };
    expect(await eraseEverything(data, { watch })).toEqual({ watchReminders: 'failed' });
    const again = await openUnknotDb({ factory, storage: null });
    expect(await again.sessions.list()).toEqual([]);
  });
});
