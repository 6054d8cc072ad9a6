/**
 * Every view with a big database: 10,000 routines and 11,000 sessions (ten years at three a
 * day), in real headless Chromium, no CPU throttling. For each view of the router (VIEW_PATHS):
 * the longest main-thread task from navigation until the page is quiet (goal: none over 200 ms),
 * and the total blocking time (the sum of every task's part over 50 ms), as medians of RUNS loads
 * (0 ms: no long task at all, i.e. none over 50 ms).
 * Baseline: the same views with only the built-ins and no sessions, in the same run.
 *
 * `SCALE_BENCH_BEFORE=/path/to/dist` also measures another build (e.g. the commit before a change,
 * built with `npx vite build --outDir …`) in the same run, its loads interleaved with this
 * build's, so both see the same machine load: before/after figures without a second run.
 * `SCALE_BENCH_RUNS` changes the number of loads per view (3).
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/chromium';
import { serveDist } from '../support/serve';
import { BUILT_INS } from '../../src/routine/index';
import type { RoutineRecord } from '../../src/data/schema';
import type { SessionInput, UnknotData } from '../../src/data/api';
import { VIEW_PATHS } from '../../src/ui/shell/router';
import { returningUser } from '../support/returning-user';
import { median } from './stats';

const ROUTINES = 10_000;
const SESSIONS = 11_000;
const GOAL_MS = 200;

/** The app's own data layer in the page (the shell's `data` property), once the database is open. */
const dataOf = (page: Page) => page.waitForFunction(() => !!(document.querySelector('unknot-app') as unknown as { data?: unknown }).data);

async function seed(page: Page): Promise<void> {
  const base = BUILT_INS[0].routine;
  const now = Date.UTC(2026, 10, 1);
  const routines: RoutineRecord[] = Array.from({ length: ROUTINES }, (_, i) => ({
    routine: { ...base, id: `bench-${i}`, name: `Bench routine ${String(i).padStart(5, '0')}` },
    origin: 'user',
    edited: false,
    createdAt: now,
    updatedAt: now,
  }));
  const sessions: SessionInput[] = Array.from({ length: SESSIONS }, (_, i) => {
    const startedAt = now - (SESSIONS - i) * 8 * 3_600_000;
    return { plan: BUILT_INS[i % BUILT_INS.length].routine, startedAt, endedAt: startedAt + 300_000, stepsDone: 10, totalSteps: 10, outcome: 'completed', source: 'phone', painBefore: 6, painAfter: 3 };
  });
  await dataOf(page);
  await page.evaluate(
    async ([records, inputs]) => {
      const data = (document.querySelector('unknot-app') as unknown as { data: UnknotData }).data;
      await data.sessions.addMany(inputs);
      // Routines straight into the store in one transaction (put() would take one per routine).
      await new Promise<void>((done, fail) => {
        const open = indexedDB.open('unknot');
        open.onsuccess = () => {
          const tx = open.result.transaction('routines', 'readwrite');
          for (const r of records) tx.objectStore('routines').put(r);
          tx.oncomplete = () => (open.result.close(), done());
          tx.onerror = () => fail(tx.error);
        };
      });
    },
    [routines, sessions] as const,
  );
}

interface Load {
  longest: number;
  blocking: number;
}

async function load(page: Page, url: string): Promise<Load> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'networkidle', timeout: 120_000 });
  // Until the page is quiet: no new long task for 2 s (the database's answers and what they
  // render can come well after the network is idle; a frozen page answers only when it thaws).
  const count = () => page.evaluate(() => (globalThis as unknown as { __tasks: number[] }).__tasks.length);
  for (let seen = -1, now = await count(), end = Date.now() + 120_000; seen !== now && Date.now() < end; ) {
    seen = now;
    await page.waitForTimeout(2000);
    now = await count();
  }
  return page.evaluate(() => {
    const tasks = (globalThis as unknown as { __tasks: number[] }).__tasks;
    return { longest: Math.max(0, ...tasks), blocking: tasks.reduce((n, t) => n + Math.max(0, t - 50), 0) };
  });
}

const RUNS = Number(process.env.SCALE_BENCH_RUNS ?? 3);
const ms = (n: number) => `${n.toFixed(0).padStart(5)} ms`;
const ratio = (a: number, b: number) => (b > 0 ? `×${(a / b).toFixed(1)}` : '  –').padStart(6);

/** One build under test: its own server (so its own origin and database) and page. */
interface Target {
  name: string;
  url: string;
  page: Page;
  /** Loads per view path, per data size. */
  small: Map<string, Load[]>;
  big: Map<string, Load[]>;
  close(): Promise<void>;
}

async function target(browser: Browser, name: string, dist: string): Promise<Target> {
  const server = await serveDist(dist);
  const context = await returningUser(await browser.newContext({ viewport: { width: 412, height: 823 } }));
  await context.addInitScript(`globalThis.__tasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) globalThis.__tasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });`);
  const page = await context.newPage();
  await page.goto(server.url);
  await dataOf(page);
  return { name, url: server.url, page, small: new Map(), big: new Map(), close: async () => (await context.close(), await server.close()) };
}

const medianOf = (loads: Load[], key: keyof Load) => median(loads.map((l) => l[key]));

export default async function bench(): Promise<void> {
  const browser = await launchBrowser();
  const targets: Target[] = [];
  try {
    targets.push(await target(browser, 'this build', 'dist'));
    if (process.env.SCALE_BENCH_BEFORE) targets.push(await target(browser, 'before', process.env.SCALE_BENCH_BEFORE));
    const id = BUILT_INS[0].routine.id;
    const paths = Object.values(VIEW_PATHS).flat();
    const measure = async (size: 'small' | 'big') => {
      for (let run = 0; run < RUNS; run++)
        for (const path of paths)
          for (const t of targets) {
            const loads = t[size].get(path) ?? [];
            loads.push(await load(t.page, `${t.url}${path.replace(':id', id)}`));
            t[size].set(path, loads);
          }
    };
    await measure('small');
    for (const t of targets) {
      const t0 = performance.now();
      await seed(t.page);
      console.log(`${t.name}: seeded ${ROUTINES.toLocaleString('en')} routines and ${SESSIONS.toLocaleString('en')} sessions in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
    }
    await measure('big');
    console.log(`Longest main-thread task per view (goal ≤ ${GOAL_MS} ms; 0: none over 50 ms) and total blocking time, medians of ${RUNS} loads;`);
    console.log(`baseline: the same build with the built-ins only, no sessions${targets.length > 1 ? `; "before": ${process.env.SCALE_BENCH_BEFORE}` : ''}:`);
    for (const path of paths) {
      const [now, before] = targets.map((t) => ({ longest: medianOf(t.big.get(path)!, 'longest'), blocking: medianOf(t.big.get(path)!, 'blocking') }));
      const base = { longest: medianOf(targets[0].small.get(path)!, 'longest'), blocking: medianOf(targets[0].small.get(path)!, 'blocking') };
      const vsBefore = before ? `  before ${ms(before.longest)} / ${ms(before.blocking)}  now ${ratio(now.longest, before.longest)} of before` : '';
      console.log(
        `  ${path.padEnd(19)} longest ${ms(now.longest)} (baseline ${ms(base.longest)} ${ratio(now.longest, base.longest)})  blocking ${ms(now.blocking)} (baseline ${ms(base.blocking)})${vsBefore}  ${now.longest <= GOAL_MS ? 'met' : 'NOT met'}`,
      );
    }
  } finally {
    for (const t of targets) await t.close();
    await browser.close();
  }
}
