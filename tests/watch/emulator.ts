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
import { sharedDir } from '../support/shared';

export const EMULATOR = sharedDir('espruino-emulator');
export const BOOT_REFERENCE = sharedDir('bangleapps-ci/reference/boot');

export type Step = { js: string } | { raw: string } | { wait: number };

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
