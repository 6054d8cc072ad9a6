import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serveDist } from '/work/wt/hardening/tests/support/serve';
import { CHROMIUM_ARGS, chromiumPath } from '/work/wt/hardening/tests/support/chromium';
async function main() {
  const s = await serveDist();
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  const r = await lighthouse(s.url + (process.argv[2] ?? '/'), { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  const a = r!.lhr.audits; console.log(Object.keys(a).filter(k => /shift|lcp|layout/.test(k)).join(' '));
  console.log('perf', r!.lhr.categories.performance.score, 'cls', a['cumulative-layout-shift'].numericValue, 'fcp', a['first-contentful-paint'].numericValue, 'lcp', a['largest-contentful-paint'].numericValue, 'tbt', a['total-blocking-time'].numericValue, 'si', a['speed-index'].numericValue);
  console.log(JSON.stringify(a['layout-shifts']).slice(0, 3000));
  console.log(JSON.stringify((a['largest-contentful-paint-element'] as any)?.details?.items?.[0]?.items?.[0]?.node?.snippet));
  chrome.kill(); await s.close();
}
void main();
