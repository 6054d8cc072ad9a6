/**
 * Cue timing in the REAL Bangle.js 2 emulator (../shared/espruino-emulator), frame parsing
 * included: each buzz against START receipt + delay + planned ms (the goal: p99 within 10 ms),
 * next to the emulator's own floor, the lateness of a bare setTimeout in the same emulator on
 * the same machine. Prints a skip line where ../shared is absent.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWatch } from '../../watch/build';
import { EMULATOR, emulatorSessions, runEmulator, tagged } from '../watch/emulator';
import { SHORT } from '../watch/short-routine';
import { fmt, median, percentile } from './stats';

/**
 * Sessions of the short routine, 18 buzzes each. At 3 (54 buzzes) the p99 is the single worst
 * buzz, so one stall of the host decides it; WATCH_EMU_SESSIONS=10 gives 180, where it is not.
 */
const SESSIONS = Number(process.env.WATCH_EMU_SESSIONS ?? 3);

export default async function (): Promise<void> {
  if (!EMULATOR) {
    console.log('skipped: ../shared/espruino-emulator is not here');
    return;
  }
  const dir = (await buildWatch(mkdtempSync(join(tmpdir(), 'unknot-bench-')))).dir;
  // Baseline: 40 bare timers, each due at a planned instant, in a fresh emulator.
  const probe = await runEmulator([
    { js: 'var T0=getTime()*1000+500;for(var i=0;i<40;i++)(function(i){setTimeout(function(){print("PROBE",getTime()*1000-(T0+i*250));},T0+i*250-getTime()*1000);})(i)' },
    { wait: 11_000 },
  ]);
  const floor = tagged(probe, 'PROBE').map(Number);
  const r = await emulatorSessions(dir, SHORT, Array.from({ length: SESSIONS }, () => 0));
  const errors = r.sessions.flatMap((s) => s.errors);
  if (r.problems.length) console.log(`problems: ${r.problems.join('; ')}`);
  console.log(`bare setTimeout lateness (floor): median ${fmt(median(floor))}, p99 ${fmt(percentile(floor, 99))} (${floor.length} timers)`);
  console.log(`buzz error vs receipt + delay + planned: median ${fmt(median(errors))}, p99 ${fmt(percentile(errors, 99))}, min ${fmt(Math.min(...errors))} (${errors.length} buzzes, ${SESSIONS} sessions)`);
  const firsts = r.sessions.flatMap((x) => x.errors.filter((_, i) => x.first[i]));
  const laters = r.sessions.flatMap((x) => x.errors.filter((_, i) => !x.first[i]));
  console.log(`  first pulse of a cue: median ${fmt(median(firsts))}, p99 ${fmt(percentile(firsts, 99))} (${firsts.length}); later pulses: median ${fmt(median(laters))}, p99 ${fmt(percentile(laters, 99))} (${laters.length})`);
  console.log(`p99 above the floor: ${fmt(percentile(errors, 99) - percentile(floor, 99))} (goal: buzz p99 ≤ 10 ms)`);
  console.log(`memory in use mid-session: ${r.memory.usage} of ${r.memory.total} variables (goal < 2,000)`);
}
