/** Launches the real headless Chromium the end-to-end tests and benchmarks run in. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export function chromiumPath(): string {
  const path = [process.env.CHROME_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
  if (!path) throw new Error('No Chromium: set CHROME_PATH or run `apt-get install -y chromium`.');
  return path;
}

/** Flags that keep Chromium quiet on a machine with no outside network, and enable Web Bluetooth. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-features=WebBluetooth',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/**
 * A persistent profile (a real user data dir), needed where a test reloads with a service worker
 * or compares two separate browser profiles.
 */
export function launchProfile(dir = mkdtempSync(join(tmpdir(), 'unknot-profile-'))): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}
