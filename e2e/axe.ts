// axe-core in a Playwright page, for the end-to-end tests: the same check everywhere.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * axe over the page and every open shadow root in it (axe walks them); each violation as
 * `id (n nodes): [targets]`, so an empty list means clean.
 */
export async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await (
      window as unknown as { axe: { run(o?: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }
    ).axe.run();
    return r.violations.map((v) => `${v.id} (${v.nodes.length} nodes): ${JSON.stringify(v.nodes.slice(0, 5).map((n) => n.target))}`);
  });
}
