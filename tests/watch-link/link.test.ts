/**
 * The watch link against the REAL built watch module (Espruino double, fake watch clock) through
 * a fake Web Bluetooth device: pairing, plan upload, commands, the status mirror, reconnecting
 * after drops, and the log reaching history exactly once.
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BUILT_INS, compile, type Routine } from '../../src/routine';
import { openUnknotDb, type UnknotData } from '../../src/data';
import { CUE, ERR, PROTOCOL_VERSION, STATE, encodePlan, statusFrame } from '../../watch/protocol';
import { MODULE_VERSION } from '../../watch/version';
import { WatchLink, mirrorSnapshot, watchCues, sessionIdOf } from '../../src/watch-link';
import { EspruinoDouble, builtWatch } from '../watch/espruino-double';
import { expectedBuzzes } from '../watch/expected';
import { FakeDevice, fakeBluetooth } from './fake-bluetooth';
import { scheduleForWatch } from '../../src/reminders/watch-schedule';

let files: { app: string; boot: string };
/** The largest built-in routine, by plan bytes. */
let routine: Routine;

beforeAll(async () => {
  files = await builtWatch();
  routine = [...BUILT_INS].map((b) => b.routine).sort((a, b) => encodePlan(compile(b)).length - encodePlan(compile(a)).length)[0];
});

async function setup(opts: { data?: boolean } = {}) {
  const watch = new EspruinoDouble().boot(files);
  const device = new FakeDevice('Bangle.js 7a1c', watch);
  // The phone's clock reads the watch's: the logged sessions stay plausible (not "older than 90
  // days") whatever the date the tests run on, since the double's clock starts at a fixed date.
  const link = new WatchLink(fakeBluetooth(device), { backoffMs: [5, 10, 20], replyTimeoutMs: 300, wallClock: () => watch.now() });
  let data: UnknotData | undefined;
  if (opts.data !== false) {
    data = await openUnknotDb({ factory: new IDBFactory(), storage: null });
    link.data = data;
  }
  return { watch, device, link, data };
}

const logFiles = (w: EspruinoDouble) => [...w.files.keys()].filter((n) => n.startsWith('unknot.log.'));

describe('pairing and commands', () => {
  it('pairs, remembers the watch, says hello, sends the cue settings and mirrors the status', async () => {
    const { watch, link, data } = await setup();
    expect(await link.pair()).toBe(true);
    expect(link.state).toBe('connected');
    expect(link.kind).toBe('unknot');
    expect(link.hello).toMatchObject({ protocol: PROTOCOL_VERSION, module: MODULE_VERSION });
    expect(link.status).toMatchObject({ state: STATE.IDLE, battery: 87 });
    expect((await data!.settings.get()).watch).toEqual({ id: 'fake-bangle', name: 'Bangle.js 7a1c' });
    // The settings' cue patterns reached the watch's storage.
    expect(JSON.parse(watch.files.get('unknot.json')!).cues).toEqual(watchCues(await data!.settings.get()));
  });

  it('a cancelled chooser is not an error and connects nothing', async () => {
    const link = new WatchLink(fakeBluetooth(null));
    expect(await link.pair()).toBe(false);
    expect(link.state).toBe('disconnected');
    expect(link.error).toBeNull();
  });

  it('no adapter (Bluetooth off) is an error in words, not a silent cancel', async () => {
    const link = new WatchLink(fakeBluetooth(null, true));
    await expect(link.pair()).rejects.toThrow(/adapter not available/);
    expect(link.error).toMatch(/Is Bluetooth on\?/);
  });

  it('serialises every GATT operation: never two in flight', async () => {
    const { device, link } = await setup();
    await link.pair();
    await Promise.all([link.uploadPlan(routine), link.testCue(CUE.HOLD_START), link.requestStatus(), link.testCue(CUE.DONE)]);
    expect(device.chars.map((c) => c.maxInFlight)).toEqual([1, 0]);
  });

  it('uploads the largest built-in in 20-byte writes, then skips a re-upload of the same plan', async () => {
    const { device, link } = await setup();
    await link.pair();
    const before = device.chars[0].writes.length;
    const up = await link.uploadPlan(routine);
    expect(up.skipped).toBe(false);
    const writes = device.chars[0].writes.slice(before);
    expect(writes).toHaveLength(up.writes);
    expect(writes.every((w) => w.bytes.length <= 20)).toBe(true);
    expect(writes.filter((w) => !w.withResponse)).toHaveLength(up.writes - 2); // chunks without response
    expect(link.status).toMatchObject({ state: STATE.LOADED, planId: up.planId });
    expect((await link.uploadPlan(routine)).skipped).toBe(true);
  });

  it('a watch error reaches the caller as words, and nothing crashes', async () => {
    const { link } = await setup();
    await link.pair();
    await expect(link.pause()).rejects.toThrow(/not possible in its current state/);
    expect(link.error).toMatch(/not possible/);
    await expect(link.start(0xdeadbeef)).rejects.toMatchObject({ code: ERR.NO_PLAN });
  });

  it('a damaged status notification is reported and ignored; the mirror keeps the last good status', async () => {
    const { device, link } = await setup();
    await link.pair();
    const good = link.status;
    const bad = statusFrame({ state: STATE.RUNNING, error: 0, re: 0, step: 3, msInStep: 0, planId: 1, battery: 50 });
    bad[6] ^= 0xff;
    device.status!.notify(bad);
    expect(link.status).toBe(good);
    expect(link.error).toMatch(/damaged message.*checksum/);
    await link.requestStatus(); // still working
    expect(link.error).toBeNull();
  });
});

describe('a session on the watch, with drops', () => {
  it('cues fire on the wrist at plan times through 3 drops; the log reaches history exactly once', async () => {
    const { watch, device, link, data } = await setup();
    await link.pair();
    const timeline = compile(routine);
    const up = await link.uploadPlan(routine);
    const t0 = watch.now();
    await link.start(up.planId);
    // Run, dropping the radio three times; the phone reconnects on its own each time.
    const slice = Math.floor(timeline.totalMs / 4);
    for (let i = 0; i < 3; i++) {
      watch.advance(slice / 2);
      device.drop();
      expect(link.state).toBe('reconnecting');
      watch.advance(slice / 2); // cues keep firing while the phone is away
      await vi.waitFor(() => expect(link.state).toBe('connected'));
      // Resynced: the mirror shows the step the watch is in now.
      const seg = timeline.segments.findLast((s) => s.startMs <= watch.now() - t0)!;
      await vi.waitFor(() => expect(link.status).toMatchObject({ state: STATE.RUNNING, step: seg.index }));
      const snap = mirrorSnapshot(timeline, link.status!, link.statusAt, link.statusAt);
      expect(snap.segment.index).toBe(seg.index);
    }
    watch.advance(timeline.totalMs);
    device.flush();
    await vi.waitFor(() => expect(link.status?.state).toBe(STATE.DONE));
    expect(watch.buzzes).toEqual(expectedBuzzes(timeline, t0, watchCues(await data!.settings.get())));
    // The DONE notification does not sync by itself: the next connect does (and a sync call).
    await link.syncLog();
    const sessions = await data!.sessions.list();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ source: 'watch', outcome: 'completed', routineId: routine.id, totalSteps: timeline.segments.length });
    expect(logFiles(watch)).toEqual([]);
    // Another drop and reconnect: nothing new, nothing doubled.
    device.drop();
    await vi.waitFor(() => expect(link.state).toBe('connected'));
    await link.syncLog();
    expect(await data!.sessions.list()).toHaveLength(1);
  });

  it('a write that never settles does not wedge the link: past the deadline it drops the connection and reconnects', async () => {
    const { device, link } = await setup();
    await link.pair();
    const connects: string[] = [];
    device.addEventListener('gattserverdisconnected', () => connects.push('dropped'));
    device.hangWrites = 1;
    await expect(link.requestStatus()).rejects.toThrow(/did not answer in time|stalled/);
    await vi.waitFor(() => expect(connects).toEqual(['dropped']));
    await vi.waitFor(() => expect(link.state).toBe('connected'));
    expect(await link.requestStatus()).toMatchObject({ state: STATE.IDLE });
  });

  it('a write that hangs in the resync after a drop: the next drop still reconnects', async () => {
    const { device, link } = await setup();
    await link.pair();
    device.hangWrites = 1; // the first write of the resync (HELLO) never settles
    device.drop();
    await vi.waitFor(() => expect(link.state).toBe('connected'));
    device.drop();
    expect(link.state).toBe('reconnecting');
    await vi.waitFor(() => expect(link.state).toBe('connected'), { timeout: 3000 });
    await vi.waitFor(async () => expect(await link.requestStatus()).toMatchObject({ state: STATE.IDLE }), { timeout: 3000 });
  });

  it('a drop between commit and ack: the entry is resent, stored once, then deleted', async () => {
    const { watch, device, link, data } = await setup();
    await link.pair();
    const up = await link.uploadPlan(routine);
    await link.start(up.planId);
    await link.stop();
    expect(logFiles(watch)).toHaveLength(1);
    const entry = JSON.parse(watch.files.get(logFiles(watch)[0])!);
    // The ack write fails: the radio drops right after the session was committed.
    const add = data!.sessions.add.bind(data!.sessions);
    const spy = vi.spyOn(data!.sessions, 'add').mockImplementationOnce(async (input) => {
      const r = await add(input);
      device.drop();
      return r;
    });
    await expect(link.syncLog()).rejects.toThrow();
    expect(logFiles(watch)).toHaveLength(1); // not acked, still on the watch
    expect(await data!.sessions.list()).toHaveLength(1); // but already in history
    spy.mockRestore();
    await vi.waitFor(() => expect(link.state).toBe('connected'));
    await vi.waitFor(() => expect(logFiles(watch)).toEqual([])); // the reconnect's sync acked it
    const sessions = await data!.sessions.list();
    expect(sessions.map((s) => s.id)).toEqual([sessionIdOf(entry)]);
    expect(sessions[0].outcome).toBe('stopped-early');
  });

  it('an unknown routine is left on the watch, not lost', async () => {
    const { watch, link, data } = await setup();
    await link.pair();
    const odd: Routine = { ...routine, id: 'gone', name: 'Gone', exercises: routine.exercises.slice(0, 1) };
    const up = await link.uploadPlan(odd);
    await link.start(up.planId);
    await link.stop();
    const fresh = new WatchLink(fakeBluetooth(new FakeDevice('Bangle.js 7a1c', watch)), { replyTimeoutMs: 300 });
    fresh.data = data;
    await fresh.pair();
    expect(fresh.error).toMatch(/does not know/);
    expect(logFiles(watch)).toHaveLength(1);
    expect(await data!.sessions.list()).toHaveLength(0);
  });
});

describe('reminders on the watch', () => {
  const TZ = 'Europe/Berlin';
  /** The double's clock starts 2026-11-25 08:00 UTC = 09:00 in Berlin. */
  const berlin = (hhmm: string, day = 25) => Date.UTC(2026, 10, day, Number(hhmm.slice(0, 2)) - 1, Number(hhmm.slice(3)));

  async function withReminders() {
    const s = await setup();
    s.link = new WatchLink(fakeBluetooth(s.device), {
      backoffMs: [5, 10, 20],
      replyTimeoutMs: 300,
      wallClock: () => s.watch.now(),
      reminderSchedule: (now) => scheduleForWatch(s.data!, now, TZ),
    });
    s.link.data = s.data;
    await s.data!.settings.update({
      reminders: [
        { routineId: 'knees-to-chest-twist', times: ['10:00', '14:00', '19:00'], enabled: true },
        { routineId: 'seated-spinal-twist', times: ['07:30'], enabled: true },
        { routineId: 'deleted-routine', times: ['12:00'], enabled: true },
      ],
    });
    return s;
  }

  it('connecting sends the next 14 days; the watch rings them with the phone gone', async () => {
    const { watch, device, link, data } = await withReminders();
    await link.pair();
    // 14 days × 4 a day from 09:00 on the 25th: 10:00 … 07:30 on 9 December.
    expect(link.reminders).toEqual({ count: 56, sentAt: watch.now() });
    const stored = JSON.parse(watch.files.get('unknot.rem')!) as { l: string[]; r: number[][] };
    expect(stored.l).toEqual(['Lying knees-to', 'Seated spinal']);
    expect(stored.r[0]).toEqual([berlin('10:00') / 1000, 0, 0x83]);
    expect(stored.r[3]).toEqual([berlin('07:30', 26) / 1000, 1, 0x83]);
    device.drop();
    link.disconnect();
    watch.advance(berlin('10:00') - watch.now() + 5000);
    // Three long pulses, with the lengths the user set for the watch.
    const cues = watchCues(await data!.settings.get());
    const step = cues.longMs + cues.gapMs;
    expect(watch.buzzes.map((b) => [b.at, b.ms])).toEqual([0, step, 2 * step].map((o) => [berlin('10:00') + o, cues.longMs]));
  });

  it('a change of reminders, sent again, replaces the watch’s schedule; an empty one clears it', async () => {
    const { watch, link, data } = await withReminders();
    await link.pair();
    await data!.settings.update({ reminders: [{ routineId: 'standing-hip-twist', times: ['09:30'], enabled: true }] });
    expect(await link.syncReminders()).toBe(14);
    expect(JSON.parse(watch.files.get('unknot.rem')!).l).toEqual(['Standing hip']);
    await data!.settings.update({ reminders: [] });
    expect(await link.syncReminders()).toBe(0);
    expect(JSON.parse(watch.files.get('unknot.rem')!)).toEqual({ l: [], r: [] });
  });

  it('parts go without response; one the radio dropped makes the watch refuse, and the schedule goes again acknowledged', async () => {
    const { watch, device, link, data } = await withReminders();
    await link.pair();
    await data!.settings.update({ reminders: [{ routineId: 'standing-hip-twist', times: ['09:30', '18:00'], enabled: true }] });
    let before = device.chars[0].writes.length;
    expect(await link.syncReminders()).toBe(28);
    const once = device.chars[0].writes.slice(before);
    expect(once.filter((w) => w.withResponse)).toHaveLength(2); // BEGIN and COMMIT
    device.loseUnacknowledged = 1;
    await data!.settings.update({ reminders: [{ routineId: 'standing-hip-twist', times: ['09:30'], enabled: true }] });
    before = device.chars[0].writes.length;
    expect(await link.syncReminders()).toBe(14);
    const twice = device.chars[0].writes.slice(before);
    expect(twice.filter((w) => !w.withResponse)).toHaveLength(15); // the label and 14 instants, first try
    expect(twice.length).toBe(2 * 17);
    expect(twice.slice(17).every((w) => w.withResponse)).toBe(true);
    expect(JSON.parse(watch.files.get('unknot.rem')!).r).toHaveLength(14);
    expect(link.error).toBeNull();
  });

  it('a watch that cannot store them says so in words and keeps its old schedule', async () => {
    const { watch, link } = await withReminders();
    await link.pair();
    const before = watch.files.get('unknot.rem');
    watch.storageFull = true;
    await expect(link.syncReminders()).rejects.toThrow(/storage is full/);
    expect(link.error).toMatch(/storage is full/);
    expect(watch.files.get('unknot.rem')).toBe(before);
  });
});

describe('fallback: a watch with only the Immediate Alert Service', () => {
  it('connects as an alert watch and writes level 2', async () => {
    const alerts: number[] = [];
    const device = new FakeDevice('PineTime', null, alerts);
    const link = new WatchLink(fakeBluetooth(device));
    await link.pair();
    expect(link.kind).toBe('alert');
    await link.alert();
    expect(alerts).toEqual([2]);
  });
});
