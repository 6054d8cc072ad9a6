/**
 * `npm start` (vite preview) serves each path with the Cache-Control that docs/hosting.md §4 tells
 * a host to send: hashed assets immutable, the service worker and the pages no-cache.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { appUnderTest } from '../support/app-under-test';

const app = appUnderTest();
const root = resolve(import.meta.dirname, '../..');

/** The §4 table of docs/hosting.md: path → Cache-Control. */
function documented(): Map<string, string> {
  const doc = readFileSync(resolve(root, 'docs/hosting.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## 4. Caching'), doc.indexOf('## ', doc.indexOf('## 4. Caching') + 5));
  const rows = [...section.matchAll(/^\| (.+?) \| `([^`]+)` \|/gm)].filter(([, path]) => path !== 'path');
  return new Map(rows.map(([, path, value]) => [path, value]));
}

test('every path is served with the Cache-Control docs/hosting.md names', async () => {
  const table = documented();
  const asset = readdirSync(resolve(root, 'dist/assets')).find((f) => f.endsWith('.js'))!;
  const css = readdirSync(resolve(root, 'dist/assets')).find((f) => f.endsWith('.css'));
  const cases: [string, string][] = [
    [`/assets/${asset}`, '`/assets/*`'],
    ...(css ? [[`/assets/${css}`, '`/assets/*`'] as [string, string]] : []),
    ['/sw.js', '`/sw.js`'],
    ['/', '`/index.html` and app URLs'],
    ['/routine/knees-to-chest-twist', '`/index.html` and app URLs'],
    ['/manifest.webmanifest', '`/manifest.webmanifest`'],
    ['/pwa-192x192.png', 'icons, `/watch/*`'],
    ['/watch/unknot.app.js', 'icons, `/watch/*`'],
  ];
  for (const [path, row] of cases) {
    expect(table.get(row), row).toBeDefined();
    const response = await fetch(`${app.server.url}${path}`);
    expect(response.status, path).toBe(200);
    expect(response.headers.get('cache-control'), path).toBe(table.get(row));
  }
});
