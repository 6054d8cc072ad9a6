import { expect, test } from 'vitest';
import { localClock, zonedInstant } from '../../src/history/index';
import { WATCH_LIMITS, watchLabel, watchSchedule } from '../../src/reminders/watch-schedule';

const TZ = 'Europe/Berlin';
const names = new Map([
  ['k', 'Lying knees-to-chest twist'],
  ['s', 'Seated spinal twist'],
]);

test('absolute instants across spring-forward, capped, with short ASCII labels', () => {
  const now = zonedInstant('2026-03-27', '12:00', TZ);
  const plan = watchSchedule(
    [
      { routineId: 'k', times: ['08:00', '13:00', '19:00'], enabled: true },
      { routineId: 's', times: ['02:30'], enabled: true },
      { routineId: 'off', times: ['09:00'], enabled: false },
    ],
    names,
    now,
    TZ,
  );
  expect(plan.labels).toEqual(['Lying knees-to', 'Seated spinal']);
  // 14 × 24 h from 12:00 CET ends at 13:00 CEST (the clocks went forward): 56 + the 13:00 on the last day.
  expect(plan.instants).toHaveLength(14 * 4 + 1);
  expect(plan.instants[0]).toEqual({ at: zonedInstant('2026-03-27', '13:00', TZ) / 1000, label: 0 });
  // The 02:30 on the spring-forward night is sent once, at 03:00 local.
  const seated = plan.instants.filter((i) => i.label === 1).map((i) => `${new Date(i.at * 1000).toISOString().slice(0, 10)} ${localClock(i.at * 1000, TZ)}`);
  expect(seated.slice(0, 3)).toEqual(['2026-03-28 02:30', '2026-03-29 03:00', '2026-03-30 02:30']);
  expect(plan.instants.every((x, i) => i === 0 || x.at > plan.instants[i - 1].at)).toBe(true);
  // Twelve times a day for two weeks is more than the watch keeps: the nearest 64.
  const many = watchSchedule([{ routineId: 'k', times: Array.from({ length: 12 }, (_, h) => `${String(h + 8).padStart(2, '0')}:00`), enabled: true }], names, now, TZ);
  expect(many.instants).toHaveLength(WATCH_LIMITS.instants);
});

test('labels: ASCII, trimmed at a word end', () => {
  expect(watchLabel('Ölé twist ✨')).toBe('Ole twist');
  expect(watchLabel('Seated spinal twist')).toBe('Seated spinal');
  expect(watchLabel('Supercalifragilistic')).toBe('Supercalifragi');
  expect(watchLabel('✨')).toBe('Routine');
});

test('two routines due the same minute ring once on the watch, for the first of them', () => {
  const now = zonedInstant('2026-11-25', '06:00', TZ);
  const plan = watchSchedule(
    [
      { routineId: 'k', times: ['08:00'], enabled: true },
      { routineId: 's', times: ['08:00', '09:00'], enabled: true },
    ],
    names,
    now,
    TZ,
  );
  expect(plan.instants.slice(0, 2)).toEqual([
    { at: zonedInstant('2026-11-25', '08:00', TZ) / 1000, label: 0 },
    { at: zonedInstant('2026-11-25', '09:00', TZ) / 1000, label: 1 },
  ]);
  expect(plan.instants).toHaveLength(28);
});
