/**
 * Hostile input in the built app, in real Chromium: huge-count import files (full and shared
 * routine), broken bytes, dates past what IndexedDB can index, malformed addresses and editor
 * values are each answered with a clear message, and change nothing.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { appUnderTest } from '../support/app-under-test';
import { returningUser } from '../support/returning-user';

const app = appUnderTest();
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  page = await returningUser(await app.browser.newPage());
  page.on('pageerror', (e) => errors.push(e.message));
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

async function exported(): Promise<Loose> {
  await page.goto(app.server.url);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all data' }).click();
  return JSON.parse(readFileSync(await (await download).path(), 'utf8')) as Loose;
}

async function importFull(name: string, buffer: Buffer): Promise<string> {
  await page.goto(app.server.url);
  await page.locator('unknot-data-transfer #import-file').setInputFiles({ name, mimeType: 'application/json', buffer });
  await page.locator('unknot-data-transfer [data-import-error]').waitFor();
  return (await page.locator('unknot-data-transfer [role=alert]').innerText()).trim();
}

test('a full import of a million empty sessions is refused before parsing, and changes nothing', async () => {
  const before = await exported();
  const text = JSON.stringify({ ...before, sessions: Array.from({ length: 1_000_000 }, () => ({})) });
  expect(text.length).toBeLessThan(10 * 1024 * 1024); // valid JSON, under the size limit: only the count refuses it
  expect(await importFull('million.json', Buffer.from(text))).toBe(
    'Nothing was imported: the file holds more than 500,000 objects and lists; no Unknot export has that many.',
  );
  const after = await exported();
  expect({ ...after, exportedAt: 0 }).toEqual({ ...before, exportedAt: 0 });
});

test('a file that is not UTF-8 is refused, not stored with replacement characters', async () => {
  const file = Buffer.concat([Buffer.from('{"format":"unknot-export","x":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
  expect(await importFull('latin.json', file)).toBe('Nothing was imported: “latin.json” is not UTF-8 text (it has bytes that are not valid UTF-8).');
});

test('a session dated past the year 9999 is refused with a clear message, not an IndexedDB error', async () => {
  const file = await exported();
  file.sessions = [{ id: 'far', routineId: 'x', planId: 'x@abc', startedAt: 8.6e15, endedAt: 8.6e15, stepsDone: 1, totalSteps: 1, outcome: 'completed', source: 'phone' }];
  const message = await importFull('far.json', Buffer.from(JSON.stringify(file)));
  expect(message).toContain('sessions[0].startedAt: must be a date before the year 10000, got 8600000000000000');
  expect(message).not.toContain('IDBKeyRange');
});

test('"Import a shared routine": a million routines refused by their count; a 50 MB file by its size, unread', async () => {
  await page.goto(`${app.server.url}/report`);
  const input = page.locator('unknot-report #import');
  const status = page.locator('unknot-report [role=status]');
  const million = JSON.stringify({ format: 'unknot-export', version: 1, exportedAt: 0, routines: Array.from({ length: 1_000_000 }, () => ({})), plans: [], sessions: [] });
  await input.setInputFiles({ name: 'million.json', mimeType: 'application/json', buffer: Buffer.from(million) });
  await expect.poll(() => status.textContent()).toContain('more than 500,000 objects and lists');
  const huge = join(mkdtempSync(join(tmpdir(), 'unknot-huge-')), 'huge.json');
  writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 0x20));
  await input.setInputFiles(huge);
  await expect.poll(() => status.textContent()).toBe('Nothing was imported: “huge.json” is 50.0 MB; the limit is 10 MB.');
});

test('an address with a malformed %-escape shows "Page not found", not a blank app', async () => {
  for (const path of ['/routine/%', '/edit/%ZZ', '/play/%E0%A4%A']) {
    await page.goto(`${app.server.url}${path}`);
    await expect.poll(() => page.locator('unknot-app h1').textContent()).toBe('Page not found');
  }
  await page.getByRole('link', { name: 'Back to the routines' }).click();
  await page.locator('unknot-library h2').first().waitFor();
});

test('the editor: an invisible name, a reversed name and 1e309 each get their own message; text areas have a maxlength', async () => {
  await page.goto(`${app.server.url}/edit`);
  const editor = page.locator('unknot-routine-editor');
  await editor.locator('#f-name').fill('\u200b\u200c\u2060');
  const ex = editor.locator('unknot-exercise-fields');
  await ex.locator('#f-exercises-0-name').fill('Twist \u202Etfel');
  await ex.locator('#f-exercises-0-hold').fill('1e309');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => editor.locator('#f-name-error').textContent()).toBe('must contain a visible character');
  expect(await ex.locator('#f-exercises-0-name-error').textContent()).toBe('must not contain text-direction control characters (U+202A–U+202E, U+2066–U+2069)');
  expect(await ex.locator('#f-exercises-0-hold-error').textContent()).toBe('is too large: must be 1–120 s');
  expect(await editor.locator('#f-summary').getAttribute('maxlength')).toBe('600');
  expect(await ex.locator('#f-exercises-0-steps').getAttribute('maxlength')).not.toBeNull();
  expect(page.url()).toMatch(/\/edit$/); // nothing saved
  expect(errors).toEqual([]);
});
