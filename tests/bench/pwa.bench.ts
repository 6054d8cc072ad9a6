/**
 * The PWA shell, three ways (run `npm run build` first; `npm run bench` does):
 *
 * 1. Initial download: gzip bytes of the JS and CSS that index.html loads before anything else
 *    (goal ≤ 30 KB). Baseline: a page with one minimal Lit element, built in this run.
 * 2. Lighthouse 12.2.3, default mobile settings (simulated slow 4G, 4x CPU slowdown): performance,
 *    accessibility and best practices, median of several runs. Baseline: the same minimal Lit page,
 *    served the same way (vite preview with the hosting headers).
 * 3. Cold start to the routine list: a freshly launched Chromium opens the app and waits until the
 *    library shows every built-in routine; ms from navigation start (the page's own clock), and
 *    its first contentful paint. Offline: a profile that visited once, with the server STOPPED.
 *    Baseline: online first visit (fresh profile, no service worker yet), loading over localhost.
 *    Goal: offline first paint no slower than online.
 * 4. What a real load fetches: gzip bytes of every JS and CSS file whose response ended before the
 *    load event, in each cold start (goal ≤ 30 KiB on EVERY run; a lazy import that starts early
 *    lands before load in some runs and not others).
 * 5. Cumulative layout shift of every view of the router (VIEW_PATHS), phone-sized, CPU slowed 4×
 *    (goal ≤ 0.02). Baseline: the minimal Lit page.
 * Lighthouse runs on the library, a routine page and the player (goal: performance ≥ 95).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import type { Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, launchProfile } from '../support/chromium';
import { serveDist } from '../support/serve';
import { BUILT_INS } from '../../src/routine/index';
import { POSE_TEXT } from '../../src/poses/index';
import { POSE_ART } from '../../src/poses/art';
import { VIEW_PATHS } from '../../src/ui/shell/router';
import { fmt, median } from './stats';
import { returningUser } from '../support/returning-user';

const root = resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env.PWA_BENCH_RUNS ?? 7);
const LH_RUNS = Number(process.env.PWA_BENCH_LH_RUNS ?? 3);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KiB`;

/** Gzip bytes of the scripts, module preloads and stylesheets a built index.html loads. */
function initialBytes(outDir: string): { files: Record<string, number>; total: number } {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*\shref)="\/([^"]+)"/g)].map((m) => m[1]);
  const files = Object.fromEntries(refs.map((f) => [f, gzipSync(readFileSync(join(outDir, f)), { level: 9 }).length]));
  return { files, total: Object.values(files).reduce((a, b) => a + b, 0) };
}

/**
 * The pose set (issue 15): gzip bytes of every built chunk that holds its drawings, its words or
 * its elements, found by their content (chunk names are the bundler's choice).
 */
function poseSetBytes(outDir: string): Record<string, number> {
  const markers = [POSE_ART['knees-right'].s[2][1], POSE_TEXT.lying];
  const files = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
  const holding = files.filter((f) => {
    const text = readFileSync(join(outDir, 'assets', f), 'utf8');
    return markers.some((m) => text.includes(m)) || text.includes('(`unknot-pose`)'); // the element's registration
  });
  return Object.fromEntries(holding.map((f) => [`assets/${f}`, gzipSync(readFileSync(join(outDir, 'assets', f)), { level: 9 }).length]));
}

/** A page with one minimal Lit element: what any Lit app pays before its own code. */
async function buildBaseline(): Promise<string> {
  // Inside node_modules so that 'lit' resolves; removed at the end.
  const dir = join(root, 'node_modules/.cache/unknot-pwa-bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Baseline"><title>Baseline</title><script type="module" src="./main.ts"></script></head>
<body><min-el></min-el></body></html>`,
  );
  writeFileSync(
    join(dir, 'main.ts'),
    `import { LitElement, html, css } from 'lit';
customElements.define('min-el', class extends LitElement {
  static styles = css\`:host { display: block; font: 1rem system-ui; }\`;
  render() { return html\`<main><h1>Routines</h1><p>Hello</p></main>\`; }
});`,
  );
  await build({ configFile: false, root: dir, logLevel: 'silent', build: { outDir: join(dir, 'dist'), emptyOutDir: true, target: 'es2022' } });
  return join(dir, 'dist');
}

async function lighthouseScores(url: string): Promise<Record<string, number>> {
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    if (!result) throw new Error('Lighthouse returned no result');
    if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.message}`);
    const scores = Object.fromEntries(Object.entries(result.lhr.categories).map(([id, c]) => [id, Math.round((c.score ?? NaN) * 100)]));
    // Thousandths, so the median prints as a score does.
    scores['layout shift ×1000'] = Math.round((result.lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN) * 1000);
    return scores;
  } finally {
    chrome.kill();
  }
}

/** Lighthouse sometimes loses the trace on a busy machine (NO_NAVSTART) and says to run again. */
async function scoresWithRetry(url: string): Promise<Record<string, number>> {
  try {
    return await lighthouseScores(url);
  } catch (e) {
    console.log(`  (Lighthouse run failed, running again: ${(e as Error).message})`);
    return lighthouseScores(url);
  }
}

async function medianScores(url: string): Promise<Record<string, number>> {
  const runs: Record<string, number>[] = [];
  for (let i = 0; i < LH_RUNS; i++) runs.push(await scoresWithRetry(url));
  return Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));
}

interface ColdStart {
  /** Ms from navigation start until the library lists every built-in routine. */
  list: number;
  /** First contentful paint, ms. */
  fcp: number;
  /** Gzip bytes of the JS and CSS whose response ended before the load event. */
  beforeLoad: number;
}

/** Gzip size of a built file, by its URL path. */
const gzipOf = (() => {
  const cache = new Map<string, number>();
  return (path: string) => {
    if (!cache.has(path)) cache.set(path, gzipSync(readFileSync(join(root, 'dist', path)), { level: 9 }).length);
    return cache.get(path)!;
  };
})();

async function coldStart(page: Page, url: string): Promise<ColdStart> {
  const list = await timeToList(page, url);
  await page.waitForLoadState('load');
  const { fcp, before } = await page.evaluate(() => {
    const loadAt = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const files = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => /\.(js|css)$/.test(new URL(r.name).pathname) && r.responseEnd <= loadAt.loadEventStart)
      .map((r) => new URL(r.name).pathname);
    return { fcp: paint?.startTime ?? NaN, before: files };
  });
  return { list, fcp, beforeLoad: before.reduce((n, f) => n + gzipOf(f), 0) };
}

/** Cumulative layout shift of one page load, CPU slowed 4×, until the network is quiet. */
async function layoutShift(url: string): Promise<number> {
  const context = await returningUser(await launchProfile(mkdtempSync(join(tmpdir(), 'unknot-bench-cls-'))));
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize({ width: 412, height: 823 });
    await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(`globalThis.__shift = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) globalThis.__shift += e.value; }).observe({ type: 'layout-shift', buffered: true });`);
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    return (await page.evaluate('globalThis.__shift')) as number;
  } finally {
    await context.close();
  }
}

/** Ms from navigation start until the library lists every built-in routine. */
async function timeToList(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const listed = (n: number) => {
    const lib = document.querySelector('unknot-app')?.shadowRoot?.querySelector('unknot-library');
    return (lib?.shadowRoot?.querySelectorAll('h2').length ?? 0) >= n ? performance.now() : false;
  };
  try {
    const at = await page.waitForFunction(listed, BUILT_INS.length, { polling: 'raf', timeout: 30_000 });
    return (await at.jsonValue()) as number;
  } catch (e) {
    throw new Error(`${url}: the library never listed the ${BUILT_INS.length} built-in routines (${String(e)})`);
  }
}

/** A fresh browser per run: a cold start of the app, not a tab in a warm one. */
async function coldStarts(url: string, profile: () => string): Promise<ColdStart[]> {
  const out: ColdStart[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await returningUser(await launchProfile(profile()));
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      out.push(await coldStart(page, url));
    } finally {
      await context.close();
    }
  }
  return out;
}

export default async function bench(): Promise<void> {
  const baselineDir = await buildBaseline();
  try {
    // 1. Initial download.
    const app = initialBytes(join(root, 'dist'));
    const base = initialBytes(baselineDir);
    console.log('Initial JS + CSS, gzip -9:');
    for (const [f, b] of Object.entries(app.files)) console.log(`  ${f.padEnd(40)} ${kb(b)}`);
    console.log(`  app total ${kb(app.total)} (goal ≤ 30 KiB: ${app.total <= 30 * 1024 ? 'met' : 'NOT met'})`);
    console.log(`  baseline (one minimal Lit element) ${kb(base.total)}; ratio ${(app.total / base.total).toFixed(2)}x`);
    const sw = gzipSync(readFileSync(join(root, 'dist/sw.js')), { level: 9 }).length;
    console.log(`  (not initial: sw.js ${kb(sw)})`);

    // 1b. The pose set: on demand only, and small.
    const poses = poseSetBytes(join(root, 'dist'));
    const poseTotal = Object.values(poses).reduce((a, b) => a + b, 0);
    const initialPoses = Object.keys(poses).filter((f) => f in app.files);
    const precache = readFileSync(join(root, 'dist/sw.js'), 'utf8');
    console.log('Pose set (drawings, words, elements), gzip -9:');
    for (const [f, b] of Object.entries(poses)) console.log(`  ${f.padEnd(40)} ${kb(b)}${precache.includes(f) ? '' : '  NOT PRECACHED'}`);
    console.log(`  total ${kb(poseTotal)} (goal ≤ 15 KiB: ${poseTotal <= 15 * 1024 ? 'met' : 'NOT met'}); in the initial load: ${initialPoses.length ? initialPoses.join(', ') : 'none'}`);

    // 2. Lighthouse, and 5. layout shift of every view.
    const server = await serveDist();
    const baseServer = await serveDist(baselineDir);
    const routineId = BUILT_INS[0].routine.id;
    try {
      const baseScores = await medianScores(baseServer.url);
      for (const [what, path] of [['library', '/'], ['routine page', `/routine/${routineId}`], ['player', `/play/${routineId}`]]) {
        const appScores = await medianScores(`${server.url}${path}`);
        console.log(`Lighthouse 12.2.3 mobile, ${what} (${path}), median of ${LH_RUNS} runs (score 0-100; goal: performance ≥ 95):`);
        for (const k of Object.keys(appScores)) {
          console.log(`  ${k.padEnd(20)} app ${appScores[k]}  baseline ${baseScores[k]}  ratio ${(appScores[k] / baseScores[k]).toFixed(2)}`);
        }
      }
      const baseShift = await layoutShift(baseServer.url);
      console.log(`Cumulative layout shift per view, 412×823, CPU 4× slower (goal ≤ 0.02; baseline page ${baseShift.toFixed(4)}):`);
      for (const path of Object.values(VIEW_PATHS).flat()) {
        const url = `${server.url}${path.replace(':id', routineId)}`;
        const shifts = [await layoutShift(url), await layoutShift(url), await layoutShift(url)];
        console.log(`  ${path.padEnd(16)} max of 3 ${Math.max(...shifts).toFixed(4)}  [${shifts.map((s) => s.toFixed(4)).join(', ')}] ${Math.max(...shifts) <= 0.02 ? 'met' : 'NOT met'}`);
      }
    } finally {
      await baseServer.close();
    }

    // 3. Cold start to the routine list.
    const profileDir = mkdtempSync(join(tmpdir(), 'unknot-bench-profile-'));
    const fresh: string[] = [];
    try {
      const online = await coldStarts(server.url, () => {
        fresh.push(mkdtempSync(join(tmpdir(), 'unknot-bench-fresh-')));
        return fresh[fresh.length - 1];
      });
      // Visit once and let the service worker precache everything, then stop the server.
      const first = await returningUser(await launchProfile(profileDir));
      const page = first.pages()[0] ?? (await first.newPage());
      await page.goto(server.url);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await first.close();
      await server.close();
      if (await fetch(server.url).then(() => true, () => false)) throw new Error('server still answers');
      const offline = await coldStarts(server.url, () => profileDir);
      const of = (runs: ColdStart[], k: 'list' | 'fcp') => runs.map((r) => r[k]);
      const list = (runs: number[]) => `${fmt(median(runs))}  [${runs.map((t) => t.toFixed(0)).join(', ')}]`;
      console.log(`Cold start, median of ${RUNS} fresh browser launches:`);
      console.log(`  to the routine list, offline (server stopped, service worker) ${list(of(offline, 'list'))}`);
      console.log(`  to the routine list, baseline: online first visit              ${list(of(online, 'list'))}`);
      console.log(`  ratio offline/online ${(median(of(offline, 'list')) / median(of(online, 'list'))).toFixed(2)}`);
      const fcpRatio = median(of(offline, 'fcp')) / median(of(online, 'fcp'));
      console.log(`  first contentful paint offline ${list(of(offline, 'fcp'))}; online ${list(of(online, 'fcp'))}; ratio ${fcpRatio.toFixed(2)} (goal ≤ 1: ${fcpRatio <= 1 ? 'met' : 'NOT met'})`);
      const before = online.map((r) => r.beforeLoad);
      console.log(
        `JS + CSS fetched before the load event, gzip -9, each online cold start: [${before.map(kb).join(', ')}]; ` +
          `max ${kb(Math.max(...before))} (goal ≤ 30 KiB on every run: ${Math.max(...before) <= 30 * 1024 ? 'met' : 'NOT met'}); index.html alone names ${kb(app.total)}`,
      );
    } finally {
      await server.close().catch(() => undefined);
      for (const d of [profileDir, ...fresh]) rmSync(d, { recursive: true, force: true });
    }
  } finally {
    rmSync(resolve(baselineDir, '..'), { recursive: true, force: true });
  }
}
