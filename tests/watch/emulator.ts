/**
 * The real Bangle.js 2 emulator (../shared/espruino-emulator: Espruino 2v29 compiled to
 * JavaScript, unchanged from the Espruino Web IDE) driven from a test: a script of console lines
 * and waits runs in a child process (tests/watch/emulator-driver.cjs), and what the watch printed
 * comes back. Only what the emulator lacks is stubbed, in Espruino JS: Bangle.buzz (prints when),
 * NRF.updateServices (prints the frame), the battery.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compile, type Routine } from '../../src/routine';
import { DEFAULT_CUES, GATT, crc32, encodePlan, helloFrame, parseWatchMessage, planFrames, startFrame, type Hello, type Status } from '../../watch/protocol';
import { sharedDir } from '../support/shared';
import { expectedBuzzes, expectedInstants } from './expected';

export const EMULATOR = sharedDir('espruino-emulator');
export const BOOT_REFERENCE = sharedDir('bangleapps-ci/reference/boot');

export type Step = { js: string } | { raw: string } | { wait: number } | { shot: string };

/** Runs `steps` in a fresh emulator; resolves with the lines the watch printed. */
export function runEmulator(steps: Step[], timeoutMs = 120_000): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'unknot-emu-'));
  const script = join(dir, 'script.json');
  writeFileSync(script, JSON.stringify(steps));
  const driver = resolve(import.meta.dirname, 'emulator-driver.cjs');
  return new Promise((res, rej) => {
    execFile(process.execPath, [driver, EMULATOR, script], { timeout: timeoutMs, maxBuffer: 1 << 26 }, (err, stdout) => {
      const line = stdout.split('\n').find((l) => l.startsWith('EMULATOR '));
      if (!line) rej(new Error(`the emulator printed no result (${err?.message ?? 'exit 0'}):\n${stdout.slice(-2000)}`));
      else res(JSON.parse(line.slice(9)) as string[]);
    });
  });
}

/** A console line that writes `body` to Storage as `name` (binary-safe, through base64). */
export const writeFile = (name: string, body: string | Uint8Array): Step => ({
  js: `require("Storage").write(${JSON.stringify(name)},atob(${JSON.stringify(Buffer.from(typeof body === 'string' ? Buffer.from(body, 'latin1') : body).toString('base64'))}))`,
});

/**
 * A watch set up the way a real one is: Settings' setting.json, the Bootloader (bootupdate.js
 * and .bootcde, from BangleApps' boot app), a clock face, and `.boot0` built by bootupdate.js
 * itself. `spy.0.boot.js` (numbered: it runs first) keeps the service table in __svc and prints
 * it; the stubs the emulator needs are in it too, so they come back after every load().
 */
export function bangleWithBootloader(): Step[] {
  const ref = (f: string) => readFileSync(join(BOOT_REFERENCE, f), 'utf8');
  const spy = [
    'var __setServices=NRF.setServices;',
    'NRF.setServices=function(s,o){global.__svc=s;print("SERVICES",JSON.stringify(Object.keys(s)));};',
    'NRF.updateServices=function(u){var k=Object.keys(u)[0],c=Object.keys(u[k])[0];print("NOTE",btoa(E.toString(u[k][c].value)));};',
    'Bangle.buzz=function(t,s){print("BUZZ",getTime()*1000,t,s);return Promise.resolve();};',
    'E.getBattery=function(){return global.__battery===undefined?80:global.__battery;};',
  ].join('');
  return [
    writeFile('setting.json', JSON.stringify({ timezone: 0, clock: 'clk.app.js', clockHasWidgets: false })),
    writeFile('clk.app.js', 'Bangle.CLOCK=1;print("CLOCK");'),
    writeFile('clk.info', JSON.stringify({ id: 'clk', name: 'Clock', type: 'clock', src: 'clk.app.js' })),
    writeFile('bootupdate.js', ref('bootupdate.js')),
    writeFile('.bootcde', ref('bootloader.js')),
    writeFile('spy.0.boot.js', spy),
    { js: 'eval(require("Storage").read("bootupdate.js"))' },
    { wait: 500 },
  ];
}

// Console lines may carry the REPL's prompt and terminal escapes before what was printed.
// eslint-disable-next-line no-control-regex
export const clean = (lines: string[]) => lines.map((l) => l.replace(/\x1b\[[0-9;?]*[a-zA-Z]/g, '').replace(/\r/g, '').replace(/^>+/, ''));
export const tagged = (lines: string[], tag: string) => clean(lines).filter((l) => l.startsWith(tag + ' ')).map((l) => l.slice(tag.length + 1));
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/** Console lines: a phone write of `frame` through the app's own onWrite; prints when it was received. */
export function phoneWrite(frame: Uint8Array, handlingMs = 0): Step {
  const get = handlingMs
    ? `Object.defineProperty(ev,"data",{get:function(){var e=getTime()+${handlingMs / 1000};while(getTime()<e);return buf;}});`
    : 'ev.data=buf;';
  return {
    js: `(function(){var buf=E.toArrayBuffer(atob(${JSON.stringify(b64(frame))})),ev={};${get}print("RECEIVED",getTime()*1000);` +
      `global.__svc[${JSON.stringify(GATT.service)}][${JSON.stringify(GATT.control)}].onWrite(ev);})()`,
  };
}

/** The files of dist/watch installed as the App Loader would, then the app opened (a load(), so .boot0 runs). */
export function installedAndOpen(dir: string): Step[] {
  return [
    ...bangleWithBootloader(),
    ...['unknot.app.js', 'unknot.boot.js', 'unknot.info'].map((n) => writeFile(n, readFileSync(join(dir, n)))),
    { js: 'load("unknot.app.js")' },
    { wait: 2500 },
  ];
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

interface EmulatorSession {
  replies: Status[];
  unasked: Status[];
  /** Buzz time − (receipt + delay + planned), ms, in order. */
  errors: number[];
  /** Per buzz: is it the first pulse of its cue (true) or a later one, timed off the first. */
  first: boolean[];
}

/**
 * Installs the built app in the emulator, loads `routine` over 20-byte writes, and runs it once
 * per entry of `handlingMs` (the START frame's handling made that much slower), one after the
 * other; process.memory() is read mid-way through the first.
 */
export async function emulatorSessions(dir: string, routine: Routine, handlingMs: number[]) {
  const timeline = compile(routine);
  const plan = encodePlan(timeline);
  const planId = crc32(plan);
  const DELAY = 1000;
  const steps: Step[] = [...installedAndOpen(dir), phoneWrite(helloFrame()), ...planFrames(plan, 20).map((f) => phoneWrite(f))];
  handlingMs.forEach((h, i) => {
    steps.push({ js: 'print("SESSION")' }, phoneWrite(startFrame(planId, DELAY), h));
    if (i === 0) steps.push({ wait: DELAY + timeline.totalMs / 2 }, { js: 'print("MEMORY",JSON.stringify(process.memory()))' }, { wait: timeline.totalMs / 2 + 1500 });
    else steps.push({ wait: DELAY + timeline.totalMs + 1500 });
  });
  const lines = clean(await runEmulator(steps, 60_000 + handlingMs.length * (timeline.totalMs + 5000)));
  const problems = lines.filter((l) => /Uncaught|Error/.test(l));
  if (process.env.DEBUG_EMU) console.log(lines.join('\n'));
  let hello: Hello | null = null;
  const sessions: EmulatorSession[] = [];
  let received = 0;
  let buzzes: number[] = [];
  let cur: EmulatorSession | null = null;
  const close = () => {
    if (!cur) return;
    const expected = expectedBuzzes(timeline, received + DELAY, DEFAULT_CUES).map((b) => b.at);
    if (buzzes.length !== expected.length) problems.push(`session ${sessions.length}: ${buzzes.length} buzzes, ${expected.length} planned`);
    cur.errors = buzzes.map((t, i) => t - expected[i]);
    cur.first = expectedInstants(timeline, DEFAULT_CUES).flatMap((c) => c.pulses.map((_, i) => i === 0));
    sessions.push(cur);
  };
  for (const l of lines) {
    const [tag, rest] = [l.slice(0, l.indexOf(' ') < 0 ? l.length : l.indexOf(' ')), l.slice(l.indexOf(' ') + 1)];
    if (tag === 'SESSION') {
      close();
      cur = { replies: [], unasked: [], errors: [], first: [] };
      buzzes = [];
    } else if (tag === 'RECEIVED') received = Number(rest);
    else if (tag === 'BUZZ') buzzes.push(Number(rest.split(' ')[0]));
    else if (tag === 'NOTE') {
      const m = parseWatchMessage(Uint8Array.from(Buffer.from(rest, 'base64')));
      if (m.hello) hello = m.hello;
      if (m.status && cur) (m.status.re ? cur.replies : cur.unasked).push(m.status);
    }
  }
  close();
  const memory = JSON.parse(lines.find((l) => l.startsWith('MEMORY '))?.slice(7) ?? '{}') as { usage: number; total: number };
  return { hello, sessions, memory, problems };
}
