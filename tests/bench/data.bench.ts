/**
 * Data layer with 11,000 sessions (ten years at three a day): bulk insert, last 30 days,
 * per-routine statistics, export and import, each against a naive baseline in the same run.
 * Runs twice: in Node over fake-indexeddb (a JavaScript IndexedDB: slower, but the same code
 * paths), and in real headless Chromium (real IndexedDB on disk), where the < 100 ms budget for
 * the statistics is judged.
 */
import 'fake-indexeddb/auto'; // idb and IDBKeyRange need the globals in Node
import { IDBFactory } from 'fake-indexeddb';
import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';
import { launchBrowser } from '../support/chromium';
import { serveDist } from '../support/serve';
import { openUnknotDb } from '../../src/data';
import { fmt, median } from './stats';
import { BASELINE_INSERT, COUNT, runWorkload, STATS, type WorkloadResult } from './data-workload';
import { returningUser } from '../support/returning-user';

const STATS_BUDGET_MS = 100;

function report(where: string, result: WorkloadResult): void {
  const m = (name: string) => median(result.timings[name]);
  console.log(`\n${where}: ${COUNT.toLocaleString('en')} sessions, export ${(result.exportBytes / 1024 / 1024).toFixed(2)} MB, ${result.last30} in the last 30 days`);
  for (const [name, runs] of Object.entries(result.timings)) console.log(`  ${name.padEnd(48)} median ${fmt(median(runs)).padStart(10)}  (${runs.length} runs)`);
  const ratio = (a: string, b: string, label: string) => console.log(`  ${label.padEnd(48)} ${(m(b) / m(a)).toFixed(1)}× faster than its baseline`);
  ratio('insert: addMany (1 tx)', BASELINE_INSERT, 'insert in one transaction');
  ratio('last 30 days: byStartedAt index', 'last 30 days baseline: all + filter', 'last 30 days by index');
  ratio(STATS, 'stats baseline: all + filter per routine', 'stats by index');
  const stats = m(STATS);
  console.log(`  statistics equal to the baseline's: ${result.agree ? 'yes' : 'NO'}`);
  console.log(`  statistics budget: ${fmt(stats)} for all three routines → ${stats < STATS_BUDGET_MS ? 'within' : 'OVER'} ${STATS_BUDGET_MS} ms`);
}

async function inNode(): Promise<WorkloadResult> {
  let n = 0;
  return runWorkload(() => openUnknotDb({ factory: new IDBFactory(), name: `bench-${n++}`, storage: null }));
}

/**
 * Bundles the workload for the browser with Vite itself, as ONE ES module: it is injected as an
 * inline script, so a chunk split off for a dynamic import (the data layer loads transfer.ts
 * lazily) would be fetched from the app's server, where it does not exist (404).
 */
async function bundle(): Promise<string> {
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: resolve(import.meta.dirname, 'data-browser.ts'), formats: ['es'], fileName: 'bench' },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  })) as Rolldown.RolldownOutput[];
  const files = out[0].output;
  if (files.length !== 1) throw new Error(`the bench bundle must be one file, got ${files.map((f) => f.fileName).join(', ')}`);
  return (files[0] as Rolldown.OutputChunk).code;
}

async function inChromium(): Promise<WorkloadResult> {
  const code = await bundle();
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    // The app's origin (real IndexedDB needs one); CSP bypassed only for this injected bench script.
    const context = await returningUser(await browser.newContext({ bypassCSP: true }));
    const page = await context.newPage();
    // Fail at once, naming the cause, instead of waiting 30 s for a script that never loaded.
    const failed = new Promise<never>((_, reject) => {
      page.on('pageerror', (e) => reject(new Error(`bench page error: ${e.message}`)));
      page.on('response', (r) => r.status() >= 400 && reject(new Error(`bench page: ${r.status()} for ${r.url()}`)));
    });
    failed.catch(() => {}); // reported through the race below
    await page.goto(`${server.url}/`);
    await page.addScriptTag({ content: code, type: 'module' });
    await Promise.race([page.waitForFunction(() => 'unknotDataBench' in window), failed]);
    return await Promise.race([page.evaluate(() => (window as unknown as { unknotDataBench: () => Promise<WorkloadResult> }).unknotDataBench()), failed]);
  } finally {
    await browser.close();
    await server.close();
  }
}

export default async function bench(): Promise<void> {
  report('Node 20, fake-indexeddb 6.2.8', await inNode());
  report('Chromium (headless, real IndexedDB)', await inChromium());
}
