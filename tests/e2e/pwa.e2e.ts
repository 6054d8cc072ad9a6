/**
 * The PWA shell in real Chromium: installable, every view reloads with the server STOPPED, and an
 * update waits for the user (and for a running session to end) before it reloads.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, launchProfile } from '../support/chromium';
import { serveDist, type Served } from '../support/serve';
import { BUILT_INS } from '../../src/routine/index';
import { CONTENT_SECURITY_POLICY } from '../../vite.config';
import { returningUser } from '../support/returning-user';

const root = resolve(import.meta.dirname, '../..');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const routine = BUILT_INS[0].routine;

/** Resolves once a service worker controls the page (sw.ts claims clients on first install). */
async function waitForControl(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
}

/** All text under an element, shadow roots included (innerText stops at shadow boundaries). */
function deepText(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((el) => {
    const walk = (node: Node): string =>
      (node instanceof Element && node.shadowRoot ? walk(node.shadowRoot) : '') +
      [...node.childNodes].map((c) => (c.nodeType === Node.TEXT_NODE ? (c.textContent ?? '') : walk(c))).join('');
    return walk(el).replace(/\s+/g, ' ').trim();
  });
}

async function isDown(url: string): Promise<boolean> {
  return fetch(url).then(
    () => false,
    () => true,
  );
}

const setSession = (page: Page, running: boolean) =>
  page.evaluate((r) => window.dispatchEvent(new CustomEvent('unknot-session-state', { detail: { running: r } })), running);

describe('install', () => {
  test('Chrome finds nothing that stops installing, the manifest is complete, and nothing leaves the origin', async () => {
    const server = await serveDist();
    // A real profile: Chrome refuses to install from an incognito-like context.
    const context = await returningUser(await launchProfile());
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const requests: string[] = [];
      // On the context, so the service worker's own fetches (the precache) are seen as well.
      context.on('request', (r) => requests.push(r.url()));
      const response = await page.goto(server.url);
      await waitForControl(page);

      const cdp = await page.context().newCDPSession(page);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
        installabilityErrors: { errorId: string }[];
      };
      expect(installabilityErrors).toEqual([]);

      const { errors, data } = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; data: string };
      expect(errors).toEqual([]);
      const manifest = JSON.parse(data) as {
        icons: { sizes: string; purpose?: string }[];
        shortcuts: { url: string }[];
        display: string;
      };
      expect(manifest.display).toBe('standalone');
      expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
      expect(manifest.shortcuts.map((s) => s.url)).toEqual(BUILT_INS.map((b) => `/play/${b.routine.id}`));

      // The policy comes both as a header (vite preview, as hosting should) and as the meta tag.
      const header = response?.headers()['content-security-policy'] ?? '';
      expect(header.startsWith(CONTENT_SECURITY_POLICY)).toBe(true);
      const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(meta).toBe(CONTENT_SECURITY_POLICY);
      expect(`${header} ${meta}`).not.toContain('unsafe-inline');

      // Icons, manifest and every precached file (watch files included) came from our own origin.
      const origin = new URL(server.url).origin;
      expect(requests.some((u) => u.endsWith('/watch/unknot.app.js'))).toBe(true);
      expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});

describe('install button', () => {
  let server: Served;
  beforeAll(async () => {
    server = await serveDist();
  });
  afterAll(async () => {
    await server?.close();
  });

  test('appears when Chrome offers installing (beforeinstallprompt) and asks once', async () => {
    const context = await returningUser(await launchProfile());
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(server.url);
      const button = page.getByRole('button', { name: 'Install Unknot' });
      await button.waitFor({ timeout: 20_000 });
      expect(await page.getByText('Add to Home Screen').count()).toBe(0);
      await button.click();
      // The browser's dialog took over; a prompt event cannot be used twice.
      await expect.poll(() => button.count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('iOS Safari, which has no install prompt, gets the Share → Add to Home Screen hint', async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({
        userAgent:
          'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
      });
      const page = await context.newPage();
      await page.goto(server.url);
      await expect.poll(() => deepText(page, 'unknot-install-button')).toBe('To install: tap Share, then “Add to Home Screen”.');
    } finally {
      await browser.close();
    }
  });
});

describe('offline', () => {
  let server: Served;
  let context: BrowserContext;
  let page: Page;

  /** Loads a path with the server stopped: answered by the service worker, with the user's theme. */
  async function reloadOffline(path: string): Promise<void> {
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.fromServiceWorker()).toBe(true);
    await expect.poll(() => page.locator('unknot-app .brand').textContent()).toBe('Unknot');
    // The theme the user chose online, read back from IndexedDB on every view.
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  }

  beforeAll(async () => {
    server = await serveDist();
    context = await returningUser(await launchProfile());
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await waitForControl(page);
    // The user's own data: a setting saved while online.
    await page.goto(`${server.url}/settings`);
    await page.locator('unknot-reminders-settings select#theme').selectOption('dark');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await server.close();
    expect(await isDown(server.url)).toBe(true);
  });

  afterAll(async () => {
    await context?.close();
  });

  test('the library reloads with the server stopped', async () => {
    await reloadOffline('/');
    await expect.poll(() => page.locator('unknot-library h2').allTextContents()).toEqual(BUILT_INS.map((b) => b.routine.name));
  });

  test('a routine page deep link loads offline', async () => {
    await reloadOffline(`/routine/${routine.id}`);
    await expect.poll(() => page.locator('unknot-routine-detail h1').textContent()).toBe(routine.name);
    // The pictures of the positions (never fetched online by this profile) come from the precache.
    await page.locator('unknot-exercise-poses unknot-pose svg path').first().waitFor({ state: 'attached' });
  });

  test('the player deep link loads offline', async () => {
    await reloadOffline(`/play/${routine.id}`);
    await expect.poll(() => page.locator('unknot-player h1').textContent()).toBe(routine.name);
  });

  test('history loads offline from the database', async () => {
    await reloadOffline('/history');
    await expect.poll(() => page.locator('unknot-history h1').textContent()).toBe('History');
    await expect.poll(() => page.locator('unknot-history [aria-busy="true"]').count()).toBe(0);
    expect(await page.locator('unknot-history [role="alert"]').count()).toBe(0);
  });

  test('the report loads offline', async () => {
    await reloadOffline('/report');
    await expect.poll(() => page.locator('unknot-report h1').textContent()).toMatch(/^Report: /);
  });

  test('settings load offline and show the saved choice', async () => {
    await reloadOffline('/settings');
    await expect.poll(() => page.locator('unknot-reminders-settings select#theme').inputValue()).toBe('dark');
  });

  test.each([
    ['/edit', 'New routine'],
    [`/edit/${routine.id}`, `Edit “${routine.name}”`],
  ])('the editor %s loads offline from the database', async (path, heading) => {
    await reloadOffline(path);
    await expect.poll(() => page.locator('unknot-routine-editor h1').textContent()).toBe(heading);
  });

  test('the built watch files are there offline', async () => {
    const app = await page.evaluate(async () => {
      const r = await fetch('/watch/unknot.app.js');
      return { ok: r.ok, length: (await r.text()).length };
    });
    expect(app.ok).toBe(true);
    expect(app.length).toBeGreaterThan(1000);
  });
});

describe('update', () => {
  const buildB = mkdtempSync(join(tmpdir(), 'unknot-build-b-'));
  const versionB = `${version}+update-test`;

  beforeAll(async () => {
    // Build B: the same sources with another version string, so the bundle and sw.js differ.
    await promisify(execFile)('npx', ['vite', 'build', '--outDir', buildB, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: root,
      env: { ...process.env, UNKNOT_VERSION: versionB },
    });
  }, 120_000);

  afterAll(() => rmSync(buildB, { recursive: true, force: true }));

  test('a waiting build is offered only when no session runs, and Reload shows it', async () => {
    let server = await serveDist();
    const port = Number(new URL(server.url).port);
    const context = await returningUser(await launchProfile());
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(server.url);
      await waitForControl(page);
      const shown = () => page.locator('unknot-app [data-version]').textContent();
      const prompt = page.getByRole('button', { name: 'Reload' });
      expect(await shown()).toBe(version);

      // A routine starts; meanwhile build B goes live on the same origin and the browser finds it.
      await setSession(page, true);
      await server.close();
      server = await serveDist(buildB, port);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      await expect.poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting), { timeout: 20_000 }).toBe(true);
      // Let workbox-window's "waiting" event reach the page before judging the prompt.
      await page.waitForTimeout(500);
      expect(await prompt.count()).toBe(0);

      // The session ends: now the prompt shows, and the page still runs build A.
      await setSession(page, false);
      await expect.poll(() => deepText(page, 'unknot-update-prompt')).toContain('A new version is ready');
      expect(await shown()).toBe(version);

      await Promise.all([page.waitForEvent('load'), prompt.click()]);
      await expect.poll(shown).toBe(versionB);
      expect(await prompt.count()).toBe(0);
    } finally {
      await context.close();
      await server.close();
    }
  }, 90_000);
});
