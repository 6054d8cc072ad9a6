/**
 * The seam implemented with Espruino's globals on a Bangle.js 2 (176×176 memory LCD, one
 * button, vibration motor). The only watch file that knows Espruino exists.
 * Espruino subset: no defaults, destructuring, spread, `?.`, computed keys.
 */
import type { Face, Hardware } from '../core/hardware';
import { ROWS_Y, ROW_H } from '../core/face';
import { GATT } from '../protocol/gatt';
import { ERR } from '../protocol/frame';
import type { PhoneMessage } from '../protocol/messages';

interface Graphics {
  reset(): Graphics;
  clearRect(r: object): Graphics;
  setColor(c: number): Graphics;
  setFont(f: string): Graphics;
  setFontAlign(x: number, y: number): Graphics;
  drawString(s: string, x: number, y: number): Graphics;
  fillPoly(p: number[]): Graphics;
}
interface StorageLib {
  readArrayBuffer(name: string): ArrayBuffer | undefined;
  write(name: string, data: string): boolean;
  readJSON(name: string, noExceptions: boolean): unknown;
  writeJSON(name: string, v: unknown): boolean;
  list(): string[];
  erase(name: string): void;
}

declare const Bangle: {
  buzz(ms: number, strength: number): Promise<void>;
  setUI(o: object): void;
  appRect: { x: number; y: number; w: number; h: number; x2: number; y2: number };
  showClock(): void;
};
declare const g: Graphics;
declare const NRF: { updateServices(s: object): void };
declare const E: {
  getBattery(): number;
  toString(b: Uint8Array): string | undefined;
  on(ev: string, fn: () => void): void;
  removeListener(ev: string, fn: () => void): void;
  CRC32(b: Uint8Array): number;
};
declare const BTN1: unknown;
declare const process: { env: { VERSION: string } };
declare const global: {
  unknotRx: ((b: Uint8Array, at: number) => void) | undefined;
  unknotRemind: ((label: string, pattern: number) => void) | undefined;
  unknotSync: ((m: PhoneMessage) => number) | undefined;
};
declare function setWatch(fn: (e: { state: boolean }) => void, pin: unknown, opts: object): number;
declare function clearWatch(id: number): void;
declare function getTime(): number;
declare function require(name: string): StorageLib;

/** Held this long, the button stops the session: before the firmware's own 1.5 s "back to clock". */
const LONG_PRESS_MS = 700;

/**
 * The face below the widget bar (Bangle.appRect: y 24 on, the widgets keep the top). Idle with
 * wrist plans: a row each from ROWS_Y, the chosen one marked. A note replaces the arrows.
 */
function drawFace(f: Face): void {
  g.reset().clearRect(Bangle.appRect);
  g.setFont('6x8:2').setFontAlign(-1, -1).drawString(f.clock, 4, 26);
  g.setFontAlign(1, -1).drawString(f.rep, 172, 26);
  g.setFont('6x8').setFontAlign(0, -1).drawString(f.title, 88, 46);
  g.setFont('Vector:22').drawString(f.label, 88, 58);
  for (let i = 0; i < f.rows.length; i++) g.setFont('Vector:18').drawString((i === f.sel ? '> ' : '') + f.rows[i], 88, ROWS_Y + 4 + i * ROW_H);
  if (f.rows.length) return;
  g.setFont('Vector:52').setFontAlign(0, 0).drawString(f.big, 88, 116);
  if (f.note) g.setFont('Vector:22').drawString(f.note, 88, 160);
  // A big arrow toward the side to move to (right = the watch's right edge).
  else if (f.side === 1) g.fillPoly([112, 148, 150, 160, 112, 172]);
  else if (f.side === 2) g.fillPoly([64, 148, 26, 160, 64, 172]);
}

export function bangleHardware(): Hardware {
  // Through a variable: a bundler would try to resolve a literal require('Storage') call.
  const espruinoRequire = require;
  const S = espruinoRequire('Storage');
  /** Our pending timers: the remove handler clears them, and only them (the boot's stay). */
  const timers: { [id: string]: number } = {};
  let btn = 0;
  let touch = (_x: number, _y: number): void => undefined;
  let back = (): void => undefined;
  let exit = (): void => undefined;
  // Custom UI: the button is ours (setWatch), the back gesture and widget call `back`, and
  // `remove` lets the firmware fast-load the next app: it frees everything this app set up.
  Bangle.setUI({
    mode: 'custom',
    touch: (_b: number, e: { x: number; y: number }) => touch(e.x, e.y),
    back: () => back(),
    remove: () => {
      exit();
      E.removeListener('kill', exit);
      if (btn) clearWatch(btn);
      for (const id in timers) clearTimeout(timers[id]);
      global.unknotRx = undefined;
      global.unknotRemind = undefined;
    },
  });
  return {
    now: () => getTime() * 1000,
    setTimer: (fn, ms) => {
      const id = setTimeout(() => {
        delete timers[id];
        fn();
      }, ms) as unknown as number;
      timers[id] = id;
      return id;
    },
    clearTimer: (id) => {
      delete timers[id];
      clearTimeout(id);
    },
    buzz: (ms, strength) => {
      Bangle.buzz(ms, strength);
    },
    draw: drawFace,
    onButton(fn) {
      let longTimer = -1;
      btn = setWatch(
        (e) => {
          if (e.state) {
            longTimer = setTimeout(() => {
              longTimer = -1;
              fn(true);
            }, LONG_PRESS_MS) as unknown as number;
          } else if (longTimer >= 0) {
            clearTimeout(longTimer);
            longTimer = -1;
            fn(false);
          }
        },
        BTN1,
        { repeat: true, edge: 'both', debounce: 25 },
      );
    },
    onTouch: (fn) => {
      touch = fn;
    },
    onBack: (fn) => {
      back = fn;
    },
    onExit: (fn) => {
      exit = fn;
      E.on('kill', fn);
    },
    leave: () => Bangle.showClock(),
    // unknot.boot.js owns the GATT service and forwards writes here while the app runs.
    onFrame: (fn) => {
      global.unknotRx = fn;
    },
    onReminder: (fn) => {
      global.unknotRemind = fn;
    },
    reminderSync: (m) => (global.unknotSync ? global.unknotSync(m) : ERR.INTERNAL),
    send(bytes) {
      const ch: { [k: string]: object } = {};
      ch[GATT.status] = { value: bytes, notify: true };
      const svc: { [k: string]: object } = {};
      svc[GATT.service] = ch;
      try {
        NRF.updateServices(svc);
        return true;
      } catch (e) {
        // Not connected (e is Espruino's error): the phone asks for the status when it is back.
        return !e;
      }
    },
    crc32: (bytes) => E.CRC32(bytes) >>> 0,
    battery: () => E.getBattery(),
    firmware: () => process.env.VERSION,
    readBytes(name) {
      const ab = S.readArrayBuffer(name);
      return ab ? new Uint8Array(ab) : null;
    },
    writeBytes(name, bytes) {
      const s = E.toString(bytes);
      return s !== undefined && S.write(name, s);
    },
    readJSON: (name) => S.readJSON(name, true),
    writeJSON(name, v) {
      try {
        return S.writeJSON(name, v) !== false;
      } catch (e) {
        return !e; // a full flash throws: false
      }
    },
    list: (prefix) => S.list().filter((n) => n.indexOf(prefix) === 0),
    erase: (name) => S.erase(name),
  };
}
