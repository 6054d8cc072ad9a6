import { describe, expect, test } from 'vitest';
import type { SessionRecord } from '../../src/data/schema';
import { adherence, addDays, groupByDay, painTrend, routinesByUse, streaks, zonedInstant } from '../../src/history/index';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const K2C = 'knees-to-chest-twist';
const SEATED = 'seated-spinal-twist';
const prescriptions = new Map([
  [K2C, 3],
  [SEATED, 1],
]);

let n = 0;
function session(at: number, routineId = K2C, extra: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: `s${++n}`,
    routineId,
    planId: `${routineId}@x`,
    startedAt: at,
    endedAt: at + 120_000,
    stepsDone: 10,
    totalSteps: 10,
    outcome: 'completed',
    source: 'phone',
    ...extra,
  };
}
const at = (day: string, time: string, zone = BERLIN) => zonedInstant(day, time, zone);

describe('days and done-against-prescribed', () => {
  test('counts completed sessions per routine per local day; stopped-early ones apart', () => {
    const days = groupByDay(
      [
        session(at('2026-05-04', '08:00')),
        session(at('2026-05-04', '13:00')),
        session(at('2026-05-04', '19:00')),
        session(at('2026-05-04', '07:30'), SEATED),
        session(at('2026-05-05', '08:00'), K2C, { outcome: 'stopped-early' }),
      ],
      BERLIN,
      prescriptions,
    );
    expect(days.get('2026-05-04')!.routines).toEqual([
      { routineId: K2C, done: 3, stopped: 0, prescribed: 3 },
      { routineId: SEATED, done: 1, stopped: 0, prescribed: 1 },
    ]);
    expect(days.get('2026-05-04')!.sessions.map((s) => s.routineId)[0]).toBe(SEATED); // oldest first
    expect(days.get('2026-05-05')!.routines).toEqual([{ routineId: K2C, done: 0, stopped: 1, prescribed: 3 }]);
  });

  test('a session at 23:59 and one at 00:01 are on two days', () => {
    const days = groupByDay([session(at('2026-05-04', '23:59')), session(at('2026-05-05', '00:01'))], BERLIN, prescriptions);
    expect([...days.keys()]).toEqual(['2026-05-04', '2026-05-05']);
    expect(streaks(days, '2026-05-05')).toEqual({ current: 2, longest: 2 });
  });
});

describe('streaks', () => {
  test('a daily 23:59 session across spring-forward and fall-back keeps the streak unbroken', () => {
    for (const [zone, spring, fall] of [
      [BERLIN, '2026-03-25', '2026-10-21'],
      [NEW_YORK, '2026-03-04', '2026-10-28'],
    ]) {
      for (const start of [spring, fall]) {
        const sessions = Array.from({ length: 10 }, (_, i) => session(at(addDays(start, i), '23:59', zone)));
        const days = groupByDay(sessions, zone, prescriptions);
        expect(days.size).toBe(10);
        expect(streaks(days, addDays(start, 9))).toEqual({ current: 10, longest: 10 });
      }
    }
  });

  test('a daily 00:01 session across the changes: one per day, none doubled or lost', () => {
    const start = '2026-03-26';
    const sessions = Array.from({ length: 7 }, (_, i) => session(at(addDays(start, i), '00:01')));
    const days = groupByDay(sessions, BERLIN, prescriptions);
    expect([...days.keys()]).toEqual(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
  });

  test('today without a session yet does not break the streak; a missed day does', () => {
    const sessions = ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-05', '2026-05-06'].map((d) => session(at(d, '09:00')));
    const days = groupByDay(sessions, BERLIN, prescriptions);
    expect(streaks(days, '2026-05-06')).toEqual({ current: 2, longest: 3 });
    expect(streaks(days, '2026-05-07')).toEqual({ current: 2, longest: 3 });
    expect(streaks(days, '2026-05-08')).toEqual({ current: 0, longest: 3 });
  });

  test('a day with only stopped-early sessions does not count', () => {
    const days = groupByDay(
      [session(at('2026-05-01', '09:00')), session(at('2026-05-02', '09:00'), K2C, { outcome: 'stopped-early' }), session(at('2026-05-03', '09:00'))],
      BERLIN,
      prescriptions,
    );
    expect(streaks(days, '2026-05-03')).toEqual({ current: 1, longest: 1 });
  });

  test('a user who moves from Berlin to New York: days follow the zone the history is viewed in', () => {
    // Three mornings in Berlin, then two mornings in New York: a streak of five either way.
    const sessions = [
      ...['2026-05-01', '2026-05-02', '2026-05-03'].map((d) => session(at(d, '08:00', BERLIN))),
      ...['2026-05-04', '2026-05-05'].map((d) => session(at(d, '08:00', NEW_YORK))),
    ];
    expect(streaks(groupByDay(sessions, NEW_YORK, prescriptions), '2026-05-05')).toEqual({ current: 5, longest: 5 });
    expect(streaks(groupByDay(sessions, BERLIN, prescriptions), '2026-05-05')).toEqual({ current: 5, longest: 5 });
    // A 00:30 Berlin session is 18:30 the evening before in New York: it moves to that day.
    const night = [session(at('2026-05-01', '08:00', BERLIN)), session(at('2026-05-02', '00:30', BERLIN))];
    expect([...groupByDay(night, BERLIN, prescriptions).keys()]).toEqual(['2026-05-01', '2026-05-02']);
    expect([...groupByDay(night, NEW_YORK, prescriptions).keys()]).toEqual(['2026-05-01']);
  });
});

describe('adherence over a period', () => {
  test('each day counts at most its prescription; days fully met are counted', () => {
    const sessions = [
      ...['08:00', '13:00', '19:00', '21:00'].map((t) => session(at('2026-05-01', t))), // 4 done, 3 count
      session(at('2026-05-02', '08:00')),
      session(at('2026-05-02', '09:00'), K2C, { outcome: 'stopped-early' }),
      session(at('2026-05-03', '07:30'), SEATED),
      session(at('2026-05-09', '08:00')), // outside the period
    ];
    const days = groupByDay(sessions, BERLIN, prescriptions);
    const [k2c, seated] = adherence(days, [K2C, SEATED], prescriptions, '2026-05-01', '2026-05-07');
    expect(k2c).toEqual({ routineId: K2C, days: 7, prescribed: 21, done: 4, completed: 5, stopped: 1, daysMet: 1, rate: 4 / 21 });
    expect(seated).toMatchObject({ prescribed: 7, done: 1, daysMet: 1, rate: 1 / 7 });
    expect(() => adherence(days, [K2C], prescriptions, '2026-05-07', '2026-05-01')).toThrow(/before the start/);
  });
});

describe('pain trend', () => {
  test('the routines by use: done most first, ties by the latest', () => {
    const s = (routineId: string, startedAt: number) => ({ routineId, startedAt });
    expect(routinesByUse([s('a', 1), s('b', 2), s('b', 3), s('c', 9), s('a', 4), s('c', 5)])).toEqual(['c', 'a', 'b']);
    expect(routinesByUse([s('a', 1), s('b', 2), s('b', 3)])).toEqual(['b', 'a']);
    expect(routinesByUse([])).toEqual([]);
  });

  test('means and drop over the sessions that have both values, so they add up', () => {
    const t = painTrend(K2C, [
      session(at('2026-05-02', '08:00'), K2C, { painBefore: 6, painAfter: 3 }),
      session(at('2026-05-01', '08:00'), K2C, { painBefore: 8, painAfter: 6 }),
      session(at('2026-05-03', '08:00'), K2C, { painBefore: 4 }),
      session(at('2026-05-03', '09:00'), K2C),
      session(at('2026-05-03', '10:00'), SEATED, { painBefore: 9, painAfter: 1 }),
    ]);
    expect(t.points.map((p) => p.before)).toEqual([8, 6, 4]);
    expect(t.meanBefore).toBe(7); // (8 + 6) / 2: the session rated only before is left out
    expect(t.meanAfter).toBe(4.5);
    expect(t.meanDrop).toBe(2.5);
    expect(t.meanBefore! - t.meanAfter!).toBe(t.meanDrop);
    expect(t.paired).toBe(2);
    expect(painTrend(SEATED, []).meanDrop).toBeNull();
  });
});
