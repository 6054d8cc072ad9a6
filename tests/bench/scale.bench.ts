/**
 * Every view with a big database: 10,000 routines and 11,000 sessions (ten years at three a
 * day), in real headless Chromium. For each view of the router (VIEW_PATHS): the longest main-
 * thread task from navigation until the page is quiet (goal: none over 200 ms), and the total
 * blocking time (the sum of every task's part over 50 ms). Baseline: the same views with only the
 * built-ins and no sessions, in the same run.
 */
import type { Page } from 'playwright-core';
import { launchBrowser } from '../support/chromium';
import { serveDist } from '../support/serve';
import { BUILT_INS } from '../../src/routine/index';
import type { RoutineRecord } from '../../src/data/schema';
import type { SessionInput, UnknotData } from '../../src/data/api';
import { VIEW_PATHS } from '../../src/ui/shell/router';
import { returningUser } from '../support/returning-user';

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

const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;

export default async function bench(): Promise<void> {
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    const context = await returningUser(await browser.newContext({ viewport: { width: 412, height: 823 } }));
    await context.addInitScript(`globalThis.__tasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) globalThis.__tasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });`);
    const page = await context.newPage();
    const id = BUILT_INS[0].routine.id;
    const urls = Object.values(VIEW_PATHS).flat().map((p) => [p, `${server.url}${p.replace(':id', id)}`] as const);
    await page.goto(server.url);
    await dataOf(page);
    const small = new Map<string, Load>();
    for (const [path, url] of urls) small.set(path, await load(page, url));
    const t0 = performance.now();
    await seed(page);
    console.log(`Seeded ${ROUTINES.toLocaleString('en')} routines and ${SESSIONS.toLocaleString('en')} sessions in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
    console.log(`Longest main-thread task per view (goal ≤ ${GOAL_MS} ms) and total blocking time; baseline: built-ins only, no sessions:`);
    for (const [path, url] of urls) {
      const big = await load(page, url);
      const base = small.get(path)!;
      console.log(
        `  ${path.padEnd(14)} longest ${ms(big.longest)} (baseline ${ms(base.longest)})  blocking ${ms(big.blocking)} (baseline ${ms(base.blocking)})  ${big.longest <= GOAL_MS ? 'met' : 'NOT met'}`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
