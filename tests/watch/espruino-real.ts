/**
 * Running scripts in a real Espruino interpreter (its Linux build; path in UNKNOT_ESPRUINO_BIN).
 * Only the watch hardware is stubbed, in Espruino JS; timers, Storage, E.CRC32, E.toString
 * and setWatch are Espruino's own.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GATT } from '../../watch/protocol';

const bin = process.env.UNKNOT_ESPRUINO_BIN ?? '';
/** The interpreter, or '' when there is none here. */
export const ESPRUINO_BIN = bin && existsSync(bin) ? bin : '';

export const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

/**
 * Espruino JS: hardware stubs that record (OUT.buzz [time ms, length, strength], OUT.notes
 * base64 frames, OUT.texts of the last frame), the boot loader's steps, the built app, and
 * write(base64) for phone writes. A redraw busy-waits `drawCostMs`.
 */
export function prelude(files: { app: string; boot: string }, drawCostMs = 0): string {
  return `
      var OUT = { buzz: [], notes: [], texts: [], files: [] };
      function now() { return getTime() * 1000; }
      var Bangle = {
        buzz: function (ms, s) { OUT.buzz.push([now(), ms, s]); return Promise.resolve(); }, setUI: function () {},
        loadWidgets: function () {}, drawWidgets: function () {}, showClock: function () {}, appRect: { x: 0, y: 24, w: 176, h: 152, x2: 175, y2: 175 }
      };
      var g = {};
      ['reset', 'setColor', 'setFont', 'setFontAlign', 'fillPoly', 'flip'].forEach(function (n) { g[n] = function () { return g; }; });
      g.clear = function () { var end = now() + ${drawCostMs}; while (now() < end); OUT.texts = []; return g; };
      g.clearRect = g.clear;
      g.drawString = function (s) { OUT.texts.push(String(s)); return g; };
      var SERVICES;
      var NRF = {
        setServices: function (s) { SERVICES = s; },
        updateServices: function (u) { OUT.notes.push(btoa(E.toString(u[${JSON.stringify(GATT.service)}][${JSON.stringify(GATT.status)}].value))); }
      };
      E.getBattery = function () { return 80; };
      var BTN1 = D0;
      var bleServices = {}, bleServiceOptions = { uart: true };
      ${files.boot};
      NRF.setServices(bleServices, bleServiceOptions);
      ${files.app};
      function write(s) { SERVICES[${JSON.stringify(GATT.service)}][${JSON.stringify(GATT.control)}].onWrite({ data: E.toArrayBuffer(atob(s)) }); }
  `;
}

/** Runs a script (fresh flash in a temp dir) until it prints `RESULT {json}` and calls quit(). */
export function runEspruino<T>(script: string, timeout: number): Promise<T> {
  const cwd = mkdtempSync(join(tmpdir(), 'unknot-espruino-'));
  writeFileSync(join(cwd, 'run.js'), script);
  return new Promise((resolve, reject) => {
    // Espruino's REPL reads stdin: it gets an open, empty one, and quit() ends the run.
    const child = execFile(ESPRUINO_BIN, ['run.js'], { cwd, timeout, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (err, stdout) => {
      // The REPL prompt and a terminal escape may come before it on the same line.
      const line = stdout.split('\n').find((l) => l.includes('RESULT {'));
      if (!line) reject(new Error(`no RESULT line (${err?.message ?? 'exit 0'}); Espruino said:\n${stdout.slice(-2000)}`));
      else resolve(JSON.parse(line.slice(line.indexOf('RESULT {') + 7)) as T);
    });
    child.stdin?.end();
  });
}
