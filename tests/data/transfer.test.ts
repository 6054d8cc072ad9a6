import { describe, expect, it } from 'vitest';
import { EXPORT_VERSION, ImportError, MAX_IMPORT_BYTES } from '../../src/data';
import { DAY, freshDb, routine, session, T0 } from './support';

/** A database with a bit of everything, and its export. */
async function filled() {
  const db = await freshDb();
  await db.data.routines.put(routine('mine'));
  await db.data.routines.duplicate('seated-spinal-twist');
  await db.data.routines.remove('standing-hip-twist');
  for (let i = 0; i < 5; i++) await db.data.sessions.add(session({ id: `s${i}`, startedAt: T0 + i * DAY, note: i === 2 ? 'stiff' : undefined }));
  await db.data.settings.update({ theme: 'dark', reminders: [{ routineId: 'mine', times: ['08:00'], enabled: true }] });
  return { ...db, text: await db.data.exportAll() };
}

// The tests reach into the parsed file freely, as a hand-edited file would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
const edit = (text: string, change: (file: Loose) => void) => {
  const file = JSON.parse(text) as Loose;
  change(file);
  return JSON.stringify(file);
};

describe('export', () => {
  it('writes one JSON document with format, version and every store', async () => {
    const { text, time } = await filled();
    const file = JSON.parse(text);
    expect(Object.keys(file)).toEqual(['format', 'version', 'exportedAt', 'routines', 'plans', 'sessions', 'settings']);
    expect(file).toMatchObject({ format: 'unknot-export', version: 3, exportedAt: time.now() });
    expect(file.routines).toHaveLength(5);
    expect(file.sessions).toHaveLength(5);
    expect(file.plans).toHaveLength(1);
    expect(file.settings.theme).toBe('dark');
  });
});

describe('import', () => {
  it('into an empty database gives identical data', async () => {
    const { text } = await filled();
    const { data } = await freshDb({ now: () => T0 + 7 * DAY });
    const result = await data.importAll(text);
    // The fresh database seeded the same built-ins a week later: their dates differ, so they are updated.
    expect(result).toEqual({
      added: 2 + 1 + 5,
      updated: 3,
      unchanged: 0,
      routines: { added: 2, updated: 3, unchanged: 0 },
      plans: { added: 1, updated: 0, unchanged: 0 },
      sessions: { added: 5, updated: 0, unchanged: 0 },
      settings: 'updated',
    });
    const withoutDate = (t: string) => ({ ...JSON.parse(t), exportedAt: 0 });
    expect(withoutDate(await data.exportAll())).toEqual(withoutDate(text));
  });

  it('carries the fields of a session saved as it happened (pauses, in progress, hidden-page cues)', async () => {
    const from = await freshDb();
    const saved = await from.data.sessions.save({
      ...session({ startedAt: T0, outcome: 'stopped-early', stepsDone: 3 }),
      id: 'live-1',
      pausedMs: 30_000,
      inProgress: true,
      hiddenCues: { hiddenMs: 9000, late: 1, missed: 2 },
    });
    const text = await from.data.exportAll();
    expect(JSON.parse(text).version).toBe(EXPORT_VERSION);
    const { data } = await freshDb();
    expect((await data.importAll(text)).sessions.added).toBe(1);
    expect(await data.sessions.get('live-1')).toEqual(saved);
    const bad = edit(text, (f) => (f.sessions[0].hiddenCues.missed = -1));
    await expect(data.importAll(bad)).rejects.toThrow('sessions[0].hiddenCues.missed: must be 0–1000000, got -1');
  });

  it('merges by id: again is all unchanged; edits update, new ones are added', async () => {
    const { data, text } = await filled();
    expect(await data.importAll(text)).toMatchObject({ added: 0, updated: 0, unchanged: 11, settings: 'unchanged' });
    const changed = edit(text, (f) => {
      f.sessions[0].note = 'edited elsewhere';
      f.sessions.push({ ...f.sessions[1], id: 'new-one', startedAt: T0 + 30 * DAY, endedAt: T0 + 30 * DAY + 1 });
    });
    expect(await data.importAll(changed)).toMatchObject({ added: 1, updated: 1, unchanged: 10, sessions: { added: 1, updated: 1, unchanged: 4 } });
    expect((await data.sessions.get('s0'))?.note).toBe('edited elsewhere');
    expect(await data.sessions.get('new-one')).toBeDefined();
  });

  const hostile = async (name: string, make: (text: string) => string, ...expected: string[]) => {
    it(`refuses ${name}, changing nothing`, async () => {
      const { data, text } = await filled();
      const error = await data.importAll(make(text)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      for (const part of expected) expect((error as Error).message).toContain(part);
      expect((error as Error).message).toMatch(/^Nothing was imported/);
      expect(await data.exportAll()).toBe(text);
    });
  };

  hostile('a file that is not JSON', () => '{"format": "unknot-export", oops', 'not valid JSON');
  hostile('another kind of JSON', () => '[1, 2]', 'not a JSON object');
  hostile('another format', (t) => edit(t, (f) => (f.format = 'other-app')), 'format is "other-app", expected "unknot-export"');
  hostile('a newer format version', (t) => edit(t, (f) => (f.version = 4)), 'unknown export version 4; this app reads versions 1–3. Update the app');
  hostile('a version that never existed', (t) => edit(t, (f) => (f.version = 0)), 'unknown export version 0; this app reads versions 1–3.');
  hostile('an unknown picture', (t) => edit(t, (f) => (f.routines[0].routine.exercises[0].poses = { hold: 'cartwheel' })), 'routines[0].routine.exercises[0].poses.hold: must name a picture of the pose set, got "cartwheel"');
  hostile('a flag that is not one', (t) => edit(t, (f) => (f.sessions[0].flag = 'sore')), 'sessions[0].flag: must be "pain-high" or "pain-rose"');
  hostile('an unknown feeling', (t) => edit(t, (f) => (f.sessions[0].felt = 'meh')), 'sessions[0].felt: must be "easier", "same" or "harder"');
  hostile('wrong types', (t) => edit(t, (f) => (f.sessions[3].startedAt = 'yesterday')), 'sessions[3].startedAt: must be a time in epoch milliseconds, got "yesterday"');
  hostile('a list that is not a list', (t) => edit(t, (f) => (f.sessions = {})), 'sessions: must be a list of sessions, got object');
  hostile('out-of-range pain', (t) => edit(t, (f) => (f.sessions[1].painAfter = 11)), 'sessions[1].painAfter: must be 0–10, got 11');
  hostile('an out-of-range hold', (t) => edit(t, (f) => (f.routines[0].routine.exercises[0].hold = 500)), 'routines[0].routine.exercises[0].hold: must be 1–120 s, got 500');
  hostile('a 100 KB string', (t) => edit(t, (f) => (f.sessions[2].note = 'x'.repeat(100 * 1024))), 'sessions[2].note: text of 102,400 characters is too long');
  hostile('a 100 KB string in an unknown place', (t) => edit(t, (f) => (f.junk = 'y'.repeat(100 * 1024))), 'junk: text of 102,400 characters is too long');
  hostile('a __proto__ key', (t) => t.replace('"routines":[{', '"routines":[{"__proto__":{"polluted":true},'), 'routines[0].__proto__: the key "__proto__" is not allowed');
  hostile('a constructor key', (t) => edit(t, (f) => (f.settings.constructor = { prototype: {} })), 'settings.constructor: the key "constructor" is not allowed');
  hostile('duplicate session ids', (t) => edit(t, (f) => f.sessions.push(f.sessions[1])), 'sessions[5].id: duplicate id "s1" (also at sessions[1])');
  hostile('duplicate routine ids', (t) => edit(t, (f) => f.routines.push(f.routines[0])), 'routines[5].id: duplicate id');
  hostile('an unknown field', (t) => edit(t, (f) => (f.sessions[4].mood = 'ok')), 'sessions[4].mood: unknown field');
  hostile('an unknown top-level field', (t) => edit(t, (f) => (f.extra = 1)), 'extra: unknown field');
  hostile('a missing field', (t) => edit(t, (f) => delete f.routines[1].createdAt), 'routines[1].createdAt: is required');
  hostile('a session whose plan is nowhere', (t) => edit(t, (f) => (f.sessions[0].planId = 'seated-spinal-twist@zzz')), 'sessions[0].planId: no plan "seated-spinal-twist@zzz"');
  hostile('a plan that contradicts the stored one', (t) => edit(t, (f) => (f.plans[0].routine.restBetween = 9)), 'is already stored with different content');
  hostile('a million empty sessions, by counting braces before parsing', (t) => edit(t, (f) => (f.sessions = Array.from({ length: 1_000_000 }, () => ({})))), 'the file holds more than 500,000 objects and lists; no Unknot export has that many');
  hostile('200,000 empty sessions, by their count before any other check', (t) => edit(t, (f) => (f.sessions = Array.from({ length: 200_000 }, () => ({})))), 'the file holds 200,000 sessions; this app imports at most 100,000');
  hostile('a nested list far longer than any we keep', (t) => edit(t, (f) => (f.routines[0].routine.exercises = Array.from({ length: 50_000 }, () => ({})))), 'routines[0].routine.exercises: a list of 50,000 items is too long (at most 1,000)');
  hostile('a session dated past what the app can store', (t) => edit(t, (f) => (f.sessions[0].startedAt = f.sessions[0].endedAt = 8.6e15)), 'sessions[0].startedAt: must be a date before the year 10000, got 8600000000000000');
  hostile('a number where a record belongs', (t) => edit(t, (f) => (f.sessions[2] = 5)), 'sessions[2]: must be an object, got 5');
  hostile('a number where a nested object belongs', (t) => edit(t, (f) => (f.routines[0].routine.prescription = 5)), 'routines[0].routine.prescription: must be an object, got 5');
  hostile('a hold of 1e309 (Infinity once parsed)', (t) => t.replace(/"hold":\d+/, '"hold":1e309'), 'hold: is too large: must be 1–120 s');
  hostile('a name of zero-width characters only', (t) => edit(t, (f) => (f.routines[0].routine.name = '\u200b\u200c\u2060\ufeff')), 'routines[0].routine.name: must contain a visible character');
  hostile('a name with a bidirectional override', (t) => edit(t, (f) => (f.routines[0].routine.exercises[0].name = 'Twist \u202Etfel')), 'routines[0].routine.exercises[0].name: must not contain text-direction control characters');
  hostile('a session ending before it starts', (t) => edit(t, (f) => (f.sessions[0].endedAt = 1)), 'sessions[0].endedAt: must not be before startedAt');

  it('carries the pictures of the positions, and reads a version-1 file (no pictures) by upgrading it', async () => {
    const { data, text } = await filled();
    const mine = (f: Loose) => f.routines.find((r: Loose) => r.routine.id === 'mine');
    const withPictures = edit(text, (f) => (mine(f).routine.exercises[0].poses = { setup: 'lying', hold: 'knees-side' }));
    expect(await data.importAll(withPictures)).toMatchObject({ routines: { updated: 1 } });
    expect((await data.routines.get('mine'))?.routine.exercises[0].poses).toEqual({ setup: 'lying', hold: 'knees-side' });
    expect(mine(JSON.parse(await data.exportAll())).routine.exercises[0].poses).toEqual({ setup: 'lying', hold: 'knees-side' });

    // An old file: version 1, written before pictures existed.
    const old = edit(text, (f) => {
      f.version = 1;
      for (const r of f.routines) for (const ex of r.routine.exercises) delete ex.poses;
      mine(f).routine.name = 'Mine, from an old phone';
    });
    expect(await data.importAll(old)).toMatchObject({ routines: { updated: 5 } }); // every routine lost its pictures
    const imported = await data.routines.get('mine');
    expect(imported?.routine.name).toBe('Mine, from an old phone');
    expect(imported?.routine.exercises[0].poses).toBeUndefined();
  });

  it('refuses a file over 10 MB before parsing it', async () => {
    const { data, text } = await filled();
    const big = `${' '.repeat(MAX_IMPORT_BYTES)}${text}`; // valid JSON, just too big
    await expect(data.importAll(big)).rejects.toThrow(/the file is 10\.0 MB; the limit is 10 MB/);
    const multiByte = `"${'é'.repeat(MAX_IMPORT_BYTES / 2 + 1)}"`; // 5 M characters, 10 MB in UTF-8
    await expect(data.importAll(multiByte)).rejects.toThrow(/limit is 10 MB/);
    expect(await data.exportAll()).toBe(text);
  });

  it('stops checking after the first dozen problems: 100,000 broken records are refused after a dozen checks', async () => {
    const { data, text } = await filled();
    const broken = edit(text, (f) => (f.sessions = Array.from({ length: 100_000 }, () => ({ id: 1 }))));
    const error = (await data.importAll(broken).catch((e: unknown) => e)) as ImportError;
    expect(error.problems).toHaveLength(13);
    expect(error.problems[0]).toBe('sessions[0].id: must be text, got 1');
    expect(error.problems.at(-1)).toBe('…checking stopped here: there may be more problems');
    expect(await data.exportAll()).toBe(text);
  });

  it('lists at most a dozen problems, and says how many more', async () => {
    const { data, text } = await filled();
    const many = edit(text, (f) => {
      for (let i = 0; i < 30; i++) f.sessions.push({ ...f.sessions[0] });
    });
    const error = (await data.importAll(many).catch((e: unknown) => e)) as ImportError;
    expect(error.problems).toHaveLength(13);
    expect(error.problems.at(-1)).toBe('…and 18 more problems');
  });
});
