/**
 * 100,000 random and mutated frames into the BUILT watch file's radio handler: it never
 * throws, answers every bad frame with an error status naming the frame's type, and still
 * works afterwards.
 */
import { beforeAll, expect, it } from 'vitest';
import { builtInRoutine, compile } from '../../src/routine';
import {
  ERR, MSG, STATE, crc32, encodeFrame, encodePlan, helloFrame, parsePhoneMessage, parseWatchMessage, pauseFrame,
  planFrames, reminderFrames, resumeFrame, startFrame, statusRequestFrame, stopFrame,
} from '../../watch/protocol';
import { EspruinoDouble, builtWatch } from './espruino-double';

let files: { app: string; boot: string };
beforeAll(async () => {
  files = await builtWatch();
});

/** A small, seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
}

function fail(i: number, frame: Uint8Array, why: string): never {
  throw new Error(`frame #${i} [${[...frame].map((b) => b.toString(16).padStart(2, '0')).join(' ')}]: ${why}`);
}

it('survives 100,000 random and mutated frames, answering each bad one with its error', { timeout: 60_000 }, () => {
  const watch = new EspruinoDouble().boot(files);
  const plan = encodePlan(compile(builtInRoutine('knees-to-chest-twist')!));
  const planId = crc32(plan);
  const now = Math.floor(watch.now() / 1000);
  const reminders = reminderFrames({ labels: ['Knees to chest', 'Twist'], instants: [{ at: now + 60, label: 0 }, { at: now + 3600, label: 1 }] }, now, 0x83);
  const valid = [helloFrame(), statusRequestFrame(), pauseFrame(), resumeFrame(), stopFrame(), startFrame(planId, 0), ...planFrames(plan, 20), ...reminders];
  const r = rng(20261125);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => r(256));
  const counts = { random: 0, mutated: 0, wellFormed: 0, bad: 0 };

  for (const f of planFrames(plan, 20)) watch.write(f);
  for (let i = 0; i < 100_000; i++) {
    let frame: Uint8Array;
    const kind = r(10);
    if (kind < 3) {
      frame = bytes(r(30)); // pure noise, any length (0 included)
      if (r(2)) frame[0] = 1; // get past the version byte half the time
      counts.random++;
    } else if (kind < 7) {
      frame = valid[r(valid.length)].slice(); // a real frame, damaged
      const m = r(4);
      if (m === 0) frame[r(frame.length)] ^= 1 << r(8);
      else if (m === 1) frame = frame.slice(0, r(frame.length));
      else if (m === 2) frame = Uint8Array.from([...frame, ...bytes(1 + r(4))]);
      else frame[1] = r(256);
      counts.mutated++;
    } else {
      // Well-formed frame (right version, length and CRC) of any type with any payload:
      // this reaches every message handler, not just the frame checks.
      frame = encodeFrame(r(3) ? 1 + r(MSG.REMINDERS_COMMIT) : r(256), bytes(r(16)));
      counts.wellFormed++;
    }
    const expected = parsePhoneMessage(frame);
    const before = watch.notifications.length;
    try {
      watch.write(frame);
    } catch (e) {
      fail(i, frame, `threw ${String(e)}`);
    }
    if (expected.error) {
      counts.bad++;
      const replies = watch.notifications.slice(before).map((b) => parseWatchMessage(b));
      const s = replies.length === 1 ? replies[0].status : null;
      const re = frame.length > 1 ? frame[1] : 0;
      if (!s || s.error !== expected.error || s.re !== re) fail(i, frame, `expected one status {error ${expected.error}, re ${re}}, got ${JSON.stringify(replies)}`);
    } else {
      const replies = watch.notifications.slice(before).map((b) => parseWatchMessage(b));
      if (replies.some((m) => m.status?.error === ERR.INTERNAL)) fail(i, frame, 'internal fault');
    }
    if (i % 1000 === 0) watch.advance(r(5000));
  }

  // Still a working watch: it answers hello and runs a clean session.
  watch.write(stopFrame());
  const n = watch.notifications.length;
  watch.write(helloFrame());
  expect(parseWatchMessage(watch.notifications[n]).type).toBe(MSG.HELLO_REPLY);
  for (const f of planFrames(plan, 20)) watch.write(f);
  watch.write(startFrame(planId, 0));
  watch.advance(200_000);
  expect(parseWatchMessage(watch.notifications.at(-1)!).status).toMatchObject({ state: STATE.DONE, error: 0 });
  expect(counts.bad).toBeGreaterThan(60_000);
  expect(counts.wellFormed).toBeGreaterThan(25_000);
});
