import { describe, expect, test } from 'vitest';
import { addDays, dayNumber, localClock, localDay, monthGrid, startOfDay, weekday, zonedInstant } from '../../src/history/index';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const H = 3_600_000;

describe('local days', () => {
  test('23:59 and 00:01 fall on different local days, whatever UTC says', () => {
    const late = zonedInstant('2026-03-28', '23:59', BERLIN);
    expect(late).toBe(Date.UTC(2026, 2, 28, 22, 59));
    expect(localDay(late, BERLIN)).toBe('2026-03-28');
    expect(localDay(late + 2 * 60_000, BERLIN)).toBe('2026-03-29');
    // The same two instants in New York are both still the afternoon of the 28th.
    expect(localDay(late, NEW_YORK)).toBe('2026-03-28');
    expect(localDay(late + 2 * 60_000, NEW_YORK)).toBe('2026-03-28');
  });

  test('a spring-forward day is 23 hours long and a fall-back day 25, in both zones', () => {
    expect(startOfDay('2026-03-30', BERLIN) - startOfDay('2026-03-29', BERLIN)).toBe(23 * H);
    expect(startOfDay('2026-10-26', BERLIN) - startOfDay('2026-10-25', BERLIN)).toBe(25 * H);
    expect(startOfDay('2026-03-09', NEW_YORK) - startOfDay('2026-03-08', NEW_YORK)).toBe(23 * H);
    expect(startOfDay('2026-11-02', NEW_YORK) - startOfDay('2026-11-01', NEW_YORK)).toBe(25 * H);
    expect(startOfDay('2026-06-02', NEW_YORK) - startOfDay('2026-06-01', NEW_YORK)).toBe(24 * H);
  });

  test('a wall time skipped by spring-forward resolves to the first time after the jump', () => {
    // Berlin: 02:00 CET jumps to 03:00 CEST at 01:00 UTC.
    expect(zonedInstant('2026-03-29', '02:30', BERLIN)).toBe(Date.UTC(2026, 2, 29, 1, 0));
    expect(localClock(zonedInstant('2026-03-29', '02:30', BERLIN), BERLIN)).toBe('03:00');
    // New York: 02:00 EST jumps to 03:00 EDT at 07:00 UTC.
    expect(zonedInstant('2026-03-08', '02:30', NEW_YORK)).toBe(Date.UTC(2026, 2, 8, 7, 0));
    // Times either side of the gap are untouched.
    expect(zonedInstant('2026-03-29', '01:59', BERLIN)).toBe(Date.UTC(2026, 2, 29, 0, 59));
    expect(zonedInstant('2026-03-29', '03:00', BERLIN)).toBe(Date.UTC(2026, 2, 29, 1, 0));
  });

  test('a wall time that happens twice on fall-back day resolves to the first', () => {
    expect(zonedInstant('2026-10-25', '02:30', BERLIN)).toBe(Date.UTC(2026, 9, 25, 0, 30)); // CEST, +2
    expect(zonedInstant('2026-11-01', '01:30', NEW_YORK)).toBe(Date.UTC(2026, 10, 1, 5, 30)); // EDT, -4
  });

  test('calendar arithmetic on day keys', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(weekday('2026-03-29')).toBe(6); // a Sunday
    expect(weekday('2026-03-30')).toBe(0); // a Monday
  });

  test('a bad time or zone gets a clear error', () => {
    expect(() => zonedInstant('2026-03-29', '24:00', BERLIN)).toThrow(/time "24:00"/);
    expect(() => localDay(0, 'Mars/Olympus')).toThrow(RangeError);
  });

  test('a month grid covers whole Monday-to-Sunday weeks', () => {
    const grid = monthGrid(2026, 3); // March 2026 starts on a Sunday
    expect(grid[0]).toEqual({ day: '2026-02-23', inMonth: false });
    expect(grid.length % 7).toBe(0);
    expect(grid.filter((c) => c.inMonth).map((c) => c.day)).toHaveLength(31);
    expect(grid.at(-1)!.day).toBe('2026-04-05');
    expect(monthGrid(2026, 12).filter((c) => c.inMonth).at(-1)!.day).toBe('2026-12-31');
  });
});

describe('the fast wall time agrees with Intl itself', () => {
  test('every 37 minutes over two years, in zones with odd offsets and odd rules', async () => {
    const { wallTime, wallTimeExact } = await import('../../src/history/local-time');
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago', 'Africa/Casablanca', 'Pacific/Chatham', 'UTC'];
    const from = Date.UTC(2025, 0, 1, 0, 7, 13);
    let checked = 0;
    for (const zone of zones) {
      for (let t = from; t < from + 2 * 365 * 86_400_000; t += 37 * 60_000 + 17) {
        const fast = wallTime(t, zone);
        const exact = wallTimeExact(t, zone);
        if (fast.hour !== exact.hour || fast.minute !== exact.minute || fast.day !== exact.day || fast.second !== exact.second) {
          throw new Error(`${zone} at ${new Date(t).toISOString()}: fast ${JSON.stringify(fast)} vs exact ${JSON.stringify(exact)}`);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(8 * 28_000);
  });
});
