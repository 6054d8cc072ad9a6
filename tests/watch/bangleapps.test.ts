/**
 * dist/watch/bangleapps/unknot/ through BangleApps' OWN checks, as its CI runs them on a pull
 * request: bin/sanitycheck.js, then ESLint with BangleApps' .eslintrc.js and --max-warnings 0.
 * The checks come from ../shared/bangleapps-ci (BangleApps' files, unchanged), copied to a
 * temp folder (../shared stays read-only), with our node_modules linked in (acorn, ESLint and
 * the TypeScript plugins its config names). ESLint is ours (9, BangleApps pins 8.57) in eslintrc
 * mode: its `eslint:recommended` has every rule of 8.57's but two formatting rules, which are
 * turned back on, and reports more (e.g. unused catch bindings), so what passes here passes there.
 */
import { execFile } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWatch } from '../../watch/build';
import { sharedDir } from '../support/shared';

const CI = sharedDir('bangleapps-ci');
const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

function writable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) writable(p);
    else chmodSync(p, 0o644);
  }
}

describe.skipIf(!CI)(`BangleApps' own checks on the app folder${CI ? '' : ' (skipped: ../shared/bangleapps-ci is not here)'}`, () => {
  let scratch = '';
  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'unknot-bangleapps-'));
    cpSync(CI, scratch, { recursive: true });
    writable(scratch);
    symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'), 'dir');
    const out = (await buildWatch(mkdtempSync(join(tmpdir(), 'unknot-watch-')))).dir;
    cpSync(join(out, 'bangleapps/unknot'), join(scratch, 'apps/unknot'), { recursive: true });
  }, 120_000);

  it('bin/sanitycheck.js: no error, no warning', { timeout: 60_000 }, async () => {
    const { stdout } = await run(process.execPath, ['bin/sanitycheck.js'], { cwd: scratch });
    const ours = stdout.split('\n').filter((l) => /unknot/i.test(l));
    expect(ours).toEqual([]);
    expect(stdout).toMatch(/^0 errors, 0 warnings$/m);
  });

  it('ESLint with BangleApps .eslintrc.js, --max-warnings 0: every file of the app linted, nothing reported', { timeout: 120_000 }, async () => {
    const eslint = join(root, 'node_modules/eslint/bin/eslint.js');
    // 8.57's recommended rules that 9 dropped from its own.
    const v8 = JSON.stringify({ 'no-extra-semi': 'warn', 'no-mixed-spaces-and-tabs': 'warn' });
    const { stdout } = await run(process.execPath, [eslint, '--max-warnings', '0', '--rule', v8, '--format', 'json', './apps'], {
      cwd: scratch,
      maxBuffer: 1 << 26,
      env: { ...process.env, ESLINT_USE_FLAT_CONFIG: 'false' },
    });
    const results = JSON.parse(stdout) as { filePath: string; messages: { message: string; line: number }[] }[];
    const ours = results.filter((r) => r.filePath.includes('/apps/unknot/'));
    expect(ours.map((r) => r.filePath.split('/').at(-1)).sort()).toEqual(['app-icon.js', 'unknot.app.js', 'unknot.boot.js', 'unknot.clkinfo.js']);
    expect(ours.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.message}`))).toEqual([]);
  });
});
