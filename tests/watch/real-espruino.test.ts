/**
 * The BUILT watch files in the REAL interpreter: Espruino's own Linux build (same language
 * core as the Bangle.js 2 firmware). Only the hardware is stubbed, in Espruino JS: Bangle.buzz,
 * g, NRF and the battery; timers, Storage, E.CRC32, E.toString and setWatch are Espruino's.
 * A short routine goes in over 20-byte writes, runs in real time, and is logged, acked, deleted.
 *
 * Needs an Espruino interpreter for Linux that you already have: set UNKNOT_ESPRUINO_BIN to its
 * path. The project neither ships nor builds one; without it these tests are skipped.
 */
import { describe, expect, it } from 'vitest';
import { compile, type Routine } from '../../src/routine';
import {
  DEFAULT_CUES, MSG, OUTCOME, STATE, crc32, encodeFrame, encodePlan, helloFrame, parsePhoneMessage, logAckFrame, logRequestFrame, parseWatchMessage,
  planFrames, reminderFrames, startFrame,
} from '../../watch/protocol';
import { builtWatch } from './espruino-double';
import { expectedBuzzes } from './expected';
import { ESPRUINO_BIN, b64, prelude, runEspruino } from './espruino-real';


const short: Routine = {
  id: 'short', name: 'Short twist', summary: '', prescription: { timesPerDay: 1, when: 'any' }, restBetween: 0,
  exercises: [{
    id: 'twist', name: 'Twist', steps: [], sides: ['right', 'left'], grouping: 'alternate', repetitions: 2,
    setup: 1, move: 1, hold: 1, back: 1, rest: 1, setupLabel: 'Lie down', moveLabel: 'Twist', backLabel: 'Back',
  }],
};

describe.skipIf(!ESPRUINO_BIN)('the built watch file in the real Espruino interpreter', () => {
  it('runs a whole session: plan in, every buzz in order and never early, log written, acked, deleted', { timeout: 60_000 }, async () => {
    const files = await builtWatch();
    const timeline = compile(short);
    const plan = encodePlan(timeline);
    const planId = crc32(plan);
    const START_DELAY = 1000;
    const script = `
      ${prelude(files)}
      ${JSON.stringify([helloFrame(), ...planFrames(plan, 20)].map(b64))}.forEach(write);
      var T0 = now() + ${START_DELAY};
      write(${JSON.stringify(b64(startFrame(planId, START_DELAY)))});
      setTimeout(function () {
        write(${JSON.stringify(b64(logRequestFrame()))});
        OUT.files.push(require('Storage').list(/^unknot/));
        write(${JSON.stringify(b64(logAckFrame(1)))});
        write(${JSON.stringify(b64(logRequestFrame()))});
        OUT.files.push(require('Storage').list(/^unknot/));
        print('RESULT ' + JSON.stringify({ t0: T0, out: OUT }));
        quit();
      }, ${timeline.totalMs + START_DELAY + 3000});
    `;
    const { t0, out } = await runEspruino<{ t0: number; out: { buzz: number[][]; notes: string[]; files: string[][] } }>(script, 50_000);

    const expected = expectedBuzzes(timeline, t0, DEFAULT_CUES);
    expect(out.buzz.map(([, ms, s]) => [ms, s])).toEqual(expected.map((b) => [b.ms, b.strength]));
    const late = out.buzz.map(([at], i) => at - expected[i].at);
    expect(Math.min(...late)).toBeGreaterThan(-2); // never before its time
    console.log(`real Espruino ${timeline.totalMs / 1000} s session: ${late.length} pulses, lateness ms ${late.map((l) => l.toFixed(1)).join(' ')}`);

    const msgs = out.notes.map((n) => parseWatchMessage(Uint8Array.from(Buffer.from(n, 'base64'))));
    expect(msgs.every((m) => m.error === 0)).toBe(true);
    expect(msgs[0].hello).toMatchObject({ protocol: 2, firmware: expect.stringMatching(/^2v/) });
    expect(msgs.find((m) => m.status?.re === MSG.PLAN_COMMIT)?.status).toMatchObject({ error: 0, state: STATE.LOADED, planId });
    expect(msgs.filter((m) => m.status?.state === STATE.DONE)).not.toHaveLength(0);
    const logs = msgs.filter((m) => m.type === MSG.LOG_ENTRY || m.type === MSG.LOG_NONE);
    expect(logs.map((m) => m.type)).toEqual([MSG.LOG_ENTRY, MSG.LOG_NONE]);
    expect(logs[0].log).toMatchObject({ id: 1, planId, outcome: OUTCOME.DONE, activeS: timeline.totalMs / 1000 });
    expect(out.files[0]).toContain('unknot.log.1');
    expect(out.files[1]).not.toContain('unknot.log.1');
    expect(out.files[1]).toEqual(expect.arrayContaining(['unknot.plan', 'unknot.json']));
  });

  it('takes a reminder schedule over 20-byte writes and rings it on its own clock', { timeout: 30_000 }, async () => {
    const files = await builtWatch();
    const nowS = Math.ceil(Date.now() / 1000);
    const frames = reminderFrames({ labels: ['Knees to chest', 'Seated twist'], instants: [{ at: nowS + 3, label: 0 }, { at: nowS + 5, label: 1 }] }, nowS, 0x83);
    const script = `
      ${prelude(files)}
      ${JSON.stringify(frames.map(b64))}.forEach(write);
      var TEXTS = [];
      setTimeout(function () { TEXTS.push(OUT.texts.slice()); }, 4500);
      setTimeout(function () {
        print('RESULT ' + JSON.stringify({ out: OUT, texts: TEXTS, rem: require('Storage').readJSON('unknot.rem') }));
        quit();
      }, 7500);
    `;
    type R = { out: { buzz: number[][]; notes: string[]; texts: string[] }; texts: string[][]; rem: { l: string[]; r: number[][] } };
    const { out, texts, rem } = await runEspruino<R>(script, 25_000);
    const replies = out.notes.map((n) => parseWatchMessage(Uint8Array.from(Buffer.from(n, 'base64'))).status);
    expect(replies.map((st) => [st?.re, st?.error])).toEqual([[MSG.REMINDERS_BEGIN, 0], [MSG.REMINDERS_COMMIT, 0]]);
    expect(rem.l).toEqual(['Knees to chest', 'Seated twist']);
    // Three long pulses per reminder, one gap apart; the two reminders 2 s apart, each at its second.
    expect(out.buzz.map(([, ms]) => ms)).toEqual(Array(6).fill(DEFAULT_CUES.longMs));
    const at = out.buzz.map(([t]) => t);
    const step = DEFAULT_CUES.longMs + DEFAULT_CUES.gapMs;
    for (const k of [0, 3]) {
      const due = rem.r[k / 3][0] * 1000;
      expect(at[k] - due).toBeGreaterThanOrEqual(-2);
      expect(at[k] - due).toBeLessThan(100);
      expect(at[k + 1] - at[k]).toBeCloseTo(step, -2);
      expect(at[k + 2] - at[k]).toBeCloseTo(2 * step, -2);
    }
    expect(texts[0]).toEqual(expect.arrayContaining(['Time for', 'Knees to chest']));
    expect(out.texts).toEqual(expect.arrayContaining(['Time for', 'Seated twist']));
  });

  it('answers 2,000 random and mutated frames with the right error and never throws', { timeout: 120_000 }, async () => {
    const files = await builtWatch();
    const plan = encodePlan(compile(short));
    const valid = [helloFrame(), startFrame(crc32(plan), 0), logRequestFrame(), ...planFrames(plan, 20)];
    let seed = 5;
    const r = (n: number) => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed % n;
    };
    const frames: Uint8Array[] = [];
    for (let i = 0; i < 2000; i++) {
      if (i % 3 === 0) frames.push(Uint8Array.from({ length: r(24) }, () => r(256)).map((b, j) => (j === 0 && r(2) ? 1 : b)));
      else if (i % 3 === 1) {
        const f = valid[r(valid.length)].slice();
        f[r(f.length)] ^= 1 << r(8);
        frames.push(f);
      } else frames.push(encodeFrame(1 + r(MSG.REMINDERS_COMMIT), Uint8Array.from({ length: r(16) }, () => r(256))));
    }
    const script = `
      ${prelude(files)}
      var FRAMES = ${JSON.stringify(frames.map(b64))};
      var replies = [], thrown = [];
      FRAMES.forEach(function (f, i) {
        var before = OUT.notes.length;
        try { write(f); } catch (e) { thrown.push(i + ': ' + e); }
        replies.push(OUT.notes.slice(before));
      });
      print('RESULT ' + JSON.stringify({ replies: replies, thrown: thrown }));
      quit();
    `;
    const { replies, thrown } = await runEspruino<{ replies: string[][]; thrown: string[] }>(script, 110_000);
    expect(thrown).toEqual([]);
    let bad = 0;
    frames.forEach((f, i) => {
      const expected = parsePhoneMessage(f);
      if (!expected.error) return;
      bad++;
      const got = replies[i].map((n) => parseWatchMessage(Uint8Array.from(Buffer.from(n, 'base64'))).status);
      expect(got, `frame ${i}`).toEqual([expect.objectContaining({ error: expected.error, re: f.length > 1 ? f[1] : 0 })]);
    });
    expect(bad).toBeGreaterThan(1000);
  });
});
