// Makes sure a Chromium for the end-to-end tests is here before `npm test` runs them:
// CHROME_PATH, then /usr/bin/chromium; where neither exists, install Debian's package when we
// can (root with apt-get), else stop with the one command that does.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium'].filter(Boolean);
const found = candidates.find((p) => existsSync(p));
if (found) {
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log('Chromium not found: installing Debian\'s chromium package for the end-to-end tests…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  if (existsSync('/usr/bin/chromium')) process.exit(0);
}
console.error(
  'The end-to-end tests need Chromium and none was found (CHROME_PATH, /usr/bin/chromium).\n' +
    'Install it with:  sudo apt-get install -y chromium\n' +
    'or point CHROME_PATH at an installed Chromium or Chrome.',
);
process.exit(1);
