/**
 * History, the report, sharing, reminders and settings in the built app, in real Chromium, in
 * the Europe/Berlin zone with a fixed "now" (Playwright's clock). Sessions are seeded straight
 * into IndexedDB: the views under test read sessions and plans only (the data layer's monthly
 * summary cache, which a raw write skips, is not used by them).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { appUnderTest } from '../support/app-under-test';
import { builtInRoutine, type Routine } from '../../src/routine/index';
import type { SessionRecord } from '../../src/data/schema';
import { planIdOf } from '../../src/data/plans';
import { zonedInstant } from '../../src/history/index';
import { returningUser } from '../support/returning-user';
import { storedSessions } from '../support/stored-sessions';

const TZ = 'Europe/Berlin';
const NOW = zonedInstant('2026-05-20', '10:00', TZ); // a Wednesday
const k2c = builtInRoutine('knees-to-chest-twist')!;
const seated = builtInRoutine('seated-spinal-twist')!;

let n = 0;
function s(day: string, time: string, plan: Routine, extra: Partial<SessionRecord> = {}): SessionRecord {
  const at = zonedInstant(day, time, TZ);
  return { id: `seed-${++n}`, routineId: plan.id, planId: planIdOf(plan), startedAt: at, endedAt: at + 95_000, stepsDone: 20, totalSteps: 20, outcome: 'completed', source: 'phone', ...extra };
}

const SESSIONS: SessionRecord[] = [
  // An older run of four days, across midnight at both ends.
  s('2026-05-08', '23:59', k2c),
  s('2026-05-09', '12:00', k2c),
  s('2026-05-10', '12:00', k2c),
  s('2026-05-11', '00:01', k2c),
  // The current run of three days.
  s('2026-05-18', '07:30', seated),
  s('2026-05-18', '08:00', k2c, { painBefore: 7, painAfter: 5 }),
  s('2026-05-19', '08:00', k2c, { painBefore: 6, painAfter: 3 }),
  s('2026-05-19', '13:00', k2c, { outcome: 'stopped-early', stepsDone: 4 }),
  s('2026-05-20', '00:01', k2c, { note: '=HYPERLINK("http://evil.example","click")' }),
  s('2026-05-20', '08:00', k2c, { painBefore: 5, painAfter: 2, note: 'Better, "left" side still tight' }),
  s('2026-05-20', '09:00', k2c, { source: 'watch' }),
];

const app = appUnderTest();
let context: BrowserContext;
const errors: string[] = [];

afterEach(async () => {
  await context?.close();
  expect(errors).toEqual([]);
  errors.length = 0;
});

async function open(path: string, options: { seed?: boolean; permissions?: string[] } = {}): Promise<Page> {
  context = await returningUser(await app.browser.newContext({ timezoneId: TZ, acceptDownloads: true, locale: 'en-GB' }));
  if (options.permissions) await context.grantPermissions(options.permissions, { origin: app.server.url });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.clock.setFixedTime(NOW);
  await page.goto(`${app.server.url}/settings`); // any view: the app opens (and creates) the database
  await page.getByRole('heading', { name: 'Reminders' }).waitFor();
  if (options.seed) await seed(page, [k2c, seated], SESSIONS);
  await page.goto(`${app.server.url}${path}`);
  return page;
}

async function seed(page: Page, plans: Routine[], sessions: SessionRecord[]): Promise<void> {
  const planRecords = plans.map((routine) => ({ id: planIdOf(routine), routineId: routine.id, routine }));
  await page.evaluate(
    ([planRecords, sessions]) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('unknot');
        req.onsuccess = () => {
          const tx = req.result.transaction(['plans', 'sessions'], 'readwrite');
          for (const p of planRecords) tx.objectStore('plans').put(p);
          for (const x of sessions) tx.objectStore('sessions').put(x);
          tx.oncomplete = () => (req.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }),
    [planRecords, sessions] as const,
  );
}

const storedIds = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const req = indexedDB.open('unknot');
        req.onsuccess = () => {
          const all = req.result.transaction('sessions').objectStore('sessions').getAllKeys();
          all.onsuccess = () => (req.result.close(), resolve(all.result as string[]));
        };
      }),
  );

/** The day button's accessible name, as a screen reader gets it. */
const dayLabel = (page: Page, day: string) => page.locator(`unknot-history-calendar button[data-day="${day}"] .visually-hidden`).textContent();

describe('history', () => {
  test('streaks, done against prescribed per day, and the pain chart', async () => {
    const page = await open('/history', { seed: true });
    await expect.poll(() => page.locator('[data-streak="current"]').textContent()).toBe('3 days');
    expect(await page.locator('[data-streak="longest"]').textContent()).toBe('4 days');
    expect(await page.getByRole('heading', { name: 'May 2026' }).isVisible()).toBe(true);
    expect(await dayLabel(page, '2026-05-20')).toContain('Lying knees-to-chest twist 3 of 3');
    expect(await dayLabel(page, '2026-05-19')).toContain('Lying knees-to-chest twist 1 of 3, 1 stopped early');
    expect(await dayLabel(page, '2026-05-18')).toMatch(/Lying knees-to-chest twist 1 of 3; Seated spinal twist 1 of 1/);
    // 23:59 on the 8th and 00:01 on the 11th are on their own local days.
    expect(await page.locator('unknot-history-calendar button[data-day]').count()).toBe(7);
    expect(await page.locator('unknot-history-chart svg').getAttribute('data-points')).toBe('3');
    await page.getByRole('button', { name: 'Previous month' }).click();
    await page.getByRole('heading', { name: 'April 2026' }).waitFor();
  });

  test('session detail, delete, undo, and it survives a reload; a watch session given pain scores is marked by the same rule', async () => {
    const page = await open('/history', { seed: true });
    await page.locator('unknot-history-calendar button[data-day="2026-05-20"]').click();
    const list = page.getByRole('list', { name: 'Sessions that day' });
    expect(await list.getByRole('button').count()).toBe(3);
    await list.getByRole('button', { name: /08:00/ }).click();
    const detail = page.locator('unknot-history-session section');
    await expect.poll(() => detail.textContent()).toContain('5 of 10');
    expect(await detail.textContent()).toContain('Better, "left" side still tight');

    await detail.getByRole('button', { name: 'Delete this session' }).click();
    await page.getByRole('button', { name: 'Undo' }).waitFor();
    await expect.poll(() => dayLabel(page, '2026-05-20')).toContain('2 of 3');
    expect(await storedIds(page)).toHaveLength(SESSIONS.length - 1);

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => dayLabel(page, '2026-05-20')).toContain('3 of 3');
    expect((await storedIds(page)).sort()).toEqual(SESSIONS.map((x) => x.id).sort());
    await page.reload();
    await expect.poll(() => dayLabel(page, '2026-05-20')).toContain('3 of 3');

    // The watch's session carries no pain scores, so no mark; given in a correction, the same rule marks it.
    await page.locator('unknot-history-calendar button[data-day="2026-05-20"]').click();
    await list.getByRole('button', { name: /09:00/ }).click();
    await expect.poll(() => detail.textContent()).toContain('the watch');
    expect(await detail.locator('[data-flag]').count()).toBe(0);
    await detail.getByRole('button', { name: 'Correct pain or note' }).click();
    await page.getByRole('group', { name: 'Pain before' }).getByRole('button', { name: '2', exact: true }).click();
    await page.getByRole('group', { name: 'Pain after' }).getByRole('button', { name: '5', exact: true }).click();
    await page.getByRole('button', { name: 'Save the correction' }).click();
    await expect.poll(() => detail.locator('[data-flag]').textContent()).toBe('Pain rose by 3 points (2 to 5)');
    const watchSession = SESSIONS.find((x) => x.source === 'watch')!;
    expect((await storedSessions(page)).find((x) => x.id === watchSession.id)).toMatchObject({ painBefore: 2, painAfter: 5, flag: 'pain-rose' });
  });
});

describe('report and sharing', () => {
  test('adherence and pain over a chosen week, on one printed page', async () => {
    const page = await open('/report', { seed: true });
    await page.getByLabel('From', { exact: true }).fill('2026-05-14');
    await page.getByLabel('To', { exact: true }).fill('2026-05-20');
    await expect.poll(() => page.locator('[data-summary]').textContent()).toMatch(/7 days · 7 sessions \(6 completed, 1 stopped early\)/);
    const row = (id: string) => page.locator(`tr[data-routine="${id}"] td`).allTextContents();
    // Knees-to-chest: 1 + 1 + 3 of 3 a day over 7 days; pain 7,6,5 before and 5,3,2 after.
    expect(await row(k2c.id)).toEqual(['3× a day', '5 of 21', '24%', '1 of 7', '1', '6.0', '3.3']);
    expect(await row(seated.id)).toEqual(['1× a day', '1 of 7', '14%', '1 of 7', '0', '–', '–']);
    // Notes, newest first, shown as text (the formula-looking one too).
    expect(await page.locator('unknot-report ul.notes li').allTextContents()).toEqual([
      expect.stringContaining('Better, "left" side still tight'),
      expect.stringContaining('=HYPERLINK("http://evil.example","click")'),
    ]);

    // Printed: the controls and the app's header are gone, and it fits on one page.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  });

  test('the period cannot end before it starts', async () => {
    const page = await open('/report', { seed: true });
    await page.getByLabel('To', { exact: true }).fill('2026-05-20');
    await page.getByLabel('From', { exact: true }).fill('2026-05-25');
    await page.getByRole('status').filter({ hasText: 'The start date must be on or before the end date' }).waitFor();
    expect(await page.getByLabel('From', { exact: true }).inputValue()).not.toBe('2026-05-25');
  });

  test('CSV of the period: quoted, formula cells defused', async () => {
    const page = await open('/report', { seed: true });
    await page.getByLabel('From', { exact: true }).fill('2026-05-19');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download sessions (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('unknot-sessions-2026-05-19-to-2026-05-20.csv');
    const lines = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(lines[0]).toBe('Date,Start,End,Minutes,Routine,Outcome,Steps done,Steps total,Pain before,Pain after,Marked,Felt,Source,Note,Session id');
    expect(lines).toHaveLength(2 + 5); // header, five sessions, final CRLF
    expect(lines[3]).toBe(`2026-05-20,00:01,00:02,1.6,Lying knees-to-chest twist,completed,20,20,,,,,phone,"'=HYPERLINK(""http://evil.example"",""click"")",seed-9`);
  });

  test('a routine shared as a file is imported by another Unknot', async () => {
    let page = await open('/report');
    await page.getByLabel('Routine', { exact: true }).selectOption(seated.id);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save routine as a file' }).click()]);
    expect(download.suggestedFilename()).toBe('unknot-seated-spinal-twist.json');
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(file).toMatchObject({ format: 'unknot-export', sessions: [], routines: [{ routine: seated }] });
    // The friend's version: renamed, longer holds.
    file.routines[0].routine = { ...seated, id: 'friends-twist', name: 'Friend’s twist' };
    const path = join(tmpdir(), `unknot-share-${process.pid}.json`);
    writeFileSync(path, JSON.stringify(file));
    await context.close();

    page = await open('/report'); // a fresh browser profile
    await page.getByLabel('Import a shared routine').setInputFiles(path);
    await page.getByRole('status').filter({ hasText: 'Imported “Friend’s twist”' }).waitFor();
    expect(await page.getByLabel('Routine', { exact: true }).locator('option').allTextContents()).toContain('Friend’s twist');
    // A broken file: refused with the reason.
    await page.goto(`${app.server.url}/report`);
    writeFileSync(path, '{"format":"unknot-export","version":99}');
    await page.getByLabel('Import a shared routine').setInputFiles(path);
    await page.getByRole('status').filter({ hasText: 'unknown export version 99' }).waitFor();
  });
});

describe('reminders and settings', () => {
  test('permission is asked only when a reminder is turned on; the reminder then shows a banner on time', async () => {
    context = await returningUser(await app.browser.newContext({ timezoneId: TZ }));
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      (window as unknown as { __asked: number }).__asked = 0;
      Notification.requestPermission = async () => {
        (window as unknown as { __asked: number }).__asked++;
        return 'denied';
      };
    });
    await page.clock.install({ time: zonedInstant('2026-05-20', '07:58', TZ) });
    await page.goto(`${app.server.url}/settings`);
    const k2cBox = page.locator(`fieldset[data-routine="${k2c.id}"]`);
    await k2cBox.getByLabel('Remind me').waitFor();
    expect(await k2cBox.locator('input[type="time"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['08:00', '13:00', '19:00']);
    expect(await page.locator(`fieldset[data-routine="${seated.id}"] input[type="time"]`).inputValue()).toBe('07:30');
    await page.clock.runFor(1000);
    expect(await page.evaluate(() => (window as unknown as { __asked: number }).__asked)).toBe(0);

    await k2cBox.getByLabel('Remind me').check();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __asked: number }).__asked)).toBe(1);
    expect(await page.locator('unknot-reminders-banner [data-reminder]').count()).toBe(0);
    await page.clock.runFor(2.5 * 60_000); // past 08:00
    const banner = page.locator(`unknot-reminders-banner [data-reminder="${k2c.id}"]`);
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Time for Lying knees-to-chest twist');
    await banner.getByRole('link', { name: 'Start now' }).click();
    await page.waitForURL(`**/play/${k2c.id}`);
    expect(await banner.count()).toBe(0);
  });

  test('with permission granted the reminder is also a service-worker notification', async () => {
    const page = await open('/settings', { permissions: ['notifications'] });
    // The service worker must be active before the reminder comes due.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const box = page.locator(`fieldset[data-routine="${seated.id}"]`);
    await box.locator('input[type="time"]').fill('10:01'); // the fixed "now" is 10:00
    await box.getByLabel('Remind me').check();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await page.locator('[data-permission]').getAttribute('data-permission')).toBe('granted');
    // The clock is fixed; move it past the reminder and let the runner look.
    await page.clock.setFixedTime(NOW + 2 * 60_000);
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await page.locator(`unknot-reminders-banner [data-reminder="${seated.id}"]`).waitFor();
    await expect
      .poll(() => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((x) => x.title)))
      .toEqual(['Time for Seated spinal twist']);
  });

  test('theme and large text are applied at once and after a reload', async () => {
    const page = await open('/settings');
    await page.getByLabel('Theme').selectOption('dark');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.getByLabel('Lying down: extra large text').check();
    await expect.poll(() => page.evaluate(() => document.documentElement.hasAttribute('data-large-text'))).toBe(true);
    await page.reload();
    await expect.poll(() => page.evaluate(() => [document.documentElement.dataset.theme, document.documentElement.hasAttribute('data-large-text')])).toEqual(['dark', true]);
    expect(await page.getByLabel('Theme').inputValue()).toBe('dark');
  });
});
