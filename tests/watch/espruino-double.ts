/**
 * An Espruino/Bangle.js 2 test double for running the BUILT watch files in Node's `vm`.
 * It stands in only at the true seams: motor (Bangle.buzz records when and how long), radio
 * (NRF.setServices captures the handlers, NRF.updateServices records notifications), screen
 * (g draws into a 176×176 buffer and records the strings), flash (require('Storage') in
 * memory), button (setWatch) and time (getTime/setTimeout under a fake or the real clock).
 */
import vm from 'node:vm';
import { crc32 } from 'node:zlib';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWatch } from '../../watch/build';
import { GATT } from '../../watch/protocol';

export const SIZE = 176;
/** The fake clock starts at 2026-11-25 08:00 UTC. */
export const EPOCH_MS = Date.UTC(2026, 10, 25, 8, 0, 0);

export interface Buzz {
  /** Watch clock, ms since the epoch. */
  at: number;
  ms: number;
  strength: number;
}

export interface DrawnText {
  text: string;
  x: number;
  y: number;
  font: string;
}

export interface Frame {
  texts: DrawnText[];
  polys: number[][];
  /** Filled areas, rasterised only when a test asks (keeps 100,000-frame fuzzing fast). */
  fills: ((x: number, y: number) => boolean)[];
}

export interface DoubleOptions {
  /** 'fake' (default): time moves only in advance(); 'real': performance.now() and Node timers. */
  clock?: 'fake' | 'real';
  /** Fake clock: extra ms each timer fires late (models Espruino's busy idle loop). */
  jitter?: () => number;
  /** Flash contents to start from (name → binary string), e.g. another double's `files`. */
  files?: Map<string, string>;
  /**
   * What one full redraw costs (Espruino draws vector fonts slowly): g.clear() moves the fake
   * clock on by this much, or busy-waits it on the real clock.
   */
  drawCostMs?: number;
  /** Fake clock: where it starts (ms since the epoch), e.g. where another double's clock stopped. */
  startAt?: number;
  /** Battery percent E.getBattery() reads (87 unless told). */
  battery?: number;
}

interface Timer {
  id: number;
  due: number;
  fn: () => void;
  every: number;
}

let built: Promise<{ app: string; boot: string; clkinfo: string }> | undefined;

/** Builds the watch files once per test file (into a temp dir) and returns their text. */
export function builtWatch(): Promise<{ app: string; boot: string; clkinfo: string }> {
  built ??= buildWatch(mkdtempSync(join(tmpdir(), 'unknot-watch-'))).then((b) => ({
    app: readFileSync(join(b.dir, 'unknot.app.js'), 'utf8'),
    boot: readFileSync(join(b.dir, 'unknot.boot.js'), 'utf8'),
    clkinfo: readFileSync(join(b.dir, 'unknot.clkinfo.js'), 'utf8'),
  }));
  return built;
}

const latin1 = (b: ArrayLike<number>): string => String.fromCharCode(...Array.prototype.slice.call(b));

export class EspruinoDouble {
  readonly buzzes: Buzz[] = [];
  readonly notifications: Uint8Array[] = [];
  readonly frames: Frame[] = [];
  readonly files: Map<string, string>;
  readonly loads: string[] = [];
  /** Real clock: how late (ms) the host fired each timer; the floor under any cue error. */
  readonly timerLateness: number[] = [];
  services: Record<string, Record<string, { onWrite?: (e: { data: ArrayBuffer }) => void; maxLen?: number }>> = {};
  connected = true;
  /** When true, every flash write fails (a full Storage). */
  storageFull = false;
  readonly context: vm.Context;
  private readonly _clock: 'fake' | 'real';
  private readonly _jitter: () => number;
  private readonly _drawCost: number;
  private _now = EPOCH_MS;
  private readonly _t0 = performance.now();
  private _timers: Timer[] = [];
  private _realTimers = new Map<number, NodeJS.Timeout>();
  private _nextId = 1;
  private _watches: { fn: (e: { state: boolean; time: number }) => void }[] = [];
  private _kill: (() => void)[] = [];
  /** What the app gave Bangle.setUI (touch, back, remove…), or null. */
  ui: { mode: string; touch?: (b: number, e: { x: number; y: number }) => void; back?: () => void; remove?: () => void } | null = null;
  /** Times the widgets were drawn. */
  widgetsDrawn = 0;
  private _font = '6x8';
  private _align = [-1, -1];

  constructor(opts: DoubleOptions = {}) {
    this._clock = opts.clock ?? 'fake';
    this._jitter = opts.jitter ?? (() => 0);
    this._drawCost = opts.drawCostMs ?? 0;
    this.files = new Map(opts.files ?? []);
    this._now = opts.startAt ?? EPOCH_MS;
    const g = this._graphics();
    const sandbox: Record<string, unknown> = {
      Bangle: {
        buzz: (ms = 200, strength = 1) => {
          this.buzzes.push({ at: this.now(), ms: Math.max(1, Math.min(5000, ms)), strength });
          return Promise.resolve();
        },
        setUI: (o?: EspruinoDouble['ui']) => {
          // As the firmware: a new UI first removes the previous one.
          this.ui?.remove?.();
          this.ui = o ?? null;
        },
        loadWidgets: () => undefined,
        drawWidgets: () => void this.widgetsDrawn++,
        appRect: { x: 0, y: 24, w: SIZE, h: SIZE - 24, x2: SIZE - 1, y2: SIZE - 1 },
        showClock: () => void this.loads.push('clock'),
        CLOCK: undefined,
      },
      g,
      NRF: {
        setServices: (s: EspruinoDouble['services']) => {
          this.services = s;
        },
        updateServices: (u: Record<string, Record<string, { value: ArrayLike<number>; notify?: boolean }>>) => {
          if (!this.connected) throw new Error('Not connected');
          const v = u[GATT.service]?.[GATT.status];
          if (!v) throw new Error('updateServices: unknown service or characteristic');
          if (v.value.length > 20) throw new Error(`notification of ${v.value.length} bytes exceeds maxLen 20`);
          if (v.notify) this.notifications.push(Uint8Array.from(Array.prototype.slice.call(v.value)));
        },
      },
      E: {
        getBattery: () => opts.battery ?? 87,
        toString: (b: ArrayLike<number>) => latin1(b),
        // Espruino's native CRC-32 (IEEE, unsigned); Node's zlib computes the same one.
        CRC32: (b: ArrayLike<number>) => crc32(Uint8Array.from(Array.prototype.slice.call(b))),
        on: (ev: string, fn: () => void) => {
          if (ev === 'kill') this._kill.push(fn);
        },
        removeListener: (ev: string, fn: () => void) => {
          if (ev === 'kill') this._kill = this._kill.filter((f) => f !== fn);
        },
      },
      BTN1: { pin: 'BTN1' },
      process: { env: { VERSION: '2v29' } },
      getTime: () => this.now() / 1000,
      // Date.now() and new Date() follow the watch clock (the clock info reads them).
      Date: (() => {
        const now = () => this.now();
        return class extends Date {
          constructor(...a: []) {
            if (a.length) super(...a);
            else super(now());
          }
          static override now() {
            return now();
          }
        };
      })(),
      setTimeout: (fn: () => void, ms: number) => this._add(fn, ms, 0),
      setInterval: (fn: () => void, ms: number) => this._add(fn, ms, Math.max(1, ms)),
      clearTimeout: (id: number) => this._clear(id),
      clearInterval: (id: number) => this._clear(id),
      setWatch: (fn: (e: { state: boolean; time: number }) => void) => {
        this._watches.push({ fn });
        return this._watches.length;
      },
      clearWatch: (id: number) => {
        this._watches[id - 1] = { fn: () => undefined };
      },
      load: (file: string) => {
        this.loads.push(file);
      },
      require: (name: string) => {
        if (name !== 'Storage') throw new Error(`Module ${name} not found`);
        return this._storage();
      },
      atob: (b: string) => Buffer.from(b, 'base64').toString('latin1'),
      btoa: (b: string) => Buffer.from(b, 'latin1').toString('base64'),
      print: () => undefined,
      console: { log: () => undefined },
    };
    sandbox.global = sandbox;
    this.context = vm.createContext(sandbox);
  }

  /** Watch clock, ms since the epoch. */
  now(): number {
    return this._clock === 'fake' ? this._now : EPOCH_MS + (performance.now() - this._t0);
  }

  run(code: string, filename: string): unknown {
    return vm.runInContext(code, this.context, { filename });
  }

  /** What the BangleApps boot loader does: boot files, then one NRF.setServices; then the app. */
  boot(files: { app: string; boot: string }): this {
    this.bootWithoutApp(files, false);
    this.run(files.app, 'unknot.app.js');
    return this;
  }

  /**
   * Another app is showing: the boot files ran, the Unknot app did not. `clockFace` says whether
   * it is a clock face (Bangle.CLOCK set), where unknot.boot.js may open the app.
   */
  bootWithoutApp(files: { boot: string }, clockFace: boolean): this {
    this.run(`Bangle.CLOCK = ${clockFace ? 1 : 'undefined'}; var bleServices = {}, bleServiceOptions = { uart: true };`, '.boot0');
    this.run(files.boot, 'unknot.boot.js');
    this.run('NRF.setServices(bleServices, bleServiceOptions);', '.boot0');
    return this;
  }

  /**
   * A (re)boot as the Bootloader runs one (BangleApps apps/boot/bootupdate.js): `.boot0` is
   * rebuilt from every `*.boot.js` in Storage (numbered `x.5.boot.js` first, by number, then by
   * name) between `var bleServices={},bleServiceOptions={uart:true};` and one
   * `NRF.setServices(bleServices,bleServiceOptions)`, written to Storage, and run. Returns the
   * boot files in the order they ran.
   */
  rebootFromStorage(): string[] {
    const prio = (n: string) => /\.(\d+)\.boot\.js$/.exec(n);
    const names = [...this.files.keys()].filter((n) => n.endsWith('.boot.js')).sort((a, b) => {
      const pa = prio(a);
      const pb = prio(b);
      if (pa && pb) return Number(pa[1]) - Number(pb[1]);
      if (pa || pb) return pa ? -1 : 1;
      return a === b ? 0 : a > b ? 1 : -1;
    });
    const boot0 = 'var bleServices={},bleServiceOptions={uart:true};' + names.map((n) => this.files.get(n) + ';\n').join('') +
      'NRF.setServices(bleServices,bleServiceOptions);';
    this.files.set('.boot0', boot0);
    this.run(boot0, '.boot0');
    return names;
  }

  /**
   * A phone write on the control characteristic, as Espruino delivers it. `handlingMs` models
   * a watch slow to handle the frame: reading the written bytes costs that long, so any clock
   * read after the handler looked at them is that much later than the receipt.
   */
  write(bytes: Uint8Array, handlingMs = 0): void {
    const ch = this.services[GATT.service]?.[GATT.control];
    if (!ch?.onWrite) throw new Error('control characteristic not registered');
    if (bytes.length > (ch.maxLen ?? 20)) throw new Error(`write of ${bytes.length} bytes exceeds maxLen ${ch.maxLen}`);
    const data = bytes.slice().buffer;
    const spend = (ms: number) => this._spend(ms);
    ch.onWrite({
      get data() {
        spend(handlingMs);
        return data;
      },
    });
  }

  /** A tap on the screen (Bangle.setUI's touch handler). */
  touch(x: number, y: number): void {
    this.ui?.touch?.(1, { x, y });
  }

  /** The back gesture or widget. */
  back(): void {
    this.ui?.back?.();
  }

  /** A fast load of another app: the firmware calls the UI's remove handler instead of resetting. */
  fastLoad(): void {
    const ui = this.ui;
    this.ui = null;
    ui?.remove?.();
  }

  /** Presses the button for `ms` (the fake clock moves by `ms`). */
  press(ms: number): void {
    for (const w of this._watches) w.fn({ state: true, time: this.now() / 1000 });
    this.advance(ms);
    for (const w of this._watches) w.fn({ state: false, time: this.now() / 1000 });
  }

  /** The app is being unloaded (E.on('kill')). */
  kill(): void {
    for (const fn of this._kill) fn();
  }

  /** Fake clock: runs every timer due in the next `ms`, in order, each possibly late by the jitter. */
  advance(ms: number): void {
    if (this._clock !== 'fake') throw new Error('advance() needs the fake clock');
    const until = this._now + ms;
    for (;;) {
      let next: Timer | undefined;
      for (const t of this._timers) if (t.due <= until && (!next || t.due < next.due || (t.due === next.due && t.id < next.id))) next = t;
      if (!next) break;
      this._now = Math.max(this._now, next.due + Math.max(0, this._jitter()));
      if (next.every) next.due += next.every;
      else this._timers = this._timers.filter((t) => t !== next);
      next.fn();
    }
    this._now = Math.max(this._now, until);
  }

  /** Real clock: resolves after `ms` of real time (timers run meanwhile). */
  sleep(ms: number): Promise<void> {
    return new Promise((r) => setTimeout(r, ms));
  }

  pendingTimers(): number {
    return this._clock === 'fake' ? this._timers.length : this._realTimers.size;
  }

  /** Stops all real timers (real clock). */
  dispose(): void {
    for (const t of this._realTimers.values()) clearTimeout(t);
    this._realTimers.clear();
    this._timers = [];
  }

  lastFrame(): Frame {
    const f = this.frames.at(-1);
    if (!f) throw new Error('nothing drawn yet');
    return f;
  }

  /** Pixels the last frame set inside a rectangle of the screen. */
  inkIn(x0: number, y0: number, x1: number, y1: number): number {
    const fills = this.lastFrame().fills;
    let n = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (fills.some((f) => f(x + 0.5, y + 0.5))) n++;
    return n;
  }

  /** Time the watch spends busy: the fake clock moves on; the real one is busy-waited. */
  private _spend(ms: number): void {
    if (ms <= 0) return;
    if (this._clock === 'fake') this._now += ms;
    else for (const end = performance.now() + ms; performance.now() < end; );
  }

  private _add(fn: () => void, ms: number, every: number): number {
    const id = this._nextId++;
    const delay = Math.max(0, Number(ms) || 0);
    if (this._clock === 'fake') {
      this._timers.push({ id, due: this._now + delay, fn, every });
    } else {
      let due = performance.now() + delay;
      const run = () => {
        this.timerLateness.push(performance.now() - due);
        // Like Espruino, an interval is rescheduled from its planned time, not from when it ran.
        due += every;
        if (every) this._realTimers.set(id, setTimeout(run, Math.max(0, due - performance.now())));
        else this._realTimers.delete(id);
        fn();
      };
      this._realTimers.set(id, setTimeout(run, delay));
    }
    return id;
  }

  private _clear(id: number): void {
    this._timers = this._timers.filter((t) => t.id !== id);
    const t = this._realTimers.get(id);
    if (t) clearTimeout(t);
    this._realTimers.delete(id);
  }

  private _storage() {
    const check = (name: string) => {
      if (typeof name !== 'string' || name.length === 0 || name.length > 28) throw new Error(`Storage: bad file name ${JSON.stringify(name)}`);
    };
    return {
      read: (name: string) => this.files.get(name),
      readArrayBuffer: (name: string) => {
        const s = this.files.get(name);
        if (s === undefined) return undefined;
        const b = new Uint8Array(s.length);
        for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
        return b.buffer;
      },
      readJSON: (name: string, noExceptions?: boolean) => {
        const s = this.files.get(name);
        if (s === undefined) return undefined;
        try {
          return vm.runInContext(`(${JSON.stringify(JSON.parse(s))})`, this.context);
        } catch (e) {
          if (noExceptions) return undefined;
          throw e;
        }
      },
      write: (name: string, data: unknown) => {
        check(name);
        if (typeof data !== 'string') throw new Error('Storage.write: this double stores strings, as the app writes them');
        if (this.storageFull) return false;
        this.files.set(name, data);
        return true;
      },
      writeJSON: (name: string, v: unknown) => {
        check(name);
        if (this.storageFull) throw new Error('Unable to write file: not enough space');
        this.files.set(name, JSON.stringify(v));
        return true;
      },
      list: (re?: RegExp) => [...this.files.keys()].filter((n) => !re || re.test(n)),
      erase: (name: string) => {
        this.files.delete(name);
      },
    };
  }

  private _graphics() {
    const fontSize = (): [number, number] => {
      const [name, scale] = this._font.split(':');
      if (name === 'Vector') return [Math.round(Number(scale) * 0.6), Number(scale)];
      const s = Number(scale ?? 1);
      return [6 * s, 8 * s];
    };
    const fill = (x0: number, y0: number, x1: number, y1: number, inside: (x: number, y: number) => boolean) => {
      this.frames.at(-1)?.fills.push((x, y) => x >= x0 && x < x1 && y >= y0 && y < y1 && inside(x, y));
    };
    const g = {
      reset: () => {
        this._font = '6x8';
        this._align = [-1, -1];
        return g;
      },
      clear: () => {
        this._spend(this._drawCost);
        this.frames.push({ texts: [], polys: [], fills: [] });
        return g;
      },
      /** The app clears only its own area (below the widgets): one frame, as clear() is. */
      clearRect: () => g.clear(),
      setColor: () => g,
      setFont: (f: string) => {
        this._font = f;
        return g;
      },
      setFontAlign: (x: number, y: number) => {
        this._align = [x, y];
        return g;
      },
      drawString: (s: unknown, x: number, y: number) => {
        const text = String(s);
        const [cw, ch] = fontSize();
        const w = cw * text.length;
        const x0 = x - ((this._align[0] + 1) / 2) * w;
        const y0 = y - ((this._align[1] + 1) / 2) * ch;
        if (text) fill(x0, y0, x0 + w, y0 + ch, () => true);
        this.frames.at(-1)?.texts.push({ text, x, y, font: this._font });
        return g;
      },
      fillPoly: (p: number[]) => {
        const xs = p.filter((_, i) => i % 2 === 0);
        const ys = p.filter((_, i) => i % 2 === 1);
        const inside = (px: number, py: number) => {
          let c = false;
          for (let i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if (ys[i] > py !== ys[j] > py && px < ((xs[j] - xs[i]) * (py - ys[i])) / (ys[j] - ys[i]) + xs[i]) c = !c;
          }
          return c;
        };
        fill(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys), inside);
        this.frames.at(-1)?.polys.push([...p]);
        return g;
      },
      flip: () => g,
      getWidth: () => SIZE,
      getHeight: () => SIZE,
    };
    return g;
  }
}
