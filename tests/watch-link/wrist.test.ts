/**
 * The phone's side of protocol 2, against the BUILT watch module in the double: the clock
 * offset read from HELLO, and routines kept on the wrist (started there with no phone, logged
 * with their plan id). The open-ended flag's encoding by protocol: tests/watch/app.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILT_INS, compile } from '../../src/routine';
import { WatchLink } from '../../src/watch-link';
import { OUTCOME, crc32, encodePlan, logRequestFrame } from '../../watch/protocol';
import { EspruinoDouble, builtWatch } from '../watch/espruino-double';
import { TestPhone } from '../watch/phone';
import { SHORT } from '../watch/short-routine';
import { FakeDevice, fakeBluetooth } from './fake-bluetooth';

let files: { app: string; boot: string };
beforeAll(async () => {
  files = await builtWatch();
}, 120_000);

async function connected(phoneBehindMs = 0) {
  const watch = new EspruinoDouble().boot(files);
  const device = new FakeDevice('Bangle.js 7a1c', watch);
  const link = new WatchLink(fakeBluetooth(device), { backoffMs: [5, 10, 20], replyTimeoutMs: 300, wallClock: () => watch.now() - phoneBehindMs });
  expect(await link.pair()).toBe(true);
  return { watch, link };
}

describe('protocol 2 on the phone', () => {
  it("knows the watch clock's offset from HELLO", async () => {
    expect((await connected(90_000)).link.clockOffsetMs).toBe(90_000);
    expect((await connected(-2_500)).link.clockOffsetMs).toBe(-2_500);
  });

  it('keeps the chosen routines on the wrist; the watch starts one alone and logs it with its plan id', async () => {
    const { watch, link } = await connected();
    const chosen = [BUILT_INS[1].routine, SHORT];
    await link.keepOnWrist(chosen);
    expect([...watch.files.keys()].filter((n) => n.startsWith('unknot.w')).sort()).toEqual(['unknot.w0', 'unknot.w1']);
    const ids = chosen.map((r) => crc32(encodePlan(compile(r))));
    expect(ids.map((id, i) => crc32(Uint8Array.from(Buffer.from(watch.files.get(`unknot.w${i}`)!, 'latin1'))) === id)).toEqual([true, true]);
    // One routine fewer: the third slot stays empty, the second goes.
    await link.keepOnWrist([SHORT]);
    expect([...watch.files.keys()].filter((n) => n.startsWith('unknot.w'))).toEqual(['unknot.w0']);
    await expect(link.keepOnWrist([SHORT, SHORT, SHORT, SHORT])).rejects.toThrow(/3 routines at most/);

    // No phone: the app opens with its menu; a tap on the row and a press start it.
    const alone = new EspruinoDouble({ files: watch.files, startAt: watch.now() }).boot(files);
    alone.touch(88, 105);
    alone.press(50);
    alone.advance(compile(SHORT).totalMs + 5000);
    expect(new TestPhone(alone).log(logRequestFrame())).toMatchObject({ planId: crc32(encodePlan(compile(SHORT))), outcome: OUTCOME.DONE });
  });

});
