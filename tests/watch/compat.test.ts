/** The BUILT watch files use only what Espruino runs; and the checker does catch each failing form. */
import { beforeAll, describe, expect, it } from 'vitest';
import { builtWatch } from './espruino-double';
import { espruinoProblems } from './espruino-compat';

let files: { app: string; boot: string; clkinfo: string };
beforeAll(async () => {
  files = await builtWatch();
});

describe('Espruino compatibility of the built files', () => {
  it('unknot.app.js has none of the failing forms', () => {
    expect(espruinoProblems(files.app)).toEqual([]);
  });

  it('unknot.boot.js has none of the failing forms', () => {
    expect(espruinoProblems(files.boot)).toEqual([]);
  });

  it('unknot.clkinfo.js has none of the failing forms, and is one expression', () => {
    expect(espruinoProblems(`(${files.clkinfo})`)).toEqual([]);
    expect(files.clkinfo.startsWith('(') && files.clkinfo.endsWith(')')).toBe(true);
  });

  it('everything loaded around a session (app, boot, clock info) fits 16 KB', () => {
    expect(Buffer.byteLength(files.app + files.boot + files.clkinfo)).toBeLessThanOrEqual(16 * 1024);
  });

  it('unknot.app.js fits the 12 KB goal', () => {
    expect(Buffer.byteLength(files.app)).toBeLessThanOrEqual(12 * 1024);
  });
});

describe('the checker', () => {
  const cases: [string, string][] = [
    ['function f(a = 1) { return a; }', 'default parameter'],
    ['const { a } = o;', 'destructuring'],
    ['const [a, b] = o;', 'destructuring'],
    ['f(...xs);', 'spread/rest'],
    ['const o2 = { ...o };', 'spread/rest'],
    ['function f(...xs) { return xs; }', 'spread/rest'],
    ['async function f() { await g(); }', 'async/await'],
    ['const x = a?.b;', 'optional chaining'],
    ['const x = a ** 2;', '**'],
    ['const o = { [k]: 1 };', 'computed key'],
    ['const m = new Map();', 'Map'],
    ['const s = new Set([1]);', 'Set'],
    ['const s = Symbol("x");', 'Symbol'],
    ['const a = Array.from(xs);', 'Array.from'],
    ['a ??= b;', 'logical assignment (unverified on Espruino)'],
    ['try { f(); } catch { g(); }', 'optional catch binding (unverified on Espruino)'],
    ['const b = new Uint8Array;', 'typed array without argument'],
  ];
  it.each(cases)('flags %s', (code, rule) => {
    expect(espruinoProblems(code).map((p) => p.rule)).toContain(rule);
  });

  it('accepts what Espruino runs, including names that only look like the banned ones', () => {
    const ok = `
      class A { get x() { return 1; } static make() { return new A(); } }
      const f = (a, b) => a + b; let s = \`t\${f(1, 2)}\`;
      for (const v of [1, 2]) s += v;
      const o = { Map: 1, Set: 2, f() { return this.Map; } }; o.Set = 3;
      const p = Promise.all([Promise.resolve(1)]); const q = a ?? b; const u = new Uint8Array(4);
      try { f(); } catch (e) { print(e); }`;
    expect(espruinoProblems(ok)).toEqual([]);
  });
});
