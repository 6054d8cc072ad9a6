/**
 * Issue 14 in the built app, in real Chromium: the first-run welcome (once), the pain-aware
 * player (advice before Start at pain 8+, the gentle version, stop advice when pain rises), the
 * flag reaching history and the report, notes in the report and the CSV, correcting a session,
 * the professional banner, the collapsed safety advice and the About page, with axe on each.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { appUnderTest } from '../support/app-under-test';
import { returningUser } from '../support/returning-user';
import { storedSessions } from '../support/stored-sessions';
import { BUILT_INS } from '../../src/routine/index';
import { localDay, zonedInstant } from '../../src/history/index';
import ICAL from 'ical.js';

const TZ = 'Europe/Berlin';
const routine = BUILT_INS[2].routine; // Standing hip twist
const app = appUnderTest();
let context: BrowserContext;
let page: Page;
let errors: string[];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
async function axeViolations(): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
    return (await axe.run()).violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

async function newPage(returning = true): Promise<void> {
  context = await app.browser.newContext({ timezoneId: TZ, locale: 'en-GB', acceptDownloads: true });
  if (returning) await returningUser(context);
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
}

beforeEach(() => {
  errors = [];
});
afterEach(async () => {
  await context?.close();
  expect(errors).toEqual([]);
});

const pain = (label: RegExp, value: number) => page.getByRole('group', { name: label }).getByRole('button', { name: String(value), exact: true }).click();

/** Stops the session on purpose: Stop held a second, then the 5-s undo let run out (real time). */
async function stopNow(): Promise<void> {
  const stop = page.getByRole('button', { name: /^Stop/ });
  await stop.scrollIntoViewIfNeeded();
  const box = (await stop.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(1200);
  await page.mouse.up();
  await page.locator('#result').waitFor({ timeout: 10_000 });
}

/** Plays the routine for a moment and stops it, with the given pain scores. */
async function quickSession(before: number | undefined, after: number | undefined): Promise<void> {
  await page.goto(`${app.server.url}/play/${routine.id}`);
  await page.getByRole('group', { name: /before starting/ }).waitFor();
  if (before !== undefined) await pain(/before starting/, before);
  await page.getByRole('button', { name: before !== undefined && before >= 8 ? 'Start gently' : 'Start', exact: true }).click();
  await stopNow();
  await page.locator('#result').waitFor();
  if (after !== undefined) await pain(/after the routine/, after);
  await page.getByTestId('save-state').filter({ hasText: 'Saved to history.' }).waitFor();
  await page.getByTestId('save-state').filter({ hasText: 'Saved to history.' }).waitFor();
}

describe('the first-run welcome', () => {
  test('shows once, before any view, needs the acknowledgement, and comes back from Settings', async () => {
    await newPage(false);
    await page.goto(`${app.server.url}/play/${routine.id}`); // a home-screen shortcut on the very first run
    await page.getByRole('heading', { name: 'Welcome to Unknot' }).waitFor();
    expect(await page.locator('unknot-player').count()).toBe(0);
    expect(await page.getByText('numbness, tingling or weakness').count()).toBe(1);
    expect(await axeViolations()).toEqual([]);
    const go = page.getByRole('button', { name: 'Start using Unknot' });
    expect(await go.isDisabled()).toBe(true);
    await page.getByLabel(/I have read the safety signs/).check();
    await go.click();
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor(); // on to the page asked for
    await page.reload();
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: 'Welcome to Unknot' }).count()).toBe(0);

    await page.goto(`${app.server.url}/settings`);
    await page.getByRole('link', { name: 'Read the welcome again' }).click();
    await page.getByRole('heading', { name: 'Welcome to Unknot' }).waitFor();
    await page.getByRole('button', { name: 'Skip', exact: true }).click();
    await page.locator('unknot-library h1').waitFor();
  });

  test('skipping it also counts: it does not come back by itself', async () => {
    await newPage(false);
    await page.goto(`${app.server.url}/`);
    await page.getByRole('button', { name: 'Skip', exact: true }).click();
    await page.locator('unknot-library h1').waitFor();
    await page.goto(`${app.server.url}/history`);
    await page.locator('unknot-history h1').waitFor();
    expect(await page.getByRole('heading', { name: 'Welcome to Unknot' }).count()).toBe(0);
  });
});

describe('pain-aware guidance', () => {
  test('pain 9 before: the calm message and the signs before Start; rest now starts nothing', async () => {
    await newPage();
    await page.goto(`${app.server.url}/play/${routine.id}`);
    await pain(/before starting/, 9);
    const advice = page.getByTestId('pain-before-advice');
    await advice.waitFor();
    expect(await advice.textContent()).toContain('resting may be better for now');
    expect(await advice.textContent()).toContain('losing control of your bladder or bowels');
    expect(await page.getByRole('button', { name: 'Start', exact: true }).count()).toBe(0);
    expect(await page.locator('unknot-watch-session').count()).toBe(0); // nor the watch's Start
    expect(await axeViolations()).toEqual([]);
    await page.getByRole('button', { name: 'Rest now' }).click();
    await page.getByTestId('resting').waitFor();
    expect(await storedSessions(page)).toEqual([]);
  });

  test('start gently: half the repetitions and 3 s holds, said on screen and stored as played', async () => {
    await newPage();
    await page.goto(`${app.server.url}/play/${routine.id}`);
    await pain(/before starting/, 8);
    await page.getByRole('button', { name: 'Start gently' }).click();
    expect(await page.getByTestId('gentle').textContent()).toContain('half the repetitions (at least one) and holds of 3 seconds');
    await stopNow();
    await page.getByTestId('save-state').filter({ hasText: 'Saved to history.' }).waitFor();
    const [stored] = await storedSessions(page);
    const plan = await page.evaluate(
      (id) =>
        new Promise<{ routine: { exercises: { repetitions: number; hold: number }[] } }>((resolve) => {
          const req = indexedDB.open('unknot');
          req.onsuccess = () => {
            const get = req.result.transaction('plans').objectStore('plans').get(id);
            get.onsuccess = () => resolve(get.result);
          };
        }),
      stored.planId,
    );
    expect(plan.routine.exercises.map((e) => [e.repetitions, e.hold])).toEqual(
      routine.exercises.map((e) => [Math.max(1, Math.floor(e.repetitions / 2)), Math.min(e.hold, 3)]),
    );
    expect(stored.painBefore).toBe(8);
  });

  test('pain rising after: no "well done", the stop advice, and the flag in history and the report', async () => {
    await newPage();
    await quickSession(3, 6);
    expect(await page.locator('#result').textContent()).not.toContain('Well done');
    const advice = page.getByTestId('pain-after-advice');
    expect(await advice.textContent()).toContain('Pain rose by 3 points (3 to 6)');
    expect(await advice.textContent()).toContain('Please do not do more exercises today');
    expect(await axeViolations()).toEqual([]);
    expect((await storedSessions(page))[0].flag).toBe('pain-rose');

    await page.goto(`${app.server.url}/history`);
    await page.locator(`unknot-history-calendar button[data-day="${localDay(Date.now(), TZ)}"]`).click();
    expect(await page.locator('unknot-history-day [data-flag]').textContent()).toBe('marked: pain rose');
    await page.getByRole('list', { name: 'Sessions that day' }).getByRole('button').first().click();
    expect(await page.locator('unknot-history-session dd[data-flag]').textContent()).toBe('Pain rose by 3 points (3 to 6)');

    await page.goto(`${app.server.url}/report`);
    expect(await page.getByTestId('flagged').textContent()).toContain('Pain rose by 3 points (3 to 6)');
  });

  test('a completed session without a rise still says well done', async () => {
    await newPage();
    await page.clock.install();
    await page.goto(`${app.server.url}/play/${routine.id}`);
    await pain(/before starting/, 4);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.clock.runFor(10 * 60_000);
    await page.locator('#result').filter({ hasText: 'Done. Well done.' }).waitFor();
    await pain(/after the routine/, 5);
    expect(await page.locator('#result').textContent()).toBe('Done. Well done.');
    await pain(/after the routine/, 8); // changed to 8: high
    await page.getByTestId('pain-after-advice').waitFor();
    expect(await page.locator('#result').textContent()).toBe('Done.');
    await expect.poll(async () => (await storedSessions(page))[0]?.flag).toBe('pain-high');
  });

  test('three marked sessions within a week: the banner recommends a professional, with the reason', async () => {
    await newPage();
    await quickSession(2, 5);
    await quickSession(4, 9);
    await page.goto(`${app.server.url}/`);
    await page.locator('unknot-library h1').waitFor();
    expect(await page.getByTestId('professional-banner').count()).toBe(0);
    await quickSession(1, 3);
    await page.goto(`${app.server.url}/`);
    const banner = page.getByTestId('professional-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('3 sessions in the last 7 days ended with pain that was high or had risen.');
    expect(await axeViolations()).toEqual([]);
  });
});

describe('notes and how it felt', () => {
  test('a note written after a session is in the report and the CSV, and can be corrected from the detail', async () => {
    await newPage();
    await quickSession(5, 4);
    await page.getByLabel('Note (optional)').fill('Tight on the right, =SUM(1) better after');
    await page.getByRole('radio', { name: 'Easier' }).check();
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByTestId('notes-state').filter({ hasText: 'Note saved.' }).waitFor();
    expect((await storedSessions(page))[0]).toMatchObject({ note: 'Tight on the right, =SUM(1) better after', felt: 'easier', painBefore: 5, painAfter: 4 });

    await page.goto(`${app.server.url}/report`);
    await page.locator('unknot-report ul.notes li').first().waitFor(); // the report reads the database first
    expect(await page.locator('unknot-report ul.notes li').allTextContents()).toEqual([expect.stringContaining('Tight on the right, =SUM(1) better after (easier than last time)')]);
    expect(await page.locator('[data-summary]').textContent()).toContain('times in Europe/Berlin');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download sessions (CSV)' }).click()]);
    const lines = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(lines[0]).toContain('Pain before,Pain after,Marked,Felt,Source,Note');
    expect(lines[1]).toContain(',5,4,,easier,phone,"Tight on the right, =SUM(1) better after",');

    // Corrected later: pain after was really 8.
    await page.goto(`${app.server.url}/history`);
    await page.locator(`unknot-history-calendar button[data-day="${localDay(Date.now(), TZ)}"]`).click();
    await page.getByRole('list', { name: 'Sessions that day' }).getByRole('button').first().click();
    await page.getByRole('button', { name: 'Correct pain or note' }).click();
    await page.getByTestId('session-editor').waitFor();
    expect(await axeViolations()).toEqual([]);
    await page.getByRole('group', { name: 'Pain after' }).getByRole('button', { name: '8', exact: true }).click();
    // The counter starts at the stored note's length and follows the typing, down to 0.
    const counter = page.getByTestId('session-editor').locator('#note-count');
    expect(await counter.textContent()).toMatch(new RegExp(`^${'Tight on the right, =SUM(1) better after'.length} of `));
    await page.getByLabel('Note (optional)').fill('');
    await expect.poll(() => counter.textContent()).toMatch(/^0 of /);
    await page.getByLabel('Note (optional)').fill('Worse in the evening.');
    await expect.poll(() => counter.textContent()).toMatch(/^21 of /);
    await page.getByRole('button', { name: 'Save the correction' }).click();
    await page.getByRole('status').filter({ hasText: 'Session corrected.' }).waitFor();
    expect((await storedSessions(page))[0]).toMatchObject({ painAfter: 8, note: 'Worse in the evening.', felt: 'easier', flag: 'pain-high' });
  });
});

describe('safety advice everywhere', () => {
  test('the player carries it collapsed; one tap opens it, and it links to About back spasms', async () => {
    await newPage();
    await page.goto(`${app.server.url}/play/${routine.id}`);
    const summary = page.getByText('Safety advice', { exact: true });
    await summary.waitFor();
    const signs = page.locator('unknot-safety-advice').getByText('a fever along with the back pain');
    expect(await signs.isVisible()).toBe(false);
    await summary.click();
    expect(await signs.isVisible()).toBe(true);
    await page.locator('unknot-safety-advice').getByRole('link', { name: 'About back spasms' }).click();
    await page.getByRole('heading', { name: 'About back spasms', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/about-back-spasms');
    for (const h of ['What a spasm is', 'What usually helps', 'What to avoid', 'See a doctor now if you have']) {
      expect(await page.getByRole('heading', { name: h }).count()).toBe(1);
    }
    expect(await axeViolations()).toEqual([]);
  });
});

describe('the report, sharing and your data', () => {
  test('the patient name from Settings is on the report; where the share sheet takes files, the CSV goes through it', async () => {
    await newPage();
    // A phone's share sheet, as a double: Chromium on desktop Linux has no file sharing.
    await context.addInitScript(() => {
      const shared: { name: string; type: string; text: string }[] = [];
      (window as unknown as { __shared: typeof shared }).__shared = shared;
      Object.assign(navigator, {
        canShare: (data: ShareData) => !!data.files?.length,
        share: async (data: ShareData) => {
          for (const f of data.files ?? []) shared.push({ name: f.name, type: f.type, text: await f.text() });
        },
      });
    });
    await quickSession(6, 5);
    await page.goto(`${app.server.url}/settings`);
    await page.getByLabel('Your name on the report (optional)').fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('status').filter({ hasText: 'Name saved.' }).waitFor();
    await page.goto(`${app.server.url}/report`);
    expect(await page.locator('[data-patient]').textContent()).toBe('Patient: Ada Lovelace');
    await page.getByRole('button', { name: 'Share sessions (CSV)' }).click();
    await page.getByRole('status').filter({ hasText: 'Shared 1 sessions as CSV.' }).waitFor();
    const [shared] = await page.evaluate(() => (window as unknown as { __shared: { name: string; type: string; text: string }[] }).__shared);
    expect(shared.name).toMatch(/^unknot-sessions-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.csv$/);
    expect(shared.type).toBe('text/csv');
    expect(shared.text.split('\r\n')[1]).toContain(',6,5,,,phone,');
    expect(await axeViolations()).toEqual([]);
  });

  test('delete all my data: export offered, typed confirmation, then the app starts as new', async () => {
    await newPage(false); // no returning-user script: it would set the welcome's answer again after the deletion
    await page.goto(`${app.server.url}/`);
    await page.getByRole('button', { name: 'Skip', exact: true }).click();
    await quickSession(6, 5);
    await page.goto(`${app.server.url}/settings`);
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export my data first' }).click()]);
    expect(JSON.parse(readFileSync((await exported.path())!, 'utf8')).sessions).toHaveLength(1);
    const del = page.getByRole('button', { name: 'Delete all my data' });
    expect(await del.isDisabled()).toBe(true);
    await page.getByLabel('Type DELETE to confirm').fill('delete');
    expect(await del.isDisabled()).toBe(true);
    expect(await axeViolations()).toEqual([]);
    await page.getByLabel('Type DELETE to confirm').fill('DELETE');
    await del.click();
    await page.getByRole('heading', { name: 'Welcome to Unknot' }).waitFor(); // a fresh start, welcome included
    expect(await storedSessions(page)).toEqual([]);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
  });
});

describe('reminders in the phone\'s calendar', () => {
  test('"Add to my calendar" downloads an .ics that parses, one daily event with an alarm per time; offered again when reminders change', async () => {
    await newPage();
    await page.goto(`${app.server.url}/settings`);
    const offer = page.getByTestId('calendar-offer');
    await offer.waitFor();
    const firstRoutine = page.locator('unknot-reminders-routine').first();
    const toggle = firstRoutine.getByRole('checkbox').first();
    if (!(await toggle.isChecked())) await toggle.check();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), offer.getByRole('button', { name: 'Add to my calendar' }).click()]);
    expect(download.suggestedFilename()).toBe('unknot-reminders.ics');
    const text = readFileSync((await download.path())!, 'utf8');
    const cal = new ICAL.Component(ICAL.parse(text));
    for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(e.component.getFirstPropertyValue('rrule')!.toString()).toBe('FREQ=DAILY');
      expect(e.component.getFirstSubcomponent('valarm')).not.toBeNull();
      expect(e.startDate.zone.tzid).toBe(TZ);
    }
    expect(await offer.locator('[data-changed]').count()).toBe(0);
    expect(await axeViolations()).toEqual([]);

    // Another reminder turned on: the offer comes back with a notice, and goes once taken again.
    await page.locator('unknot-reminders-routine').nth(1).getByRole('checkbox').first().check();
    await offer.locator('[data-changed]').waitFor();
    expect(await offer.locator('[data-changed]').textContent()).toContain('Add them to your calendar again');
    const [again] = await Promise.all([page.waitForEvent('download'), offer.getByRole('button', { name: 'Add to my calendar' }).click()]);
    const more = new ICAL.Component(ICAL.parse(readFileSync((await again.path())!, 'utf8'))).getAllSubcomponents('vevent');
    expect(more.length).toBeGreaterThan(cal.getAllSubcomponents('vevent').length);
    await expect.poll(() => offer.locator('[data-changed]').count()).toBe(0);
  });
});

describe('snoozing a reminder', () => {
  test('from the banner: it goes, and comes back 10 minutes later', async () => {
    await newPage();
    await page.clock.install({ time: zonedInstant('2026-05-20', '07:28', TZ) });
    await page.goto(`${app.server.url}/settings`);
    const box = page.locator('fieldset[data-routine="seated-spinal-twist"]'); // 07:30 by default
    await box.getByLabel('Remind me').check();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.clock.runFor(2.5 * 60_000);
    const banner = page.locator('unknot-reminders-banner [data-reminder="seated-spinal-twist"]');
    await banner.waitFor();
    expect(await axeViolations()).toEqual([]);
    await banner.getByRole('button', { name: /Snooze 10 min: the reminder for Seated spinal twist/ }).click();
    expect(await banner.count()).toBe(0);
    await page.clock.runFor(9 * 60_000);
    expect(await banner.count()).toBe(0);
    await page.clock.runFor(2 * 60_000);
    await banner.waitFor();
  });

  test('from the notification: the service worker passes Snooze on to the page, which brings it back later', async () => {
    await newPage();
    await context.grantPermissions(['notifications']);
    await page.clock.install({ time: zonedInstant('2026-05-20', '07:28', TZ) });
    await page.goto(`${app.server.url}/settings`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.locator('fieldset[data-routine="seated-spinal-twist"]').getByLabel('Remind me').check();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.clock.runFor(2.5 * 60_000);
    const banner = page.locator('unknot-reminders-banner [data-reminder="seated-spinal-twist"]');
    await banner.waitFor();
    await banner.getByRole('button', { name: /Dismiss/ }).click();
    // Tapping "Snooze 10 minutes" on the notification, as the browser would hand it to the worker.
    const [worker] = context.serviceWorkers();
    type WorkerScope = { registration: ServiceWorkerRegistration; dispatchEvent(e: Event): boolean; NotificationEvent: new (type: string, init: object) => Event };
    await expect.poll(() => worker.evaluate(async () => (await (self as unknown as WorkerScope).registration.getNotifications()).length)).toBe(1);
    await worker.evaluate(async () => {
      const scope = self as unknown as WorkerScope;
      const [notification] = await scope.registration.getNotifications();
      const actions = (notification as Notification & { actions: { action: string }[] }).actions.map((a) => a.action);
      if (!actions.includes('snooze')) throw new Error(`no snooze action: ${actions.join()}`);
      try {
        scope.dispatchEvent(new scope.NotificationEvent('notificationclick', { notification, action: 'snooze' }));
      } catch {
        // waitUntil refuses an event the test made (not trusted); the message is already on its way.
      }
    });
    await page.locator('unknot-reminders-banner [data-snoozed]').waitFor({ state: 'attached' });
    await page.clock.runFor(11 * 60_000);
    await banner.waitFor();
  });
});

describe('restoring built-in routines', () => {
  test('a deleted built-in comes back from the library, and from a shortcut that points at it', async () => {
    await newPage();
    await page.goto(`${app.server.url}/routine/${routine.id}`);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.waitForURL(/\/\?deleted=/);
    await page.locator('unknot-library h1').waitFor();
    await expect.poll(() => page.locator(`unknot-library a[data-routine="${routine.id}"]`).count()).toBe(0);

    // A home-screen shortcut to it: the restore is offered instead of "No routine called".
    await page.goto(`${app.server.url}/play/${routine.id}`);
    await page.getByRole('heading', { name: `“${routine.name}” was deleted` }).waitFor();
    expect(await axeViolations()).toEqual([]);
    await page.getByRole('button', { name: 'Restore it' }).click();
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();

    // Deleted again, then restored from the library.
    await page.goto(`${app.server.url}/routine/${routine.id}`);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.waitForURL(/\/\?deleted=/);
    const restore = page.getByRole('button', { name: 'Restore built-in routines' });
    await restore.waitFor();
    expect(await axeViolations()).toEqual([]);
    await restore.click();
    await page.locator(`unknot-library a[data-routine="${routine.id}"]`).waitFor();
    expect(await restore.count()).toBe(0);
    await page.reload();
    await page.locator(`unknot-library a[data-routine="${routine.id}"]`).waitFor();

    // Not a built-in: still "No routine called".
    await page.goto(`${app.server.url}/play/nothing-here`);
    await page.getByText('No routine called “nothing-here”').waitFor();
  });
});
