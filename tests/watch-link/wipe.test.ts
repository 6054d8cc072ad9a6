/**
 * "Delete all my data" on the watch (src/watch-link/wipe.ts): composed from messages the watch
 * module already has, against the BUILT module in the Espruino double behind a fake Web Bluetooth
 * device, with the phone's history on fake-indexeddb. The same path in real Chromium:
 * tests/e2e/watch-wipe.e2e.ts.
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILT_INS } from '../../src/routine';
import { openUnknotDb } from '../../src/data';
import { MSG, OUTCOME, PROTOCOL_VERSION, type LogEntry } from '../../watch/protocol';
import { WIPE_MAX_ENTRIES, WatchLink, planIdOfRoutine, wipeWatch, type WipeChannel } from '../../src/watch-link';
import { EspruinoDouble, builtWatch } from '../watch/espruino-double';
import { FakeDevice, fakeBluetooth } from './fake-bluetooth';
import { injectLog, logFiles, withHelloProtocol } from '../support/lying-watch';

let files: { app: string; boot: string };
beforeAll(async () => {
  files = await builtWatch();
}, 120_000);

const [a, b] = BUILT_INS.map((x) => x.routine);
/** A plan id no routine on the phone has (a routine deleted since): its entries stay on the watch at sync. */
const UNKNOWN_PLAN = 0x12345678;

/** A watch holding 2 wrist plans, a day of reminders and the log entries `log`, connected to a phone with history. */
async function connectedWatch(log: (nowS: number) => LogEntry[] = () => []) {
  const watch = new EspruinoDouble({ startAt: Date.UTC(2026, 10, 29, 9) }).boot(files);
  const device = new FakeDevice('Bangle.js 7a1c', watch);
  const nowS = () => Math.floor(watch.now() / 1000);
  const link = new WatchLink(fakeBluetooth(device), {
    backoffMs: [5, 10, 20],
    replyTimeoutMs: 300,
    wallClock: () => watch.now(),
    reminderSchedule: async () => ({ labels: ['Lying knees-to'], instants: [{ at: nowS() + 3600, label: 0 }, { at: nowS() + 7200, label: 0 }] }),
  });
  const data = await openUnknotDb({ factory: new IDBFactory(), storage: null });
  link.data = data;
  for (const e of log(nowS())) injectLog(watch, e);
  expect(await link.pair()).toBe(true);
  await link.keepOnWrist([a, b]);
  return { watch, device, link, data };
}

const wristFiles = (watch: EspruinoDouble) => [...watch.files.keys()].filter((n) => n.startsWith('unknot.w'));
const reminderFile = (watch: EspruinoDouble) => JSON.parse(watch.files.get('unknot.rem') ?? 'null') as { l: string[]; r: unknown[] } | null;
/** The loaded plan's bytes as text (its name and labels are ASCII in it). */
const loadedName = (watch: EspruinoDouble) => watch.files.get('unknot.plan') ?? '';
const sentTypes = (device: FakeDevice) => device.chars[0].writes.map((w) => w.bytes[1]);

describe('wiping a connected watch', () => {
  it('clears its reminders, drops its wrist plans and deletes its log without storing a single entry in history', async () => {
    const { watch, device, link, data } = await connectedWatch((now) => [
      { id: 1, planId: UNKNOWN_PLAN, startedAt: now - 3 * 86400, activeS: 200, outcome: OUTCOME.DONE },
      { id: 2, planId: UNKNOWN_PLAN, startedAt: now - 2 * 86400, activeS: 60, outcome: OUTCOME.STOPPED },
    ]);
    // Before: the connect's sync left the unknown routine's entries on the watch (never acked),
    // the wrist holds both plans, the watch two reminders.
    expect(logFiles(watch).sort()).toEqual(['unknot.log.1', 'unknot.log.2']);
    expect(wristFiles(watch).sort()).toEqual(['unknot.w0', 'unknot.w1']);
    expect(reminderFile(watch)!.r).toHaveLength(2);
    // A session of a known routine finishes on the wrist after the connect: it is on the watch too.
    injectLog(watch, { id: 3, planId: planIdOfRoutine(a), startedAt: Math.floor(watch.now() / 1000) - 600, activeS: 120, outcome: OUTCOME.STOPPED });
    const acksBefore = sentTypes(device).filter((t) => t === MSG.LOG_ACK).length;
    expect(acksBefore).toBe(0);
    // The user's own routine is the one loaded: its name is in the loaded plan.
    await link.uploadPlan({ ...b, id: 'mine', name: 'Anna back plan' });
    expect(loadedName(watch)).toContain('Anna back plan');

    expect(await link.wipe()).toEqual({ logDeleted: 3, plansDropped: true, loadedReplaced: true });

    expect(logFiles(watch)).toEqual([]);
    expect(wristFiles(watch)).toEqual([]);
    expect(reminderFile(watch)).toEqual({ l: [], r: [] });
    expect(link.reminders?.count).toBe(0);
    // No message unloads a plan: a shipped routine took the user's place.
    expect(loadedName(watch)).not.toContain('Anna');
    expect(loadedName(watch)).toContain(a.name.slice(0, 12));
    expect(await data.sessions.list()).toEqual([]); // acknowledged, never stored
    // A normal sync afterwards finds nothing to import.
    expect(await link.syncLog()).toBe(0);
    expect(await data.sessions.list()).toEqual([]);
    expect(link.error).toBeNull();
  });

  it('a sync asked for while the wipe runs waits for it and imports nothing', async () => {
    const { watch, link, data } = await connectedWatch();
    const now = Math.floor(watch.now() / 1000);
    for (let id = 10; id < 15; id++) injectLog(watch, { id, planId: planIdOfRoutine(b), startedAt: now - 3600 + id, activeS: 30, outcome: OUTCOME.STOPPED });
    const wiping = link.wipe();
    const syncing = link.syncLog(); // e.g. a session ended on the wrist meanwhile
    expect(await wiping).toMatchObject({ logDeleted: 5 });
    expect(await syncing).toBe(0);
    expect(await data.sessions.list()).toEqual([]);
    expect(logFiles(watch)).toEqual([]);
  });

  it('a watch with protocol 1 keeps no wrist plans: no DROP_PLANS (it would refuse it); reminders and log are still cleared', async () => {
    const watch = new EspruinoDouble().boot(files);
    const device = new FakeDevice('Bangle.js 7a1c', watch);
    device.transform = (bytes) => withHelloProtocol(bytes, PROTOCOL_VERSION - 1);
    const link = new WatchLink(fakeBluetooth(device), { backoffMs: [5], replyTimeoutMs: 300, wallClock: () => watch.now(), reminderSchedule: async () => ({ labels: [], instants: [] }) });
    link.data = await openUnknotDb({ factory: new IDBFactory(), storage: null });
    injectLog(watch, { id: 4, planId: UNKNOWN_PLAN, startedAt: Math.floor(watch.now() / 1000) - 60, activeS: 30, outcome: OUTCOME.DONE });
    await link.pair();
    expect(await link.wipe()).toEqual({ logDeleted: 1, plansDropped: false, loadedReplaced: true });
    expect(sentTypes(device)).not.toContain(MSG.DROP_PLANS);
    expect(logFiles(watch)).toEqual([]);
  });

  it('a session running on the wrist keeps its routine loaded (the watch would refuse a plan mid-session); the rest is wiped', async () => {
    const { watch, link } = await connectedWatch();
    const up = await link.uploadPlan({ ...b, id: 'mine', name: 'Anna back plan' });
    await link.start(up.planId);
    expect(await link.wipe()).toEqual({ logDeleted: 0, plansDropped: true, loadedReplaced: false });
    expect(loadedName(watch)).toContain('Anna back plan');
    expect(wristFiles(watch)).toEqual([]);
    expect(reminderFile(watch)).toEqual({ l: [], r: [] });
  });

  it('no watch connected: the wipe refuses and says so, and nothing is sent', async () => {
    const { device, link } = await connectedWatch();
    link.disconnect();
    const writes = device.chars[0].writes.length;
    await expect(link.wipe()).rejects.toThrow(/No watch with the Unknot module is connected/);
    expect(device.chars[0].writes.length).toBe(writes);
  });

  it('the link drops mid-wipe: the wipe fails (the user is told), and what was not yet acked stays on the watch', async () => {
    const { watch, device, link } = await connectedWatch();
    const now = Math.floor(watch.now() / 1000);
    injectLog(watch, { id: 20, planId: UNKNOWN_PLAN, startedAt: now - 60, activeS: 30, outcome: OUTCOME.DONE });
    injectLog(watch, { id: 21, planId: UNKNOWN_PLAN, startedAt: now - 30, activeS: 30, outcome: OUTCOME.DONE });
    let acks = 0;
    const write = device.chars[0].writeValueWithResponse;
    device.chars[0].writeValueWithResponse = async (bytes: BufferSource) => {
      if (new Uint8Array(bytes as ArrayBuffer)[1] === MSG.LOG_ACK && ++acks === 2) {
        device.drop();
        throw new DOMException('GATT Server is disconnected.', 'NetworkError');
      }
      return write(bytes);
    };
    await expect(link.wipe()).rejects.toThrow();
    expect(link.error).toBeTruthy();
    expect(logFiles(watch)).toEqual(['unknot.log.21']);
  });
});

describe('wipeWatch (the composition)', () => {
  const channel = (entries: (LogEntry | null)[], deletes = true) => {
    const calls: string[] = [];
    const log = entries.slice();
    const ch: WipeChannel = {
      clearReminders: async () => void calls.push('reminders'),
      dropPlans: async () => void calls.push('plans'),
      replaceLoaded: async () => (calls.push('loaded'), true),
      next: async () => (calls.push('next'), log[0] ?? null),
      ack: async (id) => {
        calls.push(`ack ${id}`);
        if (deletes) log.shift();
      },
    };
    return { ch, calls };
  };
  const entry = (id: number): LogEntry => ({ id, planId: 1, startedAt: 1, activeS: 1, outcome: OUTCOME.DONE });

  it('reminders first, then plans, then every entry acked in turn until the log is empty', async () => {
    const { ch, calls } = channel([entry(7), entry(8)]);
    expect(await wipeWatch(ch)).toEqual({ logDeleted: 2, plansDropped: true, loadedReplaced: true });
    expect(calls).toEqual(['reminders', 'plans', 'loaded', 'next', 'ack 7', 'next', 'ack 8', 'next']);
  });

  it('a watch that offers the same entry after its ack: stops with a reason instead of looping', async () => {
    const { ch, calls } = channel([entry(7)], false);
    await expect(wipeWatch(ch)).rejects.toThrow(/keeps sending the same session/);
    expect(calls.filter((c) => c === 'ack 7')).toHaveLength(1);
  });

  it(`a watch inventing entries without end: stops at the cap (${WIPE_MAX_ENTRIES} in the app)`, async () => {
    let id = 0;
    const ch: WipeChannel = { clearReminders: async () => undefined, replaceLoaded: async () => true, next: async () => entry(++id), ack: async () => undefined };
    await expect(wipeWatch(ch, 5)).rejects.toThrow(/still holds sessions after 5/);
    expect(id).toBe(6);
  });

  it('a refused reminder upload stops the wipe before anything else is deleted', async () => {
    const { ch, calls } = channel([entry(7)]);
    ch.clearReminders = () => Promise.reject(new Error('The watch refused: its storage is full.'));
    await expect(wipeWatch(ch)).rejects.toThrow(/storage is full/);
    expect(calls).toEqual([]);
  });
});
