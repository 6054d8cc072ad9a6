import { describe, expect, test } from 'vitest';
import type { Reminder } from '../../src/data/schema';
import { localClock, zonedInstant } from '../../src/history/index';
import { ReminderRunner, notifyReminder, type NotifyEnv, type Occurrence, type RunnerClock } from '../../src/reminders/index';

/** Wall clock with one-shot timers; `sleep` moves time without running timers (a suspended laptop). */
class FakeClock implements RunnerClock {
  private _timers: { id: number; at: number; fn: () => void }[] = [];
  private _id = 0;
  constructor(public t: number) {}
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    this._timers.push({ id: ++this._id, at: this.t + ms, fn });
    return this._id;
  };
  clearTimeout = (h: unknown) => {
    this._timers = this._timers.filter((x) => x.id !== h);
  };
  advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      const next = this._timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this._timers = this._timers.filter((x) => x !== next);
      this.t = next.at;
      next.fn();
    }
    this.t = end;
  }
  sleep(ms: number) {
    this.t += ms;
  }
  get pending() {
    return this._timers.length;
  }
}

const BERLIN = 'Europe/Berlin';
const H = 3_600_000;
const reminders: Reminder[] = [
  { routineId: 'k', times: ['08:00', '13:00', '19:00'], enabled: true },
  { routineId: 's', times: ['07:30'], enabled: true },
];

function setup(start: number, zone = { tz: BERLIN }) {
  const clock = new FakeClock(start);
  const fired: Occurrence[] = [];
  const runner = new ReminderRunner({ clock, timeZone: () => zone.tz, onDue: (o) => fired.push(o) });
  runner.set(reminders);
  runner.start();
  return { clock, fired, runner };
}

describe('the reminder runner', () => {
  test('snooze: the reminder comes back once, 10 minutes later; a second snooze replaces the first', () => {
    const { clock, fired, runner } = setup(zonedInstant('2026-05-04', '07:59', BERLIN));
    clock.advance(60_000 + 1000); // 08:00 fires
    expect(fired.map((o) => o.routineId)).toEqual(['k']);
    runner.snooze(fired[0]);
    expect(localClock(runner.next()!.at, BERLIN)).toBe('08:10');
    clock.advance(9 * 60_000);
    expect(fired).toHaveLength(1);
    clock.advance(60_000);
    expect(fired.map((o) => `${o.routineId} ${localClock(o.at, BERLIN)}`)).toEqual(['k 08:00', 'k 08:10']);
    runner.snooze(fired[1], 10 * 60_000);
    runner.snooze(fired[1], 20 * 60_000); // replaces: one repeat, at 08:30
    clock.advance(60 * 60_000);
    expect(fired.map((o) => localClock(o.at, BERLIN))).toEqual(['08:00', '08:10', '08:30']);
  });

  test('fires each reminder once, on time, over two days', () => {
    const { clock, fired } = setup(zonedInstant('2026-05-04', '06:00', BERLIN));
    clock.advance(48 * H);
    expect(fired.map((o) => `${o.day} ${o.routineId} ${localClock(o.at, BERLIN)}`)).toEqual([
      '2026-05-04 s 07:30',
      '2026-05-04 k 08:00',
      '2026-05-04 k 13:00',
      '2026-05-04 k 19:00',
      '2026-05-05 s 07:30',
      '2026-05-05 k 08:00',
      '2026-05-05 k 13:00',
      '2026-05-05 k 19:00',
    ]);
  });

  test('after a short sleep it fires the missed one late; after a long sleep it skips it', () => {
    const { clock, fired, runner } = setup(zonedInstant('2026-05-04', '07:50', BERLIN));
    clock.sleep(20 * 60_000); // wakes at 08:10: 08:00 is 10 minutes late, within grace
    runner.check();
    expect(fired.map((o) => o.time)).toEqual(['08:00']);
    clock.sleep(5 * H + 40 * 60_000); // wakes at 13:50: 13:00 is 50 minutes late
    runner.check();
    expect(fired.map((o) => o.time)).toEqual(['08:00']);
  });

  test('turning a reminder off stops it; stop() leaves no timer behind', () => {
    const { clock, fired, runner } = setup(zonedInstant('2026-05-04', '07:00', BERLIN));
    runner.set(reminders.map((r) => ({ ...r, enabled: r.routineId !== 'k' })));
    clock.advance(24 * H);
    expect(fired.map((o) => o.routineId)).toEqual(['s']);
    runner.stop();
    expect(clock.pending).toBe(0);
  });

  test('the clock set back an hour does not replay a reminder', () => {
    const { clock, fired, runner } = setup(zonedInstant('2026-05-04', '07:55', BERLIN));
    clock.advance(10 * 60_000);
    expect(fired).toHaveLength(1);
    clock.t -= H;
    clock.advance(70 * 60_000);
    expect(fired).toHaveLength(1);
    expect(runner.next()!.time).toBe('13:00');
  });

  test('a user who flies to New York gets 08:00 New York time', () => {
    const zone = { tz: BERLIN };
    const { clock, fired } = setup(zonedInstant('2026-05-04', '20:00', BERLIN), zone);
    zone.tz = 'America/New_York';
    clock.advance(24 * H);
    expect(fired.map((o) => `${o.routineId} ${localClock(o.at, 'America/New_York')}`)).toContain('k 08:00');
    expect(fired.every((o) => ['07:30', '08:00', '13:00', '19:00'].includes(localClock(o.at, 'America/New_York')))).toBe(true);
  });

  test('the spring-forward 02:30 reminder fires exactly once', () => {
    const clock = new FakeClock(zonedInstant('2026-03-28', '12:00', BERLIN));
    const fired: Occurrence[] = [];
    const runner = new ReminderRunner({ clock, timeZone: () => BERLIN, onDue: (o) => fired.push(o) });
    runner.set([{ routineId: 'k', times: ['02:30'], enabled: true }]);
    runner.start();
    clock.advance(24 * H);
    expect(fired.map((o) => localClock(o.at, BERLIN))).toEqual(['03:00']);
  });
});

describe('the notification path', () => {
  const reminder = { routineId: 'k', routineName: 'Knees', time: '08:00', at: 1 };
  const env = (permission: NotificationPermission | undefined, ready?: () => Promise<{ showNotification: ServiceWorkerRegistration['showNotification'] }>): NotifyEnv => ({
    permission: () => permission,
    ready: () => ready?.(),
  });

  test('granted with a service worker: one notification through the registration', async () => {
    const shown: [string, NotificationOptions | undefined][] = [];
    const result = await notifyReminder(env('granted', async () => ({ showNotification: async (t, o) => void shown.push([t, o]) })), reminder);
    expect(result).toBe('notified');
    expect(shown).toHaveLength(1);
    expect(shown[0][0]).toBe('Time for Knees');
    expect(shown[0][1]?.data).toEqual({ url: '/routine/k', reminder: { routineId: 'k', time: '08:00', at: 1 } });
    expect((shown[0][1] as { actions?: unknown }).actions).toEqual([{ action: 'snooze', title: 'Snooze 10 minutes' }]);
  });

  test('no permission, no service worker, a worker never ready, or a failure: banner only', async () => {
    expect(await notifyReminder(env('default'), reminder)).toBe('no-permission');
    expect(await notifyReminder(env(undefined), reminder)).toBe('no-permission');
    expect(await notifyReminder(env('granted'), reminder)).toBe('no-service-worker');
    expect(await notifyReminder(env('granted', () => new Promise(() => undefined)), reminder, 10)).toBe('no-service-worker');
    expect(await notifyReminder(env('granted', async () => ({ showNotification: async () => Promise.reject(new TypeError('x')) })), reminder)).toBe('failed');
  });
});
