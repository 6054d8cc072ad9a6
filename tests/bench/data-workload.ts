/**
 * The data benchmark's work, run unchanged in Node (fake-indexeddb) and in real Chromium
 * (bundled and injected by data.bench.ts): ten years of sessions at three a day.
 */
import { BUILT_INS, type Routine } from '../../src/routine';
import type { SessionInput, UnknotData } from '../../src/data';
import { statsOf } from '../../src/data/sessions';

export const DAY = 86_400_000;
export const NOW = Date.UTC(2026, 10, 25);
export const COUNT = 11_000;
export const BASELINE_INSERT = 'insert baseline: add × 1,100 (1 tx each) × 10';
export const STATS = 'stats, 3 routines: monthly sums + index';

/** Deterministic sessions: the three built-ins in turn, a changed hold every year (a new plan). */
export function makeSessions(count = COUNT): SessionInput[] {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const start = NOW - Math.ceil(count / 3) * DAY;
  return Array.from({ length: count }, (_, i) => {
    const year = Math.floor(i / 1100);
    const base = BUILT_INS[i % 3].routine;
    const plan: Routine = { ...base, exercises: [{ ...base.exercises[0], hold: 5 + (year % 4) }] };
    const startedAt = start + Math.floor(i / 3) * DAY + (i % 3) * 6 * 3_600_000 + Math.floor(rand() * 3_600_000);
    const completed = rand() < 0.85;
    const painBefore = Math.floor(rand() * 8) + 2;
    return {
      id: `s-${i}`,
      plan,
      startedAt,
      endedAt: startedAt + 90_000 + Math.floor(rand() * 60_000),
      stepsDone: completed ? 21 : Math.floor(rand() * 20),
      totalSteps: 21,
      outcome: completed ? 'completed' : 'stopped-early',
      source: rand() < 0.5 ? 'watch' : 'phone',
      ...(rand() < 0.7 && { painBefore, painAfter: Math.max(0, painBefore - Math.floor(rand() * 4)) }),
    };
  });
}

/** Milliseconds of each run. */
export type Timings = Record<string, number[]>;

async function time(out: Timings, name: string, runs: number, fn: () => Promise<unknown>): Promise<void> {
  await fn(); // warm-up
  out[name] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out[name].push(performance.now() - t0);
  }
}

export interface WorkloadResult {
  timings: Timings;
  exportBytes: number;
  last30: number;
  stats: unknown[];
  /** The fast statistics equal the baseline's. */
  agree: boolean;
}

/** `fresh()` gives an empty (seeded) database each time it is called. */
export async function runWorkload(fresh: () => Promise<UnknotData>, runs = { write: 3, read: 15 }): Promise<WorkloadResult> {
  const sessions = makeSessions();
  const timings: Timings = {};
  let data = await fresh();

  const ids = BUILT_INS.map((b) => b.routine.id);
  // Writes: one transaction for all, against one transaction each (baseline, once: it is slow).
  await time(timings, 'insert: addMany (1 tx)', runs.write - 1, async () => {
    data.close();
    data = await fresh();
    await data.sessions.addMany(sessions);
  });
  // The baseline is timed on one year (1,100) and scaled to 11,000: the full run takes a minute.
  const one = await fresh();
  const t0 = performance.now();
  for (const s of sessions.slice(0, COUNT / 10)) await one.sessions.add(s);
  timings[BASELINE_INSERT] = [(performance.now() - t0) * 10];
  one.close();

  // Reads over `data`, which now holds all 11,000.
  let last30 = 0;
  await time(timings, 'last 30 days: byStartedAt index', runs.read, async () => {
    last30 = (await data.sessions.list({ from: NOW - 30 * DAY })).length;
  });
  await time(timings, 'last 30 days baseline: all + filter', runs.read, async () => {
    (await data.sessions.list()).filter((s) => s.startedAt >= NOW - 30 * DAY);
  });
  let stats: unknown[] = [];
  let baseline: unknown[] = [];
  await time(timings, STATS, runs.read, async () => {
    stats = await Promise.all(ids.map((id) => data.sessions.stats(id)));
  });
  await time(timings, 'stats baseline: all + filter per routine', runs.read, async () => {
    const all = await data.sessions.list();
    baseline = ids.map((id) => statsOf(id, all.filter((s) => s.routineId === id)));
  });
  const round = (list: unknown[]) => JSON.stringify(list, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e6) : v));
  const agree = round(stats) === round(baseline);

  let text = '';
  await time(timings, 'export: exportAll', runs.write, async () => {
    text = await data.exportAll();
  });
  const parsed = JSON.parse(text) as unknown;
  await time(timings, 'export baseline: JSON.stringify only', runs.write, async () => JSON.stringify(parsed));

  await time(timings, 'import into an empty database', runs.write, async () => {
    const target = await fresh();
    await target.importAll(text);
    target.close();
  });
  await time(timings, 'import again (all unchanged)', runs.write, () => data.importAll(text));
  data.close();
  return { timings, exportBytes: new TextEncoder().encode(text).length, last30, stats, agree };
}
