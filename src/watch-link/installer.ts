/**
 * "Install on my Bangle.js": the built watch files (precached by the service worker under
 * /watch/) written over the Nordic UART console the way the Espruino App Loader does it. Each
 * command is one line starting with \x10 (Espruino then does not echo it) that prints OK or
 * FAIL, so the phone waits for each line's answer before sending the next (flow control, and
 * a clear failure). Files go in 1 KB chunks as base64 (`atob("…")`: only [A-Za-z0-9+/=], so
 * nothing needs escaping) with `require("Storage").write(name, chunk, offset, total)`; then the
 * .info file, then `load()`.
 *
 * Like the App Loader, it writes only the app's own files and never touches `.boot0` or another
 * app's files: the Bootloader's `.boot0` checks a hash of every `.js` file in Storage when the
 * watch loads, and rebuilds itself from all `*.boot.js` when a file changed (a new
 * unknot.boot.js does), so every app's boot code keeps running and Unknot's joins it. Erasing
 * `.boot0` instead would turn off ALL boot code: the firmware does not rebuild a missing one.
 */
import { NORDIC_UART, bytesOf } from './ble';
import type { GattQueue } from './queue';
import { LinkError } from './queue';

export const CHUNK_BYTES = 1024;
/** The write size every phone and watch can do (ATT MTU 23). */
export const WRITE_BYTES = 20;

export interface InstallFile {
  /** Name in watch storage. */
  name: string;
  /** The file's bytes, or... */
  bytes?: Uint8Array;
  /** ...a JS expression the watch evaluates to get them (metadata `evaluate: true`). */
  expr?: string;
}

export interface InstallProgress {
  sent: number;
  total: number;
  /** What is being written now, for the progress label. */
  file: string;
}

interface Metadata {
  id: string;
  storage: { name: string; url: string; evaluate?: boolean }[];
}

const b64 = (b: Uint8Array): string => btoa(String.fromCharCode(...b));

/** Reads metadata.json and every file it lists (from the precache when offline), then the .info. */
export async function loadInstallFiles(base = '/watch/', get: typeof fetch = fetch): Promise<InstallFile[]> {
  const fetchOk = async (url: string) => {
    const r = await get(base + url);
    if (!r.ok) throw new Error(`Could not read the watch file ${url} (HTTP ${r.status}).`);
    return r;
  };
  const meta = (await (await fetchOk('metadata.json')).json()) as Metadata;
  const files: InstallFile[] = [];
  for (const s of meta.storage) {
    const r = await fetchOk(s.url);
    files.push(s.evaluate ? { name: s.name, expr: (await r.text()).trim() } : { name: s.name, bytes: new Uint8Array(await r.arrayBuffer()) });
  }
  files.push({ name: `${meta.id}.info`, bytes: new Uint8Array(await (await fetchOk(`${meta.id}.info`)).arrayBuffer()) });
  return files;
}

const line = (js: string, label: string) => ({ text: `\x10${js}\n`, label });

/** The prefix of every file the installer may write: the app's own, never another app's. */
export const OWN_FILES = 'unknot.';

/**
 * An update first removes the files the installed version lists in its unknot.info (as the App
 * Loader removes an app before installing its new version), so a file the new version no longer
 * has does not stay behind; the data files (settings, plans, logs) are not in that list and stay.
 * Only names starting with `unknot.` are erased, whatever the .info says.
 */
const REMOVE_OLD =
  '(function(){var S=require("Storage"),i=S.readJSON("unknot.info",1);' +
  'if(i&&i.files)i.files.split(",").forEach(function(f){if(f.indexOf("unknot.")==0)S.erase(f);});' +
  'Bluetooth.println("OK");})()';

/** The console lines that install `files` (the .info last) and start the app. */
export function installCommands(files: InstallFile[]): { text: string; label: string }[] {
  const out = [line('Bluetooth.println("OK")', 'connecting'), line(REMOVE_OLD, 'the previous version')];
  for (const f of files) {
    if (!f.name.startsWith(OWN_FILES) || f.name.length > 28) throw new Error(`${f.name}: not a file of the Unknot app; nothing was written`);
    const name = JSON.stringify(f.name);
    if (f.expr !== undefined) {
      if (/[\r\n]/.test(f.expr)) throw new Error(`${f.name}: the expression must be one line`);
      out.push(line(`Bluetooth.println(require("Storage").write(${name},${f.expr})?"OK":"FAIL")`, f.name));
      continue;
    }
    const bytes = f.bytes ?? new Uint8Array();
    for (let o = 0; o < Math.max(1, bytes.length); o += CHUNK_BYTES) {
      const chunk = JSON.stringify(b64(bytes.subarray(o, o + CHUNK_BYTES)));
      out.push(line(`Bluetooth.println(require("Storage").write(${name},atob(${chunk}),${o},${bytes.length})?"OK":"FAIL")`, f.name));
    }
  }
  return out;
}

/**
 * The last line: the watch restarts (running `.boot0`, which rebuilds itself since a .js file
 * changed) into its clock face, and answers nothing.
 */
export const LOAD_LINE = '\x10load()\n';

export interface InstallOptions {
  onProgress?: (p: InstallProgress) => void;
  /** How long one line may take to answer. */
  lineTimeoutMs?: number;
}

/** Writes `files` to the watch over Nordic UART. Throws an Error whose message is for the user. */
export async function installModule(device: BluetoothDevice, queue: GattQueue, files: InstallFile[], opts: InstallOptions = {}): Promise<void> {
  const commands = installCommands(files);
  const total = commands.reduce((n, c) => n + c.text.length, 0) + LOAD_LINE.length;
  const timeout = opts.lineTimeoutMs ?? 5000;
  const gatt = device.gatt;
  if (!gatt) throw new Error('This device has no Bluetooth services.');
  const { tx, rx } = await queue.run(async () => {
    const server = gatt.connected ? gatt : await gatt.connect();
    const uart = await server.getPrimaryService(NORDIC_UART.service).catch(() => {
      throw new Error(`${device.name ?? 'This watch'} has no Nordic UART console: it is not a Bangle.js, or its Bluetooth is in "programmable: off" mode.`);
    });
    const rxCh = await uart.getCharacteristic(NORDIC_UART.rx);
    await rxCh.startNotifications();
    return { tx: await uart.getCharacteristic(NORDIC_UART.tx), rx: rxCh };
  });
  let received = '';
  let wake: (() => void) | null = null;
  const onValue = () => {
    if (rx.value) received += String.fromCharCode(...bytesOf(rx.value));
    wake?.();
  };
  rx.addEventListener('characteristicvaluechanged', onValue);
  const write = (text: string) =>
    queue.run(async () => {
      const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
      for (let o = 0; o < bytes.length; o += WRITE_BYTES) await tx.writeValueWithResponse(bytes.slice(o, o + WRITE_BYTES));
    });
  /** The next answered line: OK, or a failure naming what the watch said. */
  const answer = (label: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The watch stopped answering while writing ${label}.`)), timeout);
      const look = () => {
        const lines = received.split(/\r?\n/);
        for (let i = 0; i < lines.length - 1; i++) {
          const l = lines[i].replace(/^[>\s]+/, '').trim();
          if (!l) continue;
          received = lines.slice(i + 1).join('\n');
          clearTimeout(timer);
          wake = null;
          if (l === 'OK') resolve();
          else if (l === 'FAIL') reject(new Error(`The watch could not store ${label}: its storage may be full.`));
          else reject(new Error(`The watch reported an error while writing ${label}: ${l.slice(0, 120)}`));
          return;
        }
      };
      wake = look;
      look();
    });
  let sent = 0;
  try {
    await write('\x03'); // clears any half-typed console line, as the App Loader does
    for (const c of commands) {
      opts.onProgress?.({ sent, total, file: c.label });
      const answered = answer(c.label);
      answered.catch(() => undefined); // awaited below; a failed write must not leave it unhandled
      await write(c.text);
      await answered;
      sent += c.text.length;
    }
    await write(LOAD_LINE);
    sent += LOAD_LINE.length;
    opts.onProgress?.({ sent, total, file: 'done' });
  } catch (e) {
    if (e instanceof LinkError || !gatt.connected) throw new Error(`The watch disconnected during the install. Nothing was started; try again.`);
    throw e;
  } finally {
    rx.removeEventListener('characteristicvaluechanged', onValue);
  }
}
