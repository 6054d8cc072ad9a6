/**
 * The Espruino console as the App Loader sees it over Nordic UART: bytes in, lines evaluated as
 * JavaScript, `Bluetooth.println` out. Storage keeps binary strings and implements Espruino's
 * `write(name, data, offset, size)` (the first call with a size creates the file; later calls
 * fill it at `offset`). A line that throws answers "Uncaught <message>", as Espruino prints.
 */
import vm from 'node:vm';

export class EspruinoConsole {
  readonly files = new Map<string, string>();
  readonly loads: string[] = [];
  readonly lines: string[] = [];
  /** Text the watch printed (what RX notifies), not yet taken. */
  out = '';
  /** When true, Storage.write returns false (a full flash). */
  storageFull = false;
  /** Makes the next line throw this message (a corrupted command). */
  failNext: string | null = null;
  private _in = '';
  private readonly _ctx: vm.Context;

  constructor() {
    const storage = {
      write: (name: string, data: string, offset?: number, size?: number) => {
        if (this.storageFull) return false;
        if (offset === undefined) {
          this.files.set(name, data);
          return true;
        }
        const cur = offset === 0 ? '\xff'.repeat(size ?? data.length) : (this.files.get(name) ?? '');
        if (offset + data.length > cur.length) throw new Error(`Storage.write: ${name} offset ${offset} + ${data.length} past size ${cur.length}`);
        this.files.set(name, cur.slice(0, offset) + data + cur.slice(offset + data.length));
        return true;
      },
      erase: (name: string) => void this.files.delete(name),
      readJSON: (name: string) => {
        const f = this.files.get(name);
        try {
          return f === undefined ? undefined : (JSON.parse(f) as unknown);
        } catch {
          return undefined;
        }
      },
    };
    this._ctx = vm.createContext({
      require: (m: string) => {
        if (m !== 'Storage') throw new Error(`Module ${m} not found`);
        return storage;
      },
      atob: (s: string) => Buffer.from(s, 'base64').toString('latin1'),
      Bluetooth: { println: (s: unknown) => void (this.out += `${String(s)}\r\n`) },
      load: (f?: string) => void this.loads.push(f ?? ''),
    });
  }

  /** Bytes written to the TX characteristic. */
  receive(bytes: Uint8Array): void {
    this._in += Buffer.from(bytes).toString('latin1');
    for (let i = this._in.indexOf('\n'); i >= 0; i = this._in.indexOf('\n')) {
      const raw = this._in.slice(0, i);
      this._in = this._in.slice(i + 1);
      this._line(raw);
    }
  }

  /** Takes what was printed. */
  take(): string {
    const s = this.out;
    this.out = '';
    return s;
  }

  /** A stored file's bytes. */
  bytes(name: string): Uint8Array | undefined {
    const s = this.files.get(name);
    return s === undefined ? undefined : Uint8Array.from(Buffer.from(s, 'latin1'));
  }

  private _line(raw: string): void {
    // Ctrl-C clears the line; \x10 turns echo off for this line.
    const cleared = raw.slice(raw.lastIndexOf('\x03') + 1);
    const line = cleared.startsWith('\x10') ? cleared.slice(1) : cleared;
    if (!line.trim()) return;
    this.lines.push(line);
    try {
      if (this.failNext) {
        const m = this.failNext;
        this.failNext = null;
        throw new Error(m);
      }
      vm.runInContext(line, this._ctx);
    } catch (e) {
      this.out += `Uncaught ${(e as Error).message}\r\n`;
    }
  }
}
