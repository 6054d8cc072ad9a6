/**
 * History math over ten years of sessions (11,000: three a day), in a DST zone: grouping by
 * local day with Intl, streaks, a 30-day report, the CSV, and the reminder runner's per-minute
 * look-up. Baseline, measured in the same run: grouping by UTC day with plain arithmetic (what
 * the time-zone-correct grouping costs on top).
 */
import type { SessionRecord } from '../../src/data/schema';
import { addDays, groupByDay, localDay, streaks, zonedInstant } from '../../src/history/index';
import { nextDue } from '../../src/reminders/index';
import { buildReport, sessionsCsv } from '../../src/report/index';
import { fmt, median, timeRuns } from './stats';

const TZ = 'Europe/Berlin';
const DAYS = 3650;

function workload(): SessionRecord[] {
  const out: SessionRecord[] = [];
  for (let d = 0; d < DAYS; d++) {
    const day = addDays('2016-01-01', d);
    ['08:00', '13:00', '19:00'].forEach((t, i) => {
      if (out.length >= 11_000) return;
      const at = zonedInstant(day, t, TZ);
      out.push({ id: `s${d}-${i}`, routineId: i === 0 ? 'seated-spinal-twist' : 'knees-to-chest-twist', planId: 'p', startedAt: at, endedAt: at + 95_000, stepsDone: 9, totalSteps: 9, outcome: 'completed', source: 'phone', painBefore: 6, painAfter: 3, note: d % 50 ? undefined : '=note, "quoted"' });
    });
  }
  return out;
}

export default async function run(): Promise<void> {
  const sessions = workload();
  const prescriptions = new Map([
    ['knees-to-chest-twist', 3],
    ['seated-spinal-twist', 1],
  ]);
  const last = localDay(sessions.at(-1)!.startedAt, TZ);
  const utcBaseline = () => {
    const days = new Map<number, number>();
    for (const s of sessions) {
      const k = Math.floor(s.startedAt / 86_400_000);
      days.set(k, (days.get(k) ?? 0) + 1);
    }
    return days;
  };
  const cases: [string, () => unknown][] = [
    ['baseline: group by UTC day (arithmetic)', utcBaseline],
    ['group by local day (Intl) + streaks', () => streaks(groupByDay(sessions, TZ, prescriptions), last)],
    ['30-day report', () => buildReport({ sessions, routines: [...prescriptions].map(([id, t]) => ({ id, name: id, timesPerDay: t })), from: addDays(last, -29), to: last, timeZone: TZ })],
    ['CSV of all sessions', () => sessionsCsv(sessions, (id) => id, TZ)],
  ];
  const results = new Map<string, number>();
  console.log(`${sessions.length.toLocaleString('en')} sessions over ${DAYS} days, ${TZ}`);
  for (const [name, fn] of cases) {
    const m = median(await timeRuns(7, fn));
    results.set(name, m);
    const base = results.get(cases[0][0])!;
    console.log(`${name.padEnd(44)} median ${fmt(m).padStart(9)}  ×${(m / base).toFixed(1)} vs baseline`);
  }
  const reminders = [
    { routineId: 'knees-to-chest-twist', times: ['08:00', '13:00', '19:00'], enabled: true },
    { routineId: 'seated-spinal-twist', times: ['07:30'], enabled: true },
  ];
  let t = Date.UTC(2026, 2, 1);
  const perCheck = median(await timeRuns(7, () => {
    for (let i = 0; i < 1440; i++) nextDue(reminders, (t += 60_000), TZ); // one day of per-minute looks
  }));
  console.log(`reminder runner: one day of per-minute look-ups median ${fmt(perCheck)} (${fmt(perCheck / 1440)} each)`);
}
