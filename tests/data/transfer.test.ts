import { describe, expect, it } from 'vitest';
import { ImportError, MAX_IMPORT_BYTES } from '../../src/data';
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
    expect(file).toMatchObject({ format: 'unknot-export', version: 1, exportedAt: time.now() });
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
  hostile('an unknown format version', (t) => edit(t, (f) => (f.version = 2)), 'unknown export version 2; this app reads version 1. Update the app');
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
