/** The App-Loader-style install lines, evaluated by an Espruino console stand-in in Node. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, LOAD_LINE, installCommands, loadInstallFiles } from '../../src/watch-link/installer';
import { EspruinoConsole } from '../support/espruino-console';
import { buildWatch } from '../../watch/build';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

describe('install commands', () => {
  it('every line starts with \\x10, chunks are ≤ 1 KB, and the console ends with the exact built files', async () => {
    const dir = (await buildWatch(mkdtempSync(join(tmpdir(), 'unknot-install-')))).dir;
    const get = (async (url: string) => new Response(readFileSync(join(dir, url.replace('/watch/', ''))))) as typeof fetch;
    const files = await loadInstallFiles('/watch/', get);
    expect(files.map((f) => f.name)).toEqual(['unknot.app.js', 'unknot.boot.js', 'unknot.img', 'unknot.info']);
    const lines = installCommands(files);
    expect(lines.every((l) => l.text.startsWith('\x10') && l.text.endsWith('\n') && l.text.indexOf('\n') === l.text.length - 1)).toBe(true);
    const app = readFileSync(join(dir, 'unknot.app.js'));
    expect(lines.filter((l) => l.label === 'unknot.app.js')).toHaveLength(Math.ceil(app.length / CHUNK_BYTES));
    const con = new EspruinoConsole();
    for (const l of lines) con.receive(new TextEncoder().encode(l.text));
    con.receive(new TextEncoder().encode(LOAD_LINE));
    expect(con.take().split('\r\n').filter(Boolean).every((l) => l === 'OK')).toBe(true);
    for (const name of ['unknot.app.js', 'unknot.boot.js', 'unknot.img', 'unknot.info']) {
      expect(con.bytes(name), name).toEqual(Uint8Array.from(readFileSync(join(dir, name))));
    }
    expect(lines.at(-1)!.text).toContain('erase(".boot0")');
    expect(con.loads).toEqual(['']);
    // The .info file is written after the app's files, as the App Loader does.
    expect(lines.findIndex((l) => l.label === 'unknot.info')).toBeGreaterThan(lines.findLastIndex((l) => l.label === 'unknot.img'));
  });
});
