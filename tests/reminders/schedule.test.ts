import { describe, expect, test } from 'vitest';
import type { Reminder } from '../../src/data/schema';
import { localClock, zonedInstant } from '../../src/history/index';
import { SEED_REMINDERS, liveReminders, nextDue, nextFreeTime, normaliseTimes, putReminder, reminderFor, occurrences, suggestTimes, withSeedReminders } from '../../src/reminders/index';
import { BUILT_INS } from '../../src/routine/index';
import { freshDb, routine } from '../data/support';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const on = (routineId: string, ...times: string[]): Reminder => ({ routineId, times, enabled: true });

describe('defaults', () => {
  test('knees-to-chest three times a day at 08:00, 13:00, 19:00; the seated twist every morning at 07:30; off until turned on', () => {
    const ids = BUILT_INS.map((b) => b.routine.id);
    const r = withSeedReminders([], ids);
    expect(r).toEqual([
      { routineId: 'knees-to-chest-twist', times: ['08:00', '13:00', '19:00'], enabled: false },
      { routineId: 'seated-spinal-twist', times: ['07:30'], enabled: false },
    ]);
    // The seed agrees with the routines' own prescriptions.
    for (const seed of SEED_REMINDERS) {
      expect(seed.times).toHaveLength(BUILT_INS.find((b) => b.routine.id === seed.routineId)!.routine.prescription.timesPerDay);
    }
  });

  test('a stored reminder wins over the seed, and the seed only covers routines that exist', () => {
    const stored = [{ routineId: 'knees-to-chest-twist', times: ['09:15'], enabled: true }];
    expect(withSeedReminders(stored, ['knees-to-chest-twist'])).toEqual(stored);
  });

  test('reminderFor: stored, else seed, else suggested from the prescription', () => {
    const [k2c, seated, standing] = BUILT_INS.map((b) => b.routine);
    expect(reminderFor(k2c, [])).toEqual(SEED_REMINDERS[0]);
    expect(reminderFor(seated, [on('seated-spinal-twist', '06:00')])).toEqual(on('seated-spinal-twist', '06:00'));
    expect(reminderFor(standing, [])).toEqual({ routineId: standing.id, times: ['08:00'], enabled: false });
  });

  test('suggested times follow the prescription', () => {
    expect(suggestTimes({ timesPerDay: 3, when: 'any' })).toEqual(['08:00', '13:30', '19:00']);
    expect(suggestTimes({ timesPerDay: 1, when: 'morning' })).toEqual(['07:30']);
    expect(suggestTimes({ timesPerDay: 1, when: 'evening' })).toEqual(['19:00']);
    expect(suggestTimes({ timesPerDay: 2, when: 'morning' })).toEqual(['07:00', '11:00']);
  });

  test('times are sorted, de-duplicated, and a bad one is named', () => {
    expect(normaliseTimes(['19:00', '08:00', '19:00'])).toEqual(['08:00', '19:00']);
    expect(() => normaliseTimes(['08:00', '8:00'])).toThrow(/"8:00"/);
  });
});

describe('next due', () => {
  test('the next of several times, and tomorrow after the last', () => {
    const r = [on('k', '08:00', '13:00', '19:00'), on('s', '07:30')];
    const next = (day: string, time: string) => nextDue(r, zonedInstant(day, time, BERLIN), BERLIN);
    expect(next('2026-05-04', '07:00')).toMatchObject({ routineId: 's', time: '07:30', at: zonedInstant('2026-05-04', '07:30', BERLIN) });
    expect(next('2026-05-04', '07:30')).toMatchObject({ routineId: 'k', time: '08:00' }); // strictly after
    expect(next('2026-05-04', '19:00')).toMatchObject({ routineId: 's', day: '2026-05-05', time: '07:30' });
  });

  test('nothing when every reminder is off or empty', () => {
    expect(nextDue([{ routineId: 'k', times: ['08:00'], enabled: false }, on('s')], 0, BERLIN)).toBeNull();
  });

  test('the same 08:00 is a different instant in another zone', () => {
    const after = Date.UTC(2026, 4, 4, 0, 0);
    expect(nextDue([on('k', '08:00')], after, BERLIN)!.at).toBe(Date.UTC(2026, 4, 4, 6, 0));
    expect(nextDue([on('k', '08:00')], after, NEW_YORK)!.at).toBe(Date.UTC(2026, 4, 4, 12, 0));
  });

  test('spring forward: a 02:30 reminder fires once, at 03:00, and is back to 02:30 the day after', () => {
    for (const [zone, day, next] of [
      [BERLIN, '2026-03-29', '2026-03-30'],
      [NEW_YORK, '2026-03-08', '2026-03-09'],
    ]) {
      const from = zonedInstant(day, '00:00', zone);
      const to = zonedInstant(next, '23:59', zone);
      const hits = occurrences([on('k', '02:30')], from, to, zone);
      expect(hits.map((h) => `${h.day} ${localClock(h.at, zone)}`)).toEqual([`${day} 03:00`, `${next} 02:30`]);
    }
  });

  test('fall back: a 02:30 (Berlin) or 01:30 (New York) reminder fires once, the first time', () => {
    for (const [zone, day, time] of [
      [BERLIN, '2026-10-25', '02:30'],
      [NEW_YORK, '2026-11-01', '01:30'],
    ]) {
      const hits = occurrences([on('k', time)], zonedInstant(day, '00:00', zone), zonedInstant(day, '23:59', zone), zone);
      expect(hits).toHaveLength(1);
      expect(hits[0].at).toBe(zonedInstant(day, time, zone));
      // Asking again from between the two 02:30s gives tomorrow, not the repeat.
      expect(nextDue([on('k', time)], hits[0].at + 30 * 60_000, zone)!.day).not.toBe(day);
    }
  });

  test('a week of reminders across the change: exactly one per time per day', () => {
    const from = zonedInstant('2026-03-26', '00:00', BERLIN);
    const to = zonedInstant('2026-04-01', '23:59', BERLIN);
    const hits = occurrences([on('k', '08:00', '13:00', '19:00'), on('s', '07:30')], from, to, BERLIN);
    expect(hits).toHaveLength(7 * 4);
    expect(new Set(hits.map((h) => localClock(h.at, BERLIN)))).toEqual(new Set(['07:30', '08:00', '13:00', '19:00']));
  });
});

describe('editing', () => {
  test('putReminder replaces the routine’s reminder or adds one, with normalised times', () => {
    const list = [on('a', '08:00'), on('b', '09:00')];
    expect(putReminder(list, on('b', '21:00', '07:00', '07:00'))).toEqual([on('a', '08:00'), on('b', '07:00', '21:00')]);
    expect(putReminder(list, on('c', '10:00'))).toHaveLength(3);
    expect(() => putReminder(list, on('c', '25:00'))).toThrow(/"25:00"/);
  });

  test('nextFreeTime offers an hour after the last, wrapping past midnight, never a duplicate', () => {
    expect(nextFreeTime([])).toBe('08:00');
    expect(nextFreeTime(['08:00', '13:00'])).toBe('14:00');
    expect(nextFreeTime(['23:30'])).toBe('00:30');
    expect(nextFreeTime(['07:00', '08:00'])).toBe('09:00');
    expect(nextFreeTime(['09:00', '08:00'])).toBe('10:00');
  });
});

describe('liveReminders', () => {
  test('the reminders of routines that exist, with their names, read by id: a deleted routine’s reminder stays stored but does not ring', async () => {
    const { data } = await freshDb();
    await data.routines.put(routine('mine', { name: 'Mine' }));
    await data.routines.put(routine('gone', { name: 'Gone' }));
    await data.routines.remove('gone');
    const reminders = [on('mine', '08:00'), on('gone', '09:00'), on('never-was', '10:00'), on('knees-to-chest-twist', '11:00')];
    await data.settings.update({ reminders });
    const asked: string[] = [];
    const live = await liveReminders({ settings: data.settings, routines: { get: (id) => (asked.push(id), data.routines.get(id)) } });
    expect(live.reminders.map((r) => r.routineId)).toEqual(['mine', 'knees-to-chest-twist']);
    expect([...live.names]).toEqual([
      ['mine', 'Mine'],
      ['knees-to-chest-twist', 'Lying knees-to-chest twist'],
    ]);
    expect(asked.sort()).toEqual(['gone', 'knees-to-chest-twist', 'mine', 'never-was']); // those with a reminder, not the library
    expect((await data.settings.get()).reminders).toEqual(reminders);
  });
});
