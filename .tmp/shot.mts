import { chromium } from 'playwright-core';
import { serveDist } from '/work/wt/hardening/tests/support/serve';
import { CHROMIUM_ARGS, chromiumPath } from '/work/wt/hardening/tests/support/chromium';
async function main() {
  const s = await serveDist();
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  const ctx = await browser.newContext({ viewport: { width: 320, height: 900 } });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  for (const [name, path] of [['lib', '/'], ['routine', '/routine/knees-to-chest-twist'], ['settings', '/settings']]) {
    await page.goto(s.url + path); await page.waitForTimeout(1500);
    await page.screenshot({ path: `/work/wt/hardening/.tmp/${name}.png` });
  }
  await browser.close(); await s.close();
}
void main();
