import { chromium } from 'playwright-core';
import { serveDist } from '/work/wt/hardening/tests/support/serve';
import { CHROMIUM_ARGS, chromiumPath } from '/work/wt/hardening/tests/support/chromium';
async function main() {
  const s = await serveDist();
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  for (const path of (process.argv[2] ?? '/,/routine/knees-to-chest-twist,/play/knees-to-chest-twist,/history,/settings,/report,/edit').split(',')) {
    const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6 * 1024 * 1024 / 8, uploadThroughput: 750 * 1024 / 8 });
    await page.addInitScript(() => {
      (window as any).__shifts = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries() as any[]) (window as any).__shifts.push({ t: Math.round(e.startTime), v: e.value.toFixed(4), input: e.hadRecentInput, src: e.sources.map((x: any) => { const n = x.node; let d = n ? (n.nodeName + (n.id ? '#' + n.id : '') + (n.className ? '.' + n.className : '')) : '?'; let r = n?.getRootNode?.(); if (r && r.host) d = r.host.nodeName + '>' + d; return d + ` ${JSON.stringify(x.previousRect.toJSON?.() ?? {}).slice(0,0)}${Math.round(x.previousRect.y)}->${Math.round(x.currentRect.y)} h${Math.round(x.currentRect.height)}`; }) }); }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(s.url + path, { waitUntil: 'load' });
    await page.waitForTimeout(3000);
    const shifts = await page.evaluate(() => (window as any).__shifts);
    const total = shifts.filter((x: any) => !x.input).reduce((a: number, x: any) => a + Number(x.v), 0);
    console.log(path, 'CLS', total.toFixed(4));
    for (const x of shifts) console.log('   ', JSON.stringify(x));
    await ctx.close();
  }
  await browser.close();
  await s.close();
}
void main();
