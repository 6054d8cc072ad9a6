/**
 * `npm run build:watch`: the Bangle.js 2 app files in dist/watch/ (minified: what the PWA's
 * installer sends), and dist/watch/bangleapps/unknot/: the same app laid out as a BangleApps
 * app folder (metadata.json, ChangeLog, README.md, app-icon.js, icon, readable JavaScript), as
 * it could be proposed to BangleApps. Node only (never runs on the watch).
 *
 * Vite (already the app's bundler) bundles each entry to one minified IIFE. The target is
 * ES2015 so the minifier never introduces newer syntax than the source; tests/watch/compat
 * then checks the result for what Espruino cannot run.
 */
import { build, type Rollup } from 'vite';
import { minify as terser } from 'terser';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { crc32 } from './protocol/crc';
import { ERR } from './protocol/frame';
import { CUE, MSG, OUTCOME, STATE } from './protocol/messages';
import { PLAN_CUE } from './protocol/plan';
import { DAY_FILE, GO_FILE, LOG_PREFIX, PLAN_FILE, SETTINGS_FILE, WRIST_PREFIX } from './core/store';
import { REMINDERS_FILE } from './core/reminders';
import { MODULE_VERSION } from './version';

const root = resolve(import.meta.dirname, '..');

export const APP_ID = 'unknot';

/** Constant tables whose members the watch build writes as plain numbers. */
const INLINED: Record<string, Record<string, number>> = { MSG, ERR, STATE, CUE, OUTCOME, PLAN_CUE };

/**
 * Writes `MSG.HELLO`, `ERR.BAD_CRC`… in watch code as the numbers they stand for. The minifier
 * keeps object property names, and on the watch every name is flash and RAM: this saves about
 * 0.7 KB of the 12 KB budget. A member that does not exist fails the build.
 */
const inlineConstants = {
  name: 'unknot-inline-constants',
  transform(code: string, id: string) {
    if (!id.includes('/watch/')) return null;
    return code.replace(/\b(MSG|ERR|STATE|CUE|OUTCOME|PLAN_CUE)\.([A-Z_0-9]+)\b/g, (m, table: string, key: string) => {
      const v = INLINED[table][key];
      if (v === undefined) throw new Error(`${id}: ${m} is not a constant`);
      return String(v);
    });
  },
};

/**
 * Property names that live only inside one bundle (the Hardware seam, the face, a decoded plan,
 * a parsed message, the executor): the minifier shortens them, which keeps unknot.app.js in its
 * 12 KB. Never a name of Espruino's API (Bangle.buzz, Storage.list…), nor of anything kept in a
 * file (unknot.json, unknot.log.*), read by another bundle, or named in a test: those stay.
 */
const MANGLED = [
  'setTimer', 'clearTimer', 'draw', 'onButton', 'onTouch', 'onBack', 'onExit', 'leave', 'onFrame', 'onReminder', 'reminderSync',
  'crc32', 'battery', 'firmware', 'readBytes', 'writeBytes',
  'clock', 'title', 'big', 'side', 'rep', 'note', 'rows', 'sel',
  'durationMs', 'kind', 'reps', 'labels', 'count', 'totalMs', 'bytes', 'base',
  'elapsed', 'skipped', 'segment', 'msInStep', 'next',
  'total', 'crc', 'delayMs', 'cue', 'logId', 'slot', 'payload', 'step', 're',
  'buf', 'got', 'nl', 'ni', 'offset', 'phoneNow', 'instants', 'at', 'text', 'ok', 'tick', 'done', 'module', 'maxFrame', 'clockMs',
];

async function bundle(entry: string, version: string, minify = true): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    root,
    define: { __UNKNOT_VERSION__: JSON.stringify(version) },
    plugins: [inlineConstants],
    build: {
      write: false,
      target: 'es2015',
      minify,
      emptyOutDir: false,
      // `require('Storage')` is Espruino's module loader, not a file to bundle.
      rolldownOptions: { external: ['Storage'] },
      lib: { entry: join(root, entry), formats: ['iife'], name: 'unknot', fileName: () => 'out.js' },
    },
  });
  const result = (Array.isArray(out) ? out[0] : out) as Rollup.RollupOutput;
  const chunk = result.output.find((o): o is Rollup.OutputChunk => o.type === 'chunk');
  if (!chunk) throw new Error(`no output for ${entry}`);
  if (!minify) return chunk.code;
  // Then only the names of MANGLED shortened (terser: no compression). Terser's own compression
  // is not used: its `const` declarations in functions called twice break Espruino 2v29
  // (the real emulator showed it); Vite's minifier writes `let`, which Espruino runs right.
  const out2 = await terser(chunk.code, {
    ecma: 2015,
    compress: false,
    mangle: { properties: { regex: new RegExp(`^(${MANGLED.join('|')})$`) } },
  });
  if (!out2.code || /\bconst\b/.test(out2.code)) throw new Error(`${entry}: the minified file must not use const (Espruino)`);
  return out2.code;
}

/** The icon source: rows of '#' (ink) and '.' (paper). */
export function readIcon(): { width: number; height: number; ink: boolean[] } {
  const rows = readFileSync(join(root, 'watch/icon.txt'), 'utf8').trim().split('\n');
  const width = rows[0].length;
  rows.forEach((r, i) => {
    if (r.length !== width || /[^#.]/.test(r)) throw new Error(`watch/icon.txt line ${i + 1}: ${width} characters of '#' or '.' expected`);
  });
  return { width, height: rows.length, ink: rows.flatMap((r) => [...r].map((c) => c === '#')) };
}

/** Espruino image string: width, height, bits per pixel (1), then the pixels MSB first, unpadded. */
export function espruinoImage(icon: { width: number; height: number; ink: boolean[] }): Uint8Array {
  const out = new Uint8Array(3 + Math.ceil(icon.ink.length / 8));
  out[0] = icon.width;
  out[1] = icon.height;
  out[2] = 1;
  icon.ink.forEach((on, i) => {
    if (on) out[3 + (i >> 3)] |= 0x80 >> (i & 7);
  });
  return out;
}

/** A PNG of the icon for the App Loader's list (ink #1b5e7a on transparent). */
export function png(icon: { width: number; height: number; ink: boolean[] }): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(icon.width, 0);
  ihdr.writeUInt32BE(icon.height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const raw = Buffer.alloc(icon.height * (1 + icon.width * 4));
  for (let y = 0; y < icon.height; y++) {
    for (let x = 0; x < icon.width; x++) {
      if (icon.ink[y * icon.width + x]) raw.set([0x1b, 0x5e, 0x7a, 0xff], y * (1 + icon.width * 4) + 1 + x * 4);
    }
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export interface WatchBuild {
  dir: string;
  files: Record<string, number>;
  appBytes: number;
  appGzip: number;
}

/** The newest version in a BangleApps ChangeLog ("0.10: …" lines, oldest first). */
export function changeLogVersion(text: string): string | null {
  const versions = text.match(/^\d+\.\d+:/gm);
  return versions ? versions[versions.length - 1].slice(0, -1) : null;
}

/** Wildcards of the files the app keeps on the watch: backed up and removed with it. */
export const DATA_WILDCARDS = [`${LOG_PREFIX}*`, `${WRIST_PREFIX}?`];
export const DATA_FILES = [SETTINGS_FILE, PLAN_FILE, REMINDERS_FILE, DAY_FILE, GO_FILE];

export async function buildWatch(outDir: string = join(root, 'dist/watch')): Promise<WatchBuild> {
  const version = MODULE_VERSION;
  if (!/^\d+\.\d\d$/.test(version)) throw new Error(`watch/version.ts: "${version}" is not a two-part version like 0.10`);
  const changeLog = readFileSync(join(root, 'watch/ChangeLog'), 'utf8');
  if (changeLogVersion(changeLog) !== version) {
    throw new Error(`watch/ChangeLog's newest entry is ${changeLogVersion(changeLog)}, watch/version.ts says ${version}: add a ChangeLog line`);
  }
  const app = await bundle('watch/bangle/app.ts', version);
  const boot = await bundle('watch/bangle/boot.ts', version);
  const clkinfoSource = readFileSync(join(root, 'watch/bangle/clkinfo.js'), 'utf8');
  // One expression, no trailing semicolon: the clock_info loader (and .clkinfocache) wraps it.
  // Minified as the right side of an assignment (so it is kept), which is then cut off again.
  const min = (await terser(`__clkinfo=${clkinfoSource.trim()}`, { ecma: 2015, compress: { passes: 2 } })).code ?? '';
  if (!min.startsWith('__clkinfo=')) throw new Error('unknot.clkinfo.js must be one function expression');
  const clkinfo = `(${min.slice('__clkinfo='.length).replace(/;$/, '')})`;
  const icon = readIcon();
  const img = espruinoImage(icon);
  const iconJs = `atob(${JSON.stringify(Buffer.from(img).toString('base64'))})`;
  const storage = [
    { name: `${APP_ID}.app.js`, url: `${APP_ID}.app.js` },
    { name: `${APP_ID}.boot.js`, url: `${APP_ID}.boot.js` },
    { name: `${APP_ID}.clkinfo.js`, url: `${APP_ID}.clkinfo.js` },
    { name: `${APP_ID}.img`, url: 'app-icon.js', evaluate: true },
  ];
  const metadata = {
    id: APP_ID,
    name: 'Unknot',
    shortName: 'Unknot',
    version,
    author: 'Unknot contributors',
    description: 'Guides lower-back-spasm routines eyes-free: buzzes at each hold and side switch. Routines come from the Unknot phone app.',
    icon: 'app.png',
    type: 'app',
    tags: 'health,tool,clkinfo',
    supports: ['BANGLEJS2'],
    readme: 'README.md',
    allow_emulator: true,
    storage,
    data: [...DATA_FILES.map((name) => ({ name })), ...DATA_WILDCARDS.map((wildcard) => ({ wildcard }))],
  };
  // What the App Loader writes as <id>.info; uninstalling deletes `files` and `data`.
  const info = {
    id: APP_ID,
    name: 'Unknot',
    src: `${APP_ID}.app.js`,
    icon: `${APP_ID}.img`,
    type: 'app',
    version,
    files: [`${APP_ID}.info`, ...storage.map((s) => s.name)].join(','),
    data: [...DATA_FILES, ...DATA_WILDCARDS].join(','),
  };
  const metaJson = JSON.stringify(metadata, null, 2) + '\n';
  const appPng = png(icon);
  const files: Record<string, string | Uint8Array> = {
    [`${APP_ID}.app.js`]: app,
    [`${APP_ID}.boot.js`]: boot,
    [`${APP_ID}.clkinfo.js`]: clkinfo,
    [`${APP_ID}.img`]: img,
    'app-icon.js': iconJs,
    [`${APP_ID}.info`]: JSON.stringify(info),
    'metadata.json': metaJson,
    'app.png': appPng,
    // The BangleApps folder: readable code (reviewers read it; the App Loader tokenises on upload).
    [`bangleapps/${APP_ID}/metadata.json`]: metaJson,
    [`bangleapps/${APP_ID}/ChangeLog`]: changeLog,
    [`bangleapps/${APP_ID}/README.md`]: readFileSync(join(root, 'watch/README.md'), 'utf8'),
    [`bangleapps/${APP_ID}/app-icon.js`]: iconJs,
    [`bangleapps/${APP_ID}/app.png`]: appPng,
    [`bangleapps/${APP_ID}/${APP_ID}.app.js`]: await bundle('watch/bangle/app.ts', version, false),
    // bootupdate.js defines bleServices before the boot files run: say so to ESLint.
    [`bangleapps/${APP_ID}/${APP_ID}.boot.js`]: `/* global bleServices */\n${await bundle('watch/bangle/boot.ts', version, false)}`,
    [`bangleapps/${APP_ID}/${APP_ID}.clkinfo.js`]: clkinfoSource,
  };
  mkdirSync(outDir, { recursive: true });
  const sizes: Record<string, number> = {};
  for (const [name, body] of Object.entries(files)) {
    const path = join(outDir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, body);
    sizes[name] = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  }
  return { dir: outDir, files: sizes, appBytes: Buffer.byteLength(app), appGzip: gzipSync(app).length };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const b = await buildWatch(process.argv[2] ? resolve(process.argv[2]) : undefined);
  for (const [name, size] of Object.entries(b.files)) console.log(`  ${b.dir}/${name}  ${size} B`);
  console.log(`  unknot.app.js: ${b.appBytes} B minified, ${b.appGzip} B gzip (goal ≤ 12288 B)`);
  const session = ['unknot.app.js', 'unknot.boot.js', 'unknot.clkinfo.js'];
  console.log(`  loaded around a session: ${session.map((n) => `${n} ${b.files[n]} B`).join(' + ')} = ${session.reduce((n, f) => n + b.files[f], 0)} B (goal ≤ 16384 B)`);
}
