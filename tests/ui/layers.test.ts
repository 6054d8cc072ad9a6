import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The three layers of src/ui, checked over the real import graph (static imports, re-exports and
 * dynamic import() alike):
 * - shell/ is on top: the one folder that may import any view's files.
 * - a view folder imports common/, context/, its own files, and another view only through that
 *   view's index.ts;
 * - common/ and context/ import nothing of a view or of the shell.
 */
const UI = resolve(__dirname, '../../src/ui');
const BOTTOM = new Set(['common', 'context']);
const TOP = 'shell';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative specifier a file imports, re-exports or loads lazily. */
export function specifiers(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\1/g;
  for (const match of source.matchAll(pattern)) found.push(match[2]);
  return found;
}

/** The folder of src/ui a path lies in ('' for src/ui itself, null outside it). */
function folderOf(path: string): string | null {
  const rel = relative(UI, path);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(sep);
  const isFolder = parts.length === 1 && !/\.(ts|js)$/.test(rel);
  return parts.length > 1 || isFolder ? parts[0] : '';
}

/** Why importing `target` from `from` breaks the layers, or null when it is allowed. */
export function breach(from: string, target: string): string | null {
  const source = folderOf(from);
  const dest = folderOf(target);
  if (source === null || dest === null || source === dest) return null;
  if (source === TOP) return null;
  if (dest === TOP) return `${source}/ imports the shell`;
  if (BOTTOM.has(dest)) return null;
  if (BOTTOM.has(source)) return `${source}/ is a bottom layer but imports the view ${dest}/`;
  const viaIndex = relative(join(UI, dest), target).replace(/\.(ts|js)$/, '') === 'index' || target === join(UI, dest);
  return viaIndex ? null : `${source}/ reaches into ${dest}/ past its index.ts`;
}

function breaches(): string[] {
  const found: string[] = [];
  for (const file of filesUnder(UI)) {
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      const target = resolve(dirname(file), spec);
      const why = breach(file, target);
      if (why) found.push(`${relative(UI, file)} → ${spec}: ${why}`);
    }
  }
  return found;
}

describe('src/ui layers', () => {
  it('every folder of src/ui is shell, a view, common or context', () => {
    const folders = readdirSync(UI).filter((name) => statSync(join(UI, name)).isDirectory());
    expect(folders).toContain(TOP);
    for (const bottom of BOTTOM) expect(folders).toContain(bottom);
    expect(readdirSync(UI).filter((name) => name.endsWith('.ts'))).toEqual([]);
  });

  it('no import breaks the layers', () => {
    expect(breaches()).toEqual([]);
  });

  it('the rule catches each kind of breach', () => {
    const at = (p: string) => join(UI, p);
    expect(breach(at('library/x.ts'), at('routine/unknot-routine-undo'))).toMatch(/past its index/);
    expect(breach(at('library/x.ts'), at('routine/index'))).toBeNull();
    expect(breach(at('library/x.ts'), at('routine'))).toBeNull();
    expect(breach(at('common/x.ts'), at('player/index'))).toMatch(/bottom layer/);
    expect(breach(at('context/x.ts'), at('shell/router'))).toMatch(/imports the shell/);
    expect(breach(at('player/x.ts'), at('shell/router'))).toMatch(/imports the shell/);
    expect(breach(at('shell/x.ts'), at('player/unknot-player'))).toBeNull();
    expect(breach(at('player/x.ts'), at('common/shared-styles'))).toBeNull();
    expect(specifiers("import '../a/b';\nexport { x } from './c';\nconst m = () => import('../d/e');")).toEqual([
      '../a/b',
      './c',
      '../d/e',
    ]);
  });
});
