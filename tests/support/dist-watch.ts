/**
 * The watch module as the production build ships it (dist/watch, built by `npx vite build` or
 * `npm run build:watch`): what the app serves and installs on a Bangle.js, and what the
 * end-to-end tests run under the Espruino double. Unit tests build their own copy (builtWatch() in
 * tests/watch/espruino-double.ts); tests of the shipped files read these.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const DIST_WATCH = resolve(import.meta.dirname, '../../dist/watch');

/** The built app and boot files, as EspruinoDouble.boot() takes them. */
export function distWatch(): { app: string; boot: string } {
  return { app: readFileSync(join(DIST_WATCH, 'unknot.app.js'), 'utf8'), boot: readFileSync(join(DIST_WATCH, 'unknot.boot.js'), 'utf8') };
}
