/**
 * The data layer in the built app, in real Chromium with real IndexedDB: routines created in
 * the editor survive a reload; management (duplicate, delete with undo, reset); a broken import
 * is refused with a message and changes nothing; an export imported into a fresh browser
 * profile gives identical data.
 */
import 'fake-indexeddb/auto'; // only to build the fixture file below with the app's own data layer
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchProfile } from '../support/chromium';
import { serveDist, type Served } from '../support/serve';
import { BUILT_INS, builtInRoutine, compile } from '../../src/routine/index';
import { openUnknotDb } from '../../src/data/index';
import { returningUser } from '../support/returning-user';

let server: Served;
let profile: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  server = await serveDist();
  profile = await returningUser(await launchProfile());
  page = await profile.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
});
afterAll(async () => {
  await profile?.close();
  await server?.close();
});

const editor = () => page.locator('unknot-routine-editor');
const heading = (p: Page) => p.locator('main h1').first().textContent();

async function exportFrom(p: Page): Promise<string> {
  await p.goto(server.url);
  const download = p.waitForEvent('download');
  await p.getByRole('button', { name: 'Export all data' }).click();
  return readFileSync(await (await download).path(), 'utf8');
}

async function importInto(p: Page, name: string, text: string): Promise<void> {
  await p.goto(server.url);
  await p.locator('unknot-data-transfer #import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('a routine made in the editor: errors at their fields, then saved, and still there after a reload', async () => {
  await page.goto(server.url);
  await page.getByRole('link', { name: 'New routine' }).click();
  await page.waitForURL('**/edit');
  await editor().locator('#f-name').fill('Evening wind-down');
  const ex = editor().locator('unknot-exercise-fields');
  await ex.locator('#f-exercises-0-hold').fill('0');
  await page.getByRole('button', { name: 'Save' }).click();

  // Both problems shown where they are, the first one focused, nothing saved.
  await expect.poll(() => ex.locator('#f-exercises-0-name-error').textContent()).toBe('must be 1–60 characters, got 0');
  expect(await ex.locator('#f-exercises-0-hold-error').textContent()).toBe('must be 1–120 s, got 0');
  expect(await ex.locator('#f-exercises-0-hold').getAttribute('aria-invalid')).toBe('true');
  expect(await ex.locator('#f-exercises-0-name').evaluate((el) => el.matches(':focus'))).toBe(true);
  expect(await editor().getByRole('alert').textContent()).toContain('2 things need fixing');
  expect(page.url()).toMatch(/\/edit$/);

  await ex.locator('#f-exercises-0-name').fill('Slow twist');
  await ex.locator('#f-exercises-0-steps').fill('Lie on your back.\nLet your knees fall to one side.');
  await ex.locator('#f-exercises-0-hold').fill('12');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/routine\/evening-wind-down-[a-z0-9]{4}$/);
  await expect.poll(() => heading(page)).toBe('Evening wind-down');

  // A reload never flashes "No routine called …": the page waits for the database.
  const alerts: string[] = [];
  await page.exposeFunction('__alertSeen', (text: string) => alerts.push(text));
  await page.addInitScript(() => {
    // Shadow roots are out of a document observer's reach: look every few milliseconds instead.
    const timer = setInterval(() => {
      const detail = document.querySelector('unknot-app')?.shadowRoot?.querySelector('unknot-routine-detail');
      const alert = detail?.shadowRoot?.querySelector('[role=alert]');
      if (alert) (window as unknown as { __alertSeen(t: string): void }).__alertSeen(alert.textContent ?? '');
      if (detail?.shadowRoot?.querySelector('h1')) clearInterval(timer);
    }, 2);
  });
  const userRoutineUrl = page.url();
  await page.reload();
  await expect.poll(() => heading(page)).toBe('Evening wind-down');
  expect(await page.locator('unknot-routine-detail ol li').allTextContents()).toEqual(['Lie on your back.', 'Let your knees fall to one side.']);
  // The player opens the user's routine straight from its address too.
  await page.goto(userRoutineUrl.replace('/routine/', '/play/'));
  await expect.poll(() => page.locator('unknot-player h1').first().textContent()).toContain('Evening wind-down');
  await page.goto(server.url);
  await expect.poll(() => page.locator('unknot-library h2').allTextContents()).toContain('Evening wind-down');
  expect(alerts).toEqual([]);
  expect(errors).toEqual([]);
});

test('duplicate a built-in, delete with undo, reset an edited built-in', async () => {
  const seated = BUILT_INS[1].routine;
  await page.goto(`${server.url}/routine/${seated.id}`);
  await page.getByRole('button', { name: 'Duplicate to customise' }).click();
  await page.waitForURL(`**/edit?copy=${seated.id}`);
  // Cancel first: no copy is left behind.
  await page.getByRole('link', { name: 'Cancel' }).click();
  await page.waitForURL(`**/routine/${seated.id}`);
  await page.goto(`${server.url}/`);
  await expect.poll(() => page.locator('unknot-library h2').allTextContents()).toContain('Seated spinal twist');
  expect(await page.locator('unknot-library h2').allTextContents()).not.toContain('Seated spinal twist (copy)');
  await page.goto(`${server.url}/routine/${seated.id}`);
  await page.getByRole('button', { name: 'Duplicate to customise' }).click();
  await page.waitForURL(`**/edit?copy=${seated.id}`);
  await expect.poll(() => editor().locator('#f-name').inputValue()).toBe('Seated spinal twist (copy)');
  await editor().locator('#f-name').fill('My seated twist');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(`**/routine/${seated.id}-copy`);
  await expect.poll(() => heading(page)).toBe('My seated twist');

  await page.getByRole('button', { name: 'Delete' }).click();
  await page.waitForURL(`**/?deleted=${seated.id}-copy`);
  await expect.poll(() => page.locator('unknot-routine-undo p').textContent()).toContain('“My seated twist” was deleted.');
  expect(await page.locator('unknot-library h2').allTextContents()).not.toContain('My seated twist');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => page.locator('unknot-library h2').allTextContents()).toContain('My seated twist');

  // Edit the built-in itself, then reset it.
  await page.goto(`${server.url}/edit/${seated.id}`);
  await editor().locator('unknot-exercise-fields #f-exercises-0-hold').fill('30');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(`**/routine/${seated.id}`);
  const edited = { ...seated, exercises: [{ ...seated.exercises[0], hold: 30 }] };
  await expect.poll(() => page.locator('[data-total-ms]').getAttribute('data-total-ms')).toBe(String(compile(edited).totalMs));
  await page.getByRole('button', { name: 'Reset to the original' }).click();
  await page.getByRole('button', { name: 'Yes, undo my changes' }).click();
  await expect.poll(() => page.locator('[data-total-ms]').getAttribute('data-total-ms')).toBe(String(compile(seated).totalMs));
  expect(errors).toEqual([]);
});

test('a broken or hostile import is refused with a message, and changes nothing', async () => {
  const before = JSON.parse(await exportFrom(page));
  await importInto(page, 'notes.json', '{"format": "unknot-export", "version": 1, oops');
  const error = page.locator('unknot-data-transfer [data-import-error]');
  await expect.poll(() => error.textContent()).toMatch(/^Nothing was imported: this is not a Unknot export \(not valid JSON/);

  const hostile = { ...before, routines: [{ ...before.routines[0], __proto__: null }], sessions: [] as unknown[] };
  const text = JSON.stringify(hostile).replace('"routines":[{', '"routines":[{"__proto__":{"admin":true},');
  await importInto(page, 'hostile.json', text);
  await expect.poll(() => page.locator('unknot-data-transfer [role=alert] li').allTextContents()).toEqual(['routines[0].__proto__: the key "__proto__" is not allowed']);

  const after = JSON.parse(await exportFrom(page));
  expect({ ...after, exportedAt: 0 }).toEqual({ ...before, exportedAt: 0 });
  expect(await page.locator('unknot-library h2').allTextContents()).toContain('Evening wind-down');
});

test('export, then import into a fresh browser profile: identical data', async () => {
  // Ten sessions, made by the app's own data layer, brought in through the import itself.
  const source = await openUnknotDb({ factory: new IDBFactory(), storage: null });
  const plan = builtInRoutine('knees-to-chest-twist')!;
  const t0 = Date.UTC(2026, 3, 1, 7);
  await source.sessions.addMany(
    Array.from({ length: 10 }, (_, i) => ({ id: `e2e-${i}`, plan, startedAt: t0 + i * 86_400_000, endedAt: t0 + i * 86_400_000 + 128_000, stepsDone: 35, totalSteps: 35, outcome: 'completed' as const, source: 'watch' as const, painBefore: 6, painAfter: 3 })),
  );
  await importInto(page, 'sessions.json', await source.exportAll());
  await expect.poll(() => page.locator('[data-import-result]').textContent()).toMatch(/11 added/); // 10 sessions + 1 plan

  const exported = await exportFrom(page);
  const fresh = await returningUser(await launchProfile());
  try {
    const other = await fresh.newPage();
    await importInto(other, 'from-a.json', exported);
    await expect.poll(() => other.locator('[data-import-result]').textContent()).toMatch(/^Imported “from-a.json”: \d+ added/);
    const again = await exportFrom(other);
    const a = JSON.parse(exported);
    const b = JSON.parse(again);
    expect({ ...b, exportedAt: 0 }).toEqual({ ...a, exportedAt: 0 });
    expect(b.sessions).toHaveLength(10);
    expect(b.routines.map((r: { routine: { name: string } }) => r.routine.name)).toContain('Evening wind-down');
    await other.goto(server.url);
    await expect.poll(() => other.locator('unknot-library h2').allTextContents()).toContain('Evening wind-down');
  } finally {
    await fresh.close();
  }
});
