/**
 * Photographs every pose of the set at 64 and 300 px, light and dark, from the real element (the
 * vite dev server renders tests/support/pose-sheet/) into docs/poses/<pose>-<size>-<theme>.png,
 * for docs/poses.md. Run with `npm run poses:pictures`.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer } from 'vite';
import { POSE_IDS } from '../../src/poses/index';
import { launchBrowser } from './chromium';

const root = resolve(import.meta.dirname, '../..');
const out = resolve(root, 'docs/poses');

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const server = await createServer({ root, configFile: false, logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('dev server has no port');
  const browser = await launchBrowser();
  try {
    for (const theme of ['light', 'dark'] as const) {
      for (const size of [64, 300]) {
        const page = await browser.newPage({ colorScheme: theme });
        await page.goto(`http://127.0.0.1:${address.port}/tests/support/pose-sheet/?size=${size}&theme=${theme}`);
        for (const id of POSE_IDS) {
          const pose = page.locator(`unknot-pose[pose="${id}"]`);
          await pose.locator('path').first().waitFor({ state: 'attached' });
          await pose.screenshot({ path: resolve(out, `${id}-${size}-${theme}.png`), animations: 'disabled' });
        }
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`${POSE_IDS.length * 4} pictures in ${out}`);
}

await main();
