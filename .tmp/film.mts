import { chromium } from 'playwright-core';
import { serveDist } from '/work/wt/hardening/tests/support/serve';
import { CHROMIUM_ARGS, chromiumPath } from '/work/wt/hardening/tests/support/chromium';
async function main() {
  const s = await serveDist();
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  const ctx = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await page.addInitScript(`
    window.__log = [];
    const snap = (why) => {
      const app = document.querySelector('unknot-app')?.shadowRoot;
      const main = app?.querySelector('main');
      const view = main?.firstElementChild;
      const first = view?.shadowRoot?.firstElementChild ?? view?.firstElementChild;
      const foot = app?.querySelector('footer');
      window.__log.push(Math.round(performance.now()) + ' ' + why + ' main.y=' + main?.getBoundingClientRect().y + ' main.h=' + Math.round(main?.getBoundingClientRect().height ?? -1) + ' foot.y=' + Math.round(foot?.getBoundingClientRect().y ?? -1) + ' view=' + view?.tagName + ' defined=' + (view ? !!customElements.get(view.tagName.toLowerCase()) : '') + ' first=' + first?.tagName + ':' + (first?.textContent ?? '').trim().slice(0, 30));
    };
    new PerformanceObserver((l) => { for (const e of l.getEntries()) snap('SHIFT ' + e.value.toFixed(3) + ' ' + e.sources.map((x) => (x.node?.nodeName) + Math.round(x.previousRect.y) + '->' + Math.round(x.currentRect.y)).join(',')); }).observe({ type: 'layout-shift', buffered: true });
    let n = 0; const tick = () => { snap('raf'); if (n++ < 400) requestAnimationFrame(tick); }; requestAnimationFrame(tick);
  `);
  await page.goto(s.url + (process.argv[2] ?? '/'), { waitUntil: 'load' });
  await page.waitForTimeout(2500);
  const log: string[] = await page.evaluate(() => (window as any).__log);
  let last = '';
  for (const l of log) { const k = l.replace(/^\d+ /, ''); if (k !== last) console.log(l); last = k; }
  await browser.close(); await s.close();
}
void main();
