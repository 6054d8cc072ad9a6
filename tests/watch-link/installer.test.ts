/**
 * The App-Loader-style install: the lines evaluated by an Espruino console stand-in in Node,
 * then the whole install over an emulated Nordic UART onto a watch that already has another
 * app's boot code, and a modelled reboot (the Bootloader rebuilding `.boot0`): both apps' boot
 * code runs. The same in the real emulator: tests/watch/emulator.test.ts.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_BYTES, LOAD_LINE, installCommands, installModule, loadInstallFiles, type InstallFile } from '../../src/watch-link/installer';
import { NORDIC_UART } from '../../src/watch-link/ble';
import { GattQueue } from '../../src/watch-link/queue';
import { EspruinoConsole } from '../support/espruino-console';
import { EspruinoDouble } from '../watch/espruino-double';
import { buildWatch } from '../../watch/build';
import { GATT, MSG, helloFrame, parseWatchMessage } from '../../watch/protocol';

const FILES = ['unknot.app.js', 'unknot.boot.js', 'unknot.clkinfo.js', 'unknot.img', 'unknot.info'];

let build: { dir: string; files: InstallFile[] };
beforeAll(async () => {
  const dir = (await buildWatch(mkdtempSync(join(tmpdir(), 'unknot-install-')))).dir;
  const get = (async (url: string) => new Response(readFileSync(join(dir, url.replace('/watch/', ''))))) as typeof fetch;
  build = { dir, files: await loadInstallFiles('/watch/', get) };
}, 120_000);
const built = async () => build;

/** A Bangle.js over Web Bluetooth with only its Nordic UART console: TX writes in, RX notifications out. */
function uartDevice(con: EspruinoConsole): BluetoothDevice {
  const rx = Object.assign(new EventTarget(), {
    value: undefined as DataView | undefined,
    startNotifications: async () => rx,
  });
  const tx = {
    writeValueWithResponse: async (b: BufferSource) => {
      con.receive(new Uint8Array(b as ArrayBuffer));
      // What the watch printed comes back as notifications of at most 20 bytes, a moment later.
      const out = con.take();
      setTimeout(() => {
        for (let o = 0; o < out.length; o += 20) {
          rx.value = new DataView(Uint8Array.from(Buffer.from(out.slice(o, o + 20), 'latin1')).buffer);
          rx.dispatchEvent(new Event('characteristicvaluechanged'));
        }
      }, 0);
    },
  };
  const gatt = {
    connected: true,
    connect: async () => gatt,
    getPrimaryService: async (uuid: string) => {
      if (uuid !== NORDIC_UART.service) throw new DOMException('No Services matching UUID found in Device.', 'NotFoundError');
      return { getCharacteristic: async (u: string) => (u === NORDIC_UART.tx ? tx : rx) };
    },
  };
  return { name: 'Bangle.js 1a2b', gatt } as unknown as BluetoothDevice;
}

describe('install commands', () => {
  it('every line starts with \\x10, chunks are ≤ 1 KB, and the console ends with the exact built files', async () => {
    const { dir, files } = await built();
    expect(files.map((f) => f.name)).toEqual(['unknot.app.js', 'unknot.boot.js', 'unknot.clkinfo.js', 'unknot.img', 'unknot.info']);
    const lines = installCommands(files);
    expect(lines.every((l) => l.text.startsWith('\x10') && l.text.endsWith('\n') && l.text.indexOf('\n') === l.text.length - 1)).toBe(true);
    const app = readFileSync(join(dir, 'unknot.app.js'));
    expect(lines.filter((l) => l.label === 'unknot.app.js')).toHaveLength(Math.ceil(app.length / CHUNK_BYTES));
    const con = new EspruinoConsole();
    for (const l of lines) con.receive(new TextEncoder().encode(l.text));
    con.receive(new TextEncoder().encode(LOAD_LINE));
    expect(con.take().split('\r\n').filter(Boolean).every((l) => l === 'OK')).toBe(true);
    for (const name of FILES.filter((n) => n !== 'unknot.img')) {
      expect(con.bytes(name), name).toEqual(Uint8Array.from(readFileSync(join(dir, name))));
    }
    expect(con.bytes('unknot.img')).toEqual(Uint8Array.from(readFileSync(join(dir, 'unknot.img'))));
    expect(con.loads).toEqual(['']);
    // The .info file is written after the app's files, as the App Loader does.
    expect(lines.findIndex((l) => l.label === 'unknot.info')).toBeGreaterThan(lines.findLastIndex((l) => l.label === 'unknot.img'));
    // Nothing but the app's own files is named: no .boot0, no other app's file.
    for (const l of lines) expect(l.text).not.toMatch(/\.boot0/);
    // The one erase is the old version's own files, guarded by the prefix.
    expect(lines.filter((l) => l.text.includes('erase'))).toHaveLength(1);
  });

  it("an update removes the old version's files (only unknot.*), keeps the data, then writes the new ones", async () => {
    const { files } = await built();
    const con = new EspruinoConsole();
    con.files.set('unknot.info', JSON.stringify({ id: 'unknot', files: 'unknot.info,unknot.app.js,unknot.old.js,other.app.js', data: 'unknot.json' }));
    con.files.set('unknot.old.js', 'old');
    con.files.set('unknot.app.js', 'old app');
    con.files.set('other.app.js', 'another app');
    con.files.set('unknot.json', '{"nextLog":3}');
    for (const l of installCommands(files)) con.receive(new TextEncoder().encode(l.text));
    expect(con.take().split('\r\n').filter(Boolean).every((l) => l === 'OK')).toBe(true);
    expect(con.files.has('unknot.old.js')).toBe(false);
    expect(con.files.get('other.app.js')).toBe('another app');
    expect(con.files.get('unknot.json')).toBe('{"nextLog":3}');
    expect(con.files.get('unknot.app.js')).not.toBe('old app');
    expect(JSON.parse(con.files.get('unknot.info')!)).toMatchObject({ id: 'unknot' });
  });

  it("refuses to write a file that is not the app's own", () => {
    expect(() => installCommands([{ name: '.boot0', bytes: new Uint8Array([1]) }])).toThrow(/not a file of the Unknot app/);
    expect(() => installCommands([{ name: 'alarm.boot.js', bytes: new Uint8Array([1]) }])).toThrow(/alarm\.boot\.js/);
  });
});

describe('installing next to another app, then rebooting', () => {
  it("over the emulated Nordic UART: another app's files and .boot0 are untouched; after the reboot both boot codes run", async () => {
    const { dir, files } = await built();
    const con = new EspruinoConsole();
    // A watch with the Bootloader's .boot0 and another app whose boot code adds a service.
    const other = 'global.otherBoots=(global.otherBoots||0)+1;bleServices["180f"]={"2a19":{value:[80],readable:true}};';
    const boot0 = `var bleServices={},bleServiceOptions={uart:true};${other};\nNRF.setServices(bleServices,bleServiceOptions);`;
    con.files.set('other.boot.js', other);
    con.files.set('other.app.js', 'g.clear();');
    con.files.set('.boot0', boot0);
    // The user's settings and logs stay through an update.
    con.files.set('unknot.json', '{"nextLog":7}');
    con.files.set('unknot.log.6', '{"id":6}');
    const before = new Map(con.files);

    const progress: string[] = [];
    await installModule(uartDevice(con), new GattQueue(), files, { onProgress: (p) => progress.push(p.file), lineTimeoutMs: 2000 });
    expect(progress.at(-1)).toBe('done');
    expect(con.loads).toEqual(['']);
    for (const [name, body] of before) expect(con.files.get(name), name).toBe(body);
    expect([...con.files.keys()].filter((n) => !before.has(n)).sort()).toEqual([...FILES].sort());
    expect(con.bytes('unknot.boot.js')).toEqual(Uint8Array.from(readFileSync(join(dir, 'unknot.boot.js'))));

    // load(): .boot0 sees a changed .js file and rebuilds itself from every *.boot.js.
    const watch = new EspruinoDouble({ files: con.files });
    expect(watch.rebootFromStorage()).toEqual(['other.boot.js', 'unknot.boot.js']);
    expect(watch.run('global.otherBoots', 'check')).toBe(1);
    expect(Object.keys(watch.services).sort()).toEqual(['180f', GATT.service].sort());
    // Unknot's service answers: open the app (as the clock would) and say hello.
    watch.run(con.files.get('unknot.app.js')!, 'unknot.app.js');
    watch.write(helloFrame());
    expect(watch.notifications.map((n) => parseWatchMessage(n).type)).toEqual([MSG.HELLO_REPLY]);
  });
});

