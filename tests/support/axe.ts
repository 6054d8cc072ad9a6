/**
 * axe-core's accessibility check on a page of the BUILT app, under the app's own CSP: the
 * library's text goes in through page.evaluate (over CDP, which the CSP does not govern), where a
 * script tag would be blocked (a11y.e2e.ts bypasses the CSP for that, and only there).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it is now, one line each: the rule and the nodes it failed on. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: unknown[] }[] }[] };
    const r = await (window as unknown as { axe: { run(d: Document, o: object): Promise<Result> } }).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  });
}
