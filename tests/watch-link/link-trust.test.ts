/**
 * The link's defences against a lying or mismatched watch, with the REAL built watch module in
 * the Espruino double behind a fake Web Bluetooth device: the HELLO version check, the error of
 * a code the phone does not know, and implausible log entries refused and counted in the settings.
 * The same paths run in real Chromium in tests/e2e/watch-link.e2e.ts.
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILT_INS, compile } from '../../src/routine';
import { openUnknotDb } from '../../src/data';
import { OUTCOME, PROTOCOL_VERSION, statusFrame } from '../../watch/protocol';
import { WatchLink, planIdOfRoutine } from '../../src/watch-link';
import { EspruinoDouble, builtWatch } from '../watch/espruino-double';
import { FakeDevice, fakeBluetooth } from './fake-bluetooth';
import { implausibleEntries, injectLog, logFiles, reframe, withHelloProtocol } from '../support/lying-watch';

let files: { app: string; boot: string };
beforeAll(async () => {
  files = await builtWatch();
});

async function setup() {
  const watch = new EspruinoDouble().boot(files);
  const device = new FakeDevice('Bangle.js 7a1c', watch);
  // The phone's clock reads the watch's: the offset is 0 whatever the double's epoch.
  const link = new WatchLink(fakeBluetooth(device), { backoffMs: [5, 10, 20], replyTimeoutMs: 300, wallClock: () => watch.now() });
  const data = await openUnknotDb({ factory: new IDBFactory(), storage: null });
  link.data = data;
  return { watch, device, link, data };
}

describe('protocol version in HELLO', () => {
  it('a watch speaking a newer protocol: "update Unknot", and nothing else is exchanged', async () => {
    const { device, link } = await setup();
    device.transform = (b) => reframe(b, PROTOCOL_VERSION + 1);
    await link.pair();
    expect(link.protocol).toMatchObject({ kind: 'watch-newer', watch: PROTOCOL_VERSION + 1 });
    expect(link.error).toMatch(/newer than this app.*Update Unknot/);
    expect(link.kind).toBe('none');
    const writes = device.chars[0].writes.length;
    expect(await link.syncLog()).toBe(0);
    expect(device.chars[0].writes.length).toBe(writes); // no log request to a watch we do not understand
  });

  it('a watch speaking an older protocol: the phone offers to install the module and keeps talking to it', async () => {
    const { device, link } = await setup();
    device.transform = (b) => withHelloProtocol(b, PROTOCOL_VERSION - 1);
    await link.pair();
    expect(link.protocol).toMatchObject({ kind: 'watch-older', watch: PROTOCOL_VERSION - 1 });
    expect(link.protocol?.kind !== 'ok' && link.protocol?.message).toMatch(/older than this app.*Install the current module/);
    expect(link.error).toBeNull();
    expect(link.kind).toBe('unknot');
  });

  it('a watch whose frames are in another format: nothing is exchanged', async () => {
    const { device, link } = await setup();
    device.transform = (b) => reframe(b, 0);
    await link.pair();
    expect(link.protocol).toMatchObject({ kind: 'watch-older', watch: 0 });
    expect(link.error).toMatch(/older than this app.*Install the current module/);
    expect(link.kind).toBe('none');
  });

  it('a HELLO reply in our framing that claims another protocol is not believed either', async () => {
    const { device, link } = await setup();
    device.transform = (b) => withHelloProtocol(b, PROTOCOL_VERSION + 3);
    await link.pair();
    expect(link.protocol).toMatchObject({ kind: 'watch-newer', watch: PROTOCOL_VERSION + 3 });
    expect(link.kind).toBe('none');
  });

  it('the same version: ok, and a frame garbled on the way is only "damaged"', async () => {
    const { device, link } = await setup();
    await link.pair();
    expect(link.protocol).toMatchObject({ kind: 'ok' });
    const bad = statusFrame({ state: 0, error: 0, re: 0, step: 0, msInStep: 0, planId: 0, battery: 50 });
    bad[0] = 9;
    device.status!.notify(bad);
    expect(link.protocol).toMatchObject({ kind: 'ok' });
    expect(link.error).toMatch(/damaged/);
    expect(link.kind).toBe('unknot');
  });
});

describe('error codes the phone does not know', () => {
  it('an unasked status with error 77 reads "the watch reported error 77"', async () => {
    const { device, link } = await setup();
    await link.pair();
    device.status!.notify(statusFrame({ state: 0, error: 77, re: 0, step: 0, msInStep: 0, planId: 0, battery: 50 }));
    expect(link.error).toBe('The watch reported error 77.');
  });
});

describe('implausible log entries', () => {
  it('are acknowledged (deleted on the watch), kept out of history and counted in the settings', async () => {
    const { watch, link, data } = await setup();
    const routine = BUILT_INS[0].routine;
    const planId = planIdOfRoutine(routine);
    const lies = implausibleEntries(planId, compile(routine).totalMs, watch.now(), 500);
    for (const l of lies) injectLog(watch, l.entry);
    const good = { id: 499, planId, startedAt: Math.floor(watch.now() / 1000) - 3600, activeS: 60, outcome: OUTCOME.STOPPED };
    injectLog(watch, good);
    await link.pair();
    expect(logFiles(watch)).toEqual([]);
    expect((await data.sessions.list()).map((s) => s.id)).toEqual([`watch-499-${good.startedAt}`]);
    expect((await data.settings.get()).watchRefused).toEqual({ count: lies.length, last: 'its outcome is unknown (code 7)' });
    expect(link.lastSync).toMatchObject({ added: 1, refused: lies.length, more: false });
    // Another sync later adds to the count.
    injectLog(watch, { ...good, id: 600, startedAt: 1 });
    await link.syncLog();
    expect((await data.settings.get()).watchRefused).toEqual({ count: lies.length + 1, last: 'it started more than 90 days ago' });
  });

  it('a watch with 60 invented entries: 50 this sync, the other 10 stay on the watch', async () => {
    const { watch, link, data } = await setup();
    const planId = planIdOfRoutine(BUILT_INS[0].routine);
    const start = Math.floor(watch.now() / 1000) - 86_400;
    for (let i = 1; i <= 60; i++) injectLog(watch, { id: 1000 + i, planId, startedAt: start + i * 60, activeS: 30, outcome: OUTCOME.STOPPED });
    await link.pair();
    expect(await data.sessions.list()).toHaveLength(50);
    expect(logFiles(watch)).toHaveLength(10);
    expect(link.lastSync).toMatchObject({ added: 50, more: true });
    await link.syncLog();
    expect(await data.sessions.list()).toHaveLength(60);
    expect(logFiles(watch)).toEqual([]);
  });
});
