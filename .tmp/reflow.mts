import { chromium } from 'playwright-core';
import { serveDist } from '/work/wt/hardening/tests/support/serve';
import { CHROMIUM_ARGS, chromiumPath } from '/work/wt/hardening/tests/support/chromium';
async function main() {
  const s = await serveDist();
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  for (const [w, font] of [[320, 16], [390, 32], [320, 32]] as const) {
    const ctx = await browser.newContext({ viewport: { width: w, height: 700 } });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Page.enable');
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: font, fixed: Math.round(font * 13 / 16) } });
    for (const path of ['/', '/routine/knees-to-chest-twist', '/edit/knees-to-chest-twist', '/edit', '/play/knees-to-chest-twist', '/history', '/settings', '/report', '/nope']) {
      await page.goto(s.url + path);
      await page.waitForTimeout(1200);
      const r = await page.evaluate(`(() => {
        const out = [];
        const walk = (root) => { for (const el of root.querySelectorAll('*')) { const b = el.getBoundingClientRect(); if (b.right > innerWidth + 1 && b.width > 0) out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '') + ':' + Math.round(b.right)); if (el.shadowRoot) walk(el.shadowRoot); } };
        walk(document);
        return { sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth, fs: getComputedStyle(document.documentElement).fontSize, over: out.slice(0, 6) };
      })()`) as any;
      console.log(w, font, path, r.sw, r.cw, r.fs, r.sw > r.cw ? 'SCROLLS ' + r.over.join(' ') : 'ok');
    }
    await ctx.close();
  }
  await browser.close(); await s.close();
}
void main();
