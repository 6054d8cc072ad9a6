/**
 * "Delete all my data" with a watch connected, in the BUILT app in real headless Chromium through
 * its Bluetooth emulation, wired to the REAL built watch module under the Espruino double
 * (tests/support/ble-peripheral.ts): the watch's log, wrist plans and reminders are deleted with
 * the phone's data, and a reconnect afterwards brings nothing back. The wipe's edges (protocol 1,
 * a drop mid-wipe, a sync during the wipe): tests/watch-link/wipe.test.ts.
 */
import { expect, test } from 'vitest';
import { watchTestBed } from '../support/watch-test-bed';
import { distWatch } from '../support/dist-watch';
import { axeViolations } from '../support/axe';
import { EspruinoDouble } from '../watch/espruino-double';
import { injectLog, logFiles } from '../support/lying-watch';
import { storedSessions } from '../support/stored-sessions';
import { BUILT_INS } from '../../src/routine/index';
import { OUTCOME } from '../../watch/protocol';
import { planIdOfRoutine } from '../../src/watch-link/log-sync';

const [a, b] = BUILT_INS.map((x) => x.routine);
/** A wait for a transfer to the watch (tens of writes through the emulation and this process). */
const TRANSFER = { timeout: 20_000 };

const bed = watchTestBed();

test('Delete all my data with a watch connected: its log, wrist plans and reminders go too, a shipped routine is loaded; a reconnect imports nothing', async () => {
  const watch = new EspruinoDouble({ startAt: Date.now() }).boot(distWatch());
  const now = Math.floor(watch.now() / 1000);
  // Synced at the connect: a session of a built-in routine. Left on the watch: one of a routine
  // the phone does not know (deleted since), which a sync never acknowledges.
  injectLog(watch, { id: 1, planId: planIdOfRoutine(a), startedAt: now - 2 * 86400, activeS: 90, outcome: OUTCOME.STOPPED });
  injectLog(watch, { id: 2, planId: 0x12345678, startedAt: now - 86400, activeS: 90, outcome: OUTCOME.DONE });
  const bangle = await bed.emulate({ watch });
  const rem = () => JSON.parse(watch.files.get('unknot.rem') ?? 'null') as { l: string[]; r: unknown[] } | null;
  const wrist = () => [...watch.files.keys()].filter((n) => n.startsWith('unknot.w')).sort();

  await bed.pair('/settings');
  await expect.poll(() => rem()).toEqual({ l: [], r: [] }); // the connect's exchanges are done
  expect(logFiles(watch)).toEqual(['unknot.log.2']);
  expect((await storedSessions(bed.page)).map((s) => s.id)).toEqual([`watch-1-${now - 2 * 86400}`]);
  // Two routines kept on the wrist, reminders on the watch.
  await bed.page.getByRole('checkbox', { name: a.name }).check();
  await bed.page.getByRole('checkbox', { name: b.name }).check();
  await bed.page.getByRole('button', { name: 'Keep on the watch' }).click();
  await expect.poll(() => bed.page.getByTestId('wrist-result').textContent(), TRANSFER).toBe(`The watch keeps ${a.name}, ${b.name}.`);
  expect(wrist()).toEqual(['unknot.w0', 'unknot.w1']);
  await bed.page.locator(`fieldset[data-routine="${a.id}"]`).getByLabel('Remind me').check();
  await expect.poll(() => rem()?.r.length ?? 0, TRANSFER).toBeGreaterThan(0);
  // A session finished on the wrist meanwhile, not yet synced: without the wipe, the next connect would bring it.
  injectLog(watch, { id: 3, planId: planIdOfRoutine(b), startedAt: now - 600, activeS: 60, outcome: OUTCOME.STOPPED });

  const section = bed.page.locator('section').filter({ has: bed.page.getByRole('heading', { name: 'Delete all my data' }) });
  await expect.poll(() => section.textContent()).toMatch(/The connected watch is cleared too: the sessions it has not yet handed to the phone, the routines kept on it and its reminders\./);
  expect(await axeViolations(bed.page)).toEqual([]);
  const acksBefore = bangle.controlWrites.filter((w) => w.bytes[1] === 0x0c).length;
  expect(logFiles(watch)).toEqual(['unknot.log.2', 'unknot.log.3']); // nothing acknowledged before the confirmation
  expect(watch.files.get('unknot.plan')).not.toContain(a.name.slice(0, 12)); // the last routine kept (b) is the loaded one
  await bed.page.getByLabel('Type DELETE to confirm').fill('DELETE');
  await section.getByRole('button', { name: 'Delete all my data' }).click();
  await expect.poll(() => bed.page.getByRole('status').filter({ hasText: 'All your data' }).textContent(), TRANSFER).toMatch(
    /^All your data was deleted, on this phone and on the watch\.$/,
  );
  // No message unloads a plan: the first built-in, as shipped, is loaded over whatever was.
  expect(watch.files.get('unknot.plan')).toContain(a.name.slice(0, 12));
  // The watch: no log, no wrist plans, no reminder; its two entries were acknowledged by the wipe.
  expect(logFiles(watch)).toEqual([]);
  expect(wrist()).toEqual([]);
  expect(rem()).toEqual({ l: [], r: [] });
  expect(bangle.controlWrites.filter((w) => w.bytes[1] === 0x0c).length - acksBefore).toBe(2);

  // The app as new (not waiting the seconds the page leaves to read the result): history empty.
  // Then the watch is paired again: nothing comes back.
  await bed.page.goto(`${bed.app.server.url}/`);
  await bed.page.getByRole('heading', { level: 1 }).first().waitFor();
  expect(await storedSessions(bed.page)).toEqual([]);
  await bangle.restart();
  await bed.pair('/settings');
  await expect.poll(() => bed.page.getByTestId('watch-reminders').textContent(), TRANSFER).toMatch(/No reminders on the watch/);
  expect(await storedSessions(bed.page)).toEqual([]);
  expect(bed.errors).toEqual([]);
});
