/**
 * The phone's defences against a lying, low or mismatched watch (src/watch-link/trust.ts), in the
 * BUILT app in real headless Chromium through its Bluetooth emulation, wired to the REAL built
 * watch module under the Espruino double (tests/support/ble-peripheral.ts). A lying watch is the
 * real module with entries written into its log storage, or its frames re-framed on the way.
 */
import { describe, expect, test } from 'vitest';
import { watchTestBed } from '../support/watch-test-bed';
import { distWatch } from '../support/dist-watch';
import { axeViolations } from '../support/axe';
import { EspruinoDouble } from '../watch/espruino-double';
import { expectedInstants } from '../watch/expected';
import { implausibleEntries, injectLog, logFiles, reframe, withBattery, withHelloProtocol } from '../support/lying-watch';
import { storedSessions } from '../support/stored-sessions';
import { BUILT_INS, compile } from '../../src/routine/index';
import { MSG, OUTCOME, PROTOCOL_VERSION, STATE, encodePlan, parseWatchMessage, statusFrame } from '../../watch/protocol';
import { planIdOfRoutine } from '../../src/watch-link/log-sync';
import { watchCues } from '../../src/watch-link/cues';
import { DEFAULT_SETTINGS } from '../../src/data/schema';

const routine = [...BUILT_INS].map((b) => b.routine).sort((a, b) => encodePlan(compile(b)).length - encodePlan(compile(a)).length)[0];
const planId = planIdOfRoutine(routine);
const timeline = compile(routine);
const totalMs = timeline.totalMs;

// window.__watch: the Disconnect tests ask the browser itself whether the watch is still connected.
const bed = watchTestBed({ keepChosenDevice: true });

/** The real module on a watch whose clock reads the same as the page's. */
const watchNow = () => new EspruinoDouble({ startAt: Date.now() }).boot(distWatch());

describe('a lying watch cannot pollute history', () => {
  test('each kind of implausible log entry is acknowledged, kept out of history and counted in Settings', async () => {
    const watch = watchNow();
    const lies = implausibleEntries(planId, totalMs, watch.now(), 500);
    for (const l of lies) injectLog(watch, l.entry);
    const real = { id: 499, planId, startedAt: Math.floor(watch.now() / 1000) - 3600, activeS: 60, outcome: OUTCOME.STOPPED };
    injectLog(watch, real);
    await bed.emulate({ watch });
    await bed.pair('/settings');
    await expect.poll(() => bed.page.getByTestId('watch-refused').textContent()).toMatch(
      /5 sessions from the watch could not be true and were kept out of\s+your history \(the last because its outcome is unknown \(code 7\)\)/,
    );
    // Acknowledged: the watch deleted every one of them; only the real session is in history.
    expect(logFiles(watch)).toEqual([]);
    const stored = await storedSessions(bed.page);
    expect(stored.map((s) => s.id)).toEqual([`watch-499-${real.startedAt}`]);
    expect(stored[0]).toMatchObject({ source: 'watch', outcome: 'stopped-early', routineId: routine.id });
    expect(await axeViolations(bed.page)).toEqual([]);
    // The count is kept: after a reload, Settings still shows it.
    await bed.page.reload();
    await bed.bangle!.restart();
    await expect.poll(() => bed.page.getByTestId('watch-refused').textContent()).toMatch(/^\s*5 sessions/);
    expect(bed.errors).toEqual([]);
  });

  test('a watch inventing 60 sessions: 50 reach history this connect, the other 10 wait on the watch', async () => {
    const watch = watchNow();
    const start = Math.floor(watch.now() / 1000) - 86_400;
    for (let i = 1; i <= 60; i++) injectLog(watch, { id: 1000 + i, planId, startedAt: start + i * 60, activeS: 30, outcome: OUTCOME.STOPPED });
    const b = await bed.emulate({ watch });
    await bed.pair('/settings');
    await bed.page.getByTestId('watch-more').waitFor();
    await expect.poll(() => logFiles(watch).length).toBe(10);
    expect(await storedSessions(bed.page)).toHaveLength(50);
    // The next connection takes the rest.
    await b.disconnect();
    await expect.poll(() => logFiles(watch).length, { timeout: 10_000 }).toBe(0);
    expect(await storedSessions(bed.page)).toHaveLength(60);
    await expect.poll(() => bed.page.getByTestId('watch-more').count()).toBe(0);
    expect(bed.errors).toEqual([]);
  });

  test('an error code the phone does not know reads "the watch reported error N"', async () => {
    const watch = watchNow();
    await bed.emulate({ watch });
    await bed.pair('/settings');
    // Let the connect-time exchanges finish (the reminders come last): a later reply would clear the error.
    await expect.poll(() => watch.files.has('unknot.rem')).toBe(true);
    bed.bangle!.notify('status', statusFrame({ state: STATE.IDLE, error: 77, re: 0, step: 0, msInStep: 0, planId: 0, battery: 87 }));
    await expect.poll(() => bed.page.getByTestId('watch-error').textContent()).toBe('The watch reported error 77.');
  });
});

describe('battery', () => {
  test('under 20 %: the phone warns before starting on the wrist; Cancel starts nothing, "Start anyway" starts', async () => {
    const watch = watchNow();
    (watch.context as unknown as { E: { getBattery: () => number } }).E.getBattery = () => 15;
    const b = await bed.emulate({ watch });
    await bed.pair(`/play/${routine.id}`, /Connected to Bangle\.js 1a2b\. Battery 15%\./);
    await bed.page.getByRole('button', { name: 'Start on the watch' }).click();
    const warning = bed.page.getByRole('alertdialog');
    await expect.poll(() => warning.textContent()).toMatch(/The watch battery is at 15%\..*Charge it first, or start anyway\./);
    const planBegins = () => b.controlWrites.filter((w) => w.bytes[1] === MSG.PLAN_BEGIN).length;
    expect(planBegins()).toBe(0);
    expect(await axeViolations(bed.page)).toEqual([]);
    await bed.page.getByRole('button', { name: 'Cancel' }).click();
    await bed.page.getByRole('button', { name: 'Start on the watch' }).waitFor();
    expect(planBegins()).toBe(0);
    expect(watch.buzzes).toEqual([]);

    await bed.page.getByRole('button', { name: 'Start on the watch' }).click();
    await bed.page.getByRole('button', { name: 'Start anyway' }).click();
    await bed.page.getByTestId('watch-mode').waitFor();
    expect(planBegins()).toBe(1);
    expect(b.controlWrites.filter((w) => w.bytes[1] === MSG.START)).toHaveLength(1);
    expect(parseWatchMessage(watch.notifications.at(-1)!).status).toMatchObject({ state: STATE.RUNNING, battery: 15 });
    b.advance(totalMs);
    expect(watch.buzzes.length).toBeGreaterThan(0);
    expect(bed.errors).toEqual([]);
  });

  test('at 20 % no warning; a battery outside 0–100 % is shown as unknown and does not warn', async () => {
    const watch = watchNow();
    (watch.context as unknown as { E: { getBattery: () => number } }).E.getBattery = () => 20;
    await bed.emulate({ watch, transform: (f) => (f[1] === MSG.STATUS ? withBattery(f, 250) : f) });
    await bed.pair(`/play/${routine.id}`, /Connected to Bangle\.js 1a2b\. Battery unknown\./);
    await bed.page.getByRole('button', { name: 'Start on the watch' }).click();
    await bed.page.getByTestId('watch-mode').waitFor();
    expect(await bed.page.getByRole('alertdialog').count()).toBe(0);
    expect(bed.errors).toEqual([]);
  });
});

describe('protocol version in HELLO', () => {
  test('a newer watch: "Update Unknot", no session on the wrist, no downgrade offered', async () => {
    await bed.emulate({ watch: watchNow(), transform: (f) => reframe(f, PROTOCOL_VERSION + 1) });
    await bed.pair(`/play/${routine.id}`);
    await expect.poll(() => bed.page.getByTestId('watch-version').textContent()).toMatch(
      /newer than this app \(its messages are in format \d+, this app reads format \d+\)\. Update Unknot/,
    );
    expect(await bed.page.getByRole('button', { name: 'Start on the watch' }).count()).toBe(0);
    expect(await bed.page.getByRole('button', { name: 'Install on my Bangle.js' }).count()).toBe(0);
    // The phone player still works.
    expect(await bed.page.getByRole('button', { name: 'Start', exact: true }).count()).toBe(1);
    expect(bed.errors).toEqual([]);
  });

  test('an older watch: the phone offers to install the current module', async () => {
    await bed.emulate({ watch: watchNow(), transform: (f) => withHelloProtocol(f, PROTOCOL_VERSION - 1) });
    await bed.pair('/settings');
    await expect.poll(() => bed.page.getByTestId('watch-version').textContent()).toMatch(/older than this app.*Install the current module/);
    await bed.page.getByRole('button', { name: 'Install on my Bangle.js' }).waitFor();
    await expect.poll(() => bed.page.getByText('too old for this app: install the current one').count()).toBe(1);
    expect(bed.errors).toEqual([]);
  });
});

describe('one connection at a time', () => {
  test('nothing chosen in the chooser: the panel says a watch held by Gadgetbridge does not show up', async () => {
    const b = await bed.emulate({ watch: watchNow() });
    b.chooser('cancel');
    await bed.page.goto(`${bed.app.server.url}/settings`);
    await bed.page.getByRole('button', { name: 'Pair a watch' }).click();
    await expect.poll(() => bed.page.getByTestId('watch-hint').textContent()).toMatch(/No watch in the list\? .*Disconnect it in Gadgetbridge first/);
    expect(await axeViolations(bed.page)).toEqual([]);
    expect(await bed.page.getByTestId('watch-error').count()).toBe(0);
  });

  test('a watch held by another app: the connect fails and the panel says to disconnect it in Gadgetbridge first', async () => {
    const watch = watchNow();
    const b = await bed.emulate({ watch });
    b.refuseConnections = true;
    await bed.page.goto(`${bed.app.server.url}/settings`);
    await bed.page.getByRole('button', { name: 'Pair a watch' }).click();
    await expect.poll(() => bed.page.getByTestId('watch-error').textContent()).toMatch(
      /^Could not connect to Bangle\.js 1a2b: .*A Bangle\.js takes one connection at a time: .*Disconnect it in Gadgetbridge first/,
    );
    expect(b.connects).toBeGreaterThan(0);
    // Once Gadgetbridge lets go, pairing again works.
    b.refuseConnections = false;
    await bed.page.getByRole('button', { name: 'Pair a watch' }).click();
    await expect.poll(() => bed.watchState().textContent()).toMatch(/Connected to Bangle\.js 1a2b\. Battery 87%\./);
    await expect.poll(() => bed.page.getByTestId('watch-error').count()).toBe(0);
    // And Disconnect hands it back once the connect-time exchanges are over.
    await expect.poll(() => watch.files.has('unknot.rem')).toBe(true);
    await bed.page.getByRole('button', { name: 'Disconnect' }).click();
    await expect.poll(() => bed.page.evaluate(() => window.__watch?.gatt?.connected)).toBe(false);
    expect(bed.errors).toEqual([]);
  });

  test('"Disconnect" after a session hands the watch back: the browser lets go and does not reconnect', async () => {
    const watch = watchNow();
    const b = await bed.emulate({ watch });
    await bed.pair(`/play/${routine.id}`);
    await bed.page.getByRole('button', { name: 'Start on the watch' }).click();
    await bed.page.getByTestId('watch-mode').waitFor();
    // The phone asks for a fresh status (battery) before START: the wrist's time runs from START.
    await expect.poll(() => b.controlWrites.some((w) => w.bytes[1] === MSG.START)).toBe(true);
    // The wrist tells the end (STATUS "done", then the log entry) only once the last pulse of the
    // "routine done" buzz has started: its pulses are timed on the watch, and a redraw or a flash
    // write before them would make them late. That is 1.5 s past the plan's end with the default
    // cues (three long pulses), so run the watch clock past that pulse, not a fixed second past the plan.
    const last = expectedInstants(timeline, watchCues(DEFAULT_SETTINGS)).at(-1)!;
    b.advance(last.at + last.pulses.at(-1)![0] + 1000);
    expect(parseWatchMessage(watch.notifications.at(-1)!).status).toMatchObject({ state: STATE.DONE });
    await expect.poll(() => bed.page.getByTestId('watch-saved').textContent()).toBe('Saved to history.');
    const connects = b.connects;
    await bed.page.getByRole('button', { name: 'Disconnect' }).click();
    await expect.poll(() => bed.watchState().textContent()).toBe('Disconnected from Bangle.js 1a2b: Gadgetbridge or another app can connect to it again.');
    expect(await bed.page.evaluate(() => window.__watch?.gatt?.connected)).toBe(false);
    expect(await bed.page.getByTestId('watch-mode').textContent()).toMatch(/Ended on the watch\./);
    await bed.page.waitForTimeout(1500); // longer than the first reconnect backoffs
    expect(b.connects).toBe(connects);
    expect(await bed.page.getByRole('button', { name: 'Connect to Bangle.js 1a2b' }).count()).toBe(1);
    expect(bed.errors).toEqual([]);
  });
});
