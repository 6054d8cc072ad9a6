/**
 * Phone and wrist say the same thing: a session of the knees-to-chest twist started on the watch
 * (the REAL built watch module under the Espruino double, behind Chromium's Bluetooth emulation,
 * as in watch-link.e2e.ts) shows the direction on the watch face from the move's start — the
 * moment the phone's script says "Twist to the right." — not first at the hold.
 */
import { expect, test } from 'vitest';
import { watchTestBed } from '../support/watch-test-bed';
import { distWatch } from '../support/dist-watch';
import { EspruinoDouble } from '../watch/espruino-double';
import { builtInRoutine, compile } from '../../src/routine/index';
import { scriptOf } from '../../src/player/script';
import { OPEN_HOLD_PROTOCOL } from '../../src/watch-link/capabilities';
import { watchCues } from '../../src/watch-link/cues';
import { DEFAULT_SETTINGS } from '../../src/data/schema';
import { PROTOCOL_VERSION } from '../../watch/protocol/index';

const routine = builtInRoutine('knees-to-chest-twist')!;
const timeline = compile(routine);

const bed = watchTestBed();

test('the watch face shows the direction from the start of each move, when the phone would say it', async () => {
  const watch = new EspruinoDouble().boot(distWatch());
  const bangle = await bed.emulate({ watch });
  await bed.pair(`/play/${routine.id}`, /Connected to/);
  await bed.page.getByRole('button', { name: 'Start on the watch' }).click();
  await bed.page.getByTestId('watch-mode').waitFor();

  const script = scriptOf(timeline);
  const face = () => watch.lastFrame().texts.map((t) => t.text);
  let at = 0;
  const moveTo = (ms: number) => {
    bangle.advance(ms - at);
    at = ms;
  };
  const moves = timeline.segments.filter((s) => s.kind === 'move');
  expect(moves).toHaveLength(10);
  for (const move of moves) {
    moveTo(move.startMs - 1);
    expect(face(), `just before ${move.startMs}`).not.toContain(move.label);
    moveTo(move.startMs);
    expect(face(), `at ${move.startMs}`).toContain(move.label); // "Twist right" / "Twist left"
    // The same instant, the phone's script names the same direction.
    expect(script.find((u) => u.atMs === move.startMs)?.text).toContain(`to the ${move.side}.`);
  }
  // The phone's screen mirrors it too.
  await expect.poll(() => bed.page.getByTestId('instruction').textContent()).toContain('Twist left');
  expect(bed.errors).toEqual([]);
});

test('before Start: a watch module too old for open-ended holds is named, with the way to update it; the cue trainer buzzes the watch', async () => {
  const watch = new EspruinoDouble().boot(distWatch());
  await bed.emulate({ watch });
  await bed.pair('/play/standing-hip-twist', /Connected to/);
  await bed.page.getByRole('button', { name: 'Start on the watch' }).waitFor();
  const warning = bed.page.getByTestId('watch-too-old');
  if (PROTOCOL_VERSION < OPEN_HOLD_PROTOCOL) {
    // The module built from this tree speaks the older protocol: it would hold the full 60 s.
    await expect.poll(() => warning.textContent()).toMatch(/older Unknot module .*full 60 seconds/);
    await bed.page.getByRole('button', { name: 'Update the watch module' }).click();
  } else {
    // Built with the protocol that carries "wait for a press": nothing to warn about.
    expect(await warning.count()).toBe(0);
  }
  // The cue trainer buzzes the connected watch too: a switch is one long buzz.
  await bed.page.getByText('Try the cues').click();
  await bed.page.getByRole('button', { name: /^Switch sides/ }).click();
  await expect.poll(() => watch.buzzes.length).toBe(1);
  expect(watch.buzzes[0].ms).toBe(watchCues(DEFAULT_SETTINGS).longMs);

  // The knees-to-chest twist has no open-ended hold: no warning either way.
  await bed.page.goto(`${bed.app.server.url}/play/knees-to-chest-twist`);
  await bed.page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  expect(await bed.page.getByTestId('watch-too-old').count()).toBe(0);
  expect(bed.errors).toEqual([]);
});

