/**
 * Catalog search benchmark: our MiniSearch-based index vs Fuse.js, measured in Chromium.
 *
 * For the Bogor demo catalog (~145 services) and the synthetic national catalog
 * (`syntheticCatalog(14000)`, which starts with the Bogor services) it measures, inside a fresh
 * headless Chromium page per engine and size (see `search-page.ts`, the code that runs there):
 * - index build time;
 * - per-keystroke latency: every query of `queries.ts` is typed prefix by prefix ('b', 'bi', 'bik'…)
 *   and every search call is timed on its own with `performance.now()` (the page is cross-origin
 *   isolated, so the timer resolution is 5 µs instead of 100 µs). One index serves a whole typing
 *   run, as in a real session: our index reuses work of earlier keystrokes (see `search.ts` in
 *   core), which is part of what is measured. A short warm-up with other words runs first (JIT).
 *   The run is repeated 3 times, each on a freshly built index, and each keystroke counts with its
 *   median time: other processes on the machine preempt single keystrokes at random, the search
 *   does not;
 * - top-3 hit rate: the expected service is among the first three results of the full query;
 * - how much of each query had to be typed before the expected service showed in the top 3.
 *
 * Fuse.js scans every document on every keystroke (about a second each at 14,000 services): there
 * its latency is sampled on every 4th query in a single run; its top-3 rate still uses every query.
 * The smoke run types every query once per engine and leaves Fuse.js at 14,000 out.
 *
 * The page gets the catalogs as JSON from this process: the page bundle holds browser code only
 * (it is built for the browser and may not import Node modules).
 *
 * Run directly: `node --conditions=development --import tsx bench/search.ts [--smoke]` (about
 * 6–9 minutes, mostly Fuse.js at 14,000). `BENCH_SEARCH_ENGINES=ours` skips Fuse.js while iterating.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Agency, Service } from '../packages/core/src/schemas/catalog.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { QUERIES } from './queries.js';
import { printRows, type BenchOptions, type Row, type SectionResult } from './rows.js';
import type { Catalog, EngineName, EngineResult, MeasureOptions, measureInPage } from './search-page.js';
import { BOGOR_SEED, syntheticCatalog } from './server.js';

const SIZES = [145, 14000] as const;
type Size = (typeof SIZES)[number];
const FUSE_LATENCY_EVERY = 4;
/** Typing runs per engine and size (fresh index each); per-keystroke medians are reported. */
const REPEATS = 3;
const ORIGIN = 'http://bench.mpp-kit.localhost';
const PAGE_LOAD_TIMEOUT_MS = 60_000;

/** The two catalogs with the full API types (the seed omits `serviceCount` and `updatedAt`). */
function loadCatalogs(): Record<Size, Catalog> {
  const complete = (agencies: Omit<Agency, 'serviceCount'>[], services: Omit<Service, 'updatedAt'>[]): Catalog => {
    const count = new Map<string, number>();
    for (const s of services) count.set(s.agencyId, (count.get(s.agencyId) ?? 0) + 1);
    return {
      agencies: agencies.map((a) => ({ ...a, serviceCount: count.get(a.id) ?? 0 })),
      services: services.map((s) => ({ ...s, updatedAt: '2025-01-01T00:00:00.000Z' })),
    };
  };
  const synthetic = syntheticCatalog(14000);
  return {
    145: complete(BOGOR_SEED.agencies, BOGOR_SEED.services),
    14000: complete(synthetic.agencies, synthetic.services),
  };
}

/**
 * Bundles the page script: `search-page.ts` (our index, Fuse.js, `measureInPage`) and a loader
 * that fetches the catalogs. Built for the browser with nothing external, so a Node module pulled
 * into the page fails here, not as a page error.
 */
async function bundlePage(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `
        import { measureInPage } from './search-page.js';
        const catalogs = await (await fetch('/catalogs.json')).json();
        globalThis.__bench = { measureInPage, catalogs };
      `,
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      loader: 'ts',
      sourcefile: 'bench-page.ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify: true,
    conditions: ['development'],
    logLevel: 'error',
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output');
  return file.text;
}

/** Which engines and sizes run, and how. */
function plan({ smoke }: BenchOptions): Array<{ size: Size; measure: MeasureOptions }> {
  const engines = (process.env.BENCH_SEARCH_ENGINES?.split(',') ?? ['ours', 'fuse']) as EngineName[];
  return SIZES.flatMap((size) =>
    engines.flatMap((engine) => {
      // Fuse.js scans every document on every keystroke (about a second each at 14,000): its
      // latency is sampled on every 4th query there; its top-3 rate still uses every query.
      const slow = engine === 'fuse' && size > 1000;
      if (slow && smoke) return [];
      return [
        {
          size,
          measure: { engine, queries: QUERIES, latencyEvery: slow ? FUSE_LATENCY_EVERY : 1, repeats: slow || smoke ? 1 : REPEATS },
        },
      ];
    }),
  );
}

export async function benchSearch(options: BenchOptions): Promise<SectionResult> {
  const script = await bundlePage();
  const catalogs = JSON.stringify(loadCatalogs());
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const figures: Record<string, number> = {};
  const rows: Row[] = [];
  const notes: string[] = [];
  const broken: string[] = [];
  try {
    for (const { size, measure } of plan(options)) {
      // A fresh, cross-origin-isolated page per run (fine-grained timers, no shared JIT state).
      const page = await browser.newPage();
      await page.route(`${ORIGIN}/**`, (route) => {
        const path = new URL(route.request().url()).pathname;
        const [contentType, body] =
          path === '/bench.js'
            ? ['text/javascript', script]
            : path === '/catalogs.json'
              ? ['application/json', catalogs]
              : ['text/html', '<!doctype html><meta charset="utf-8"><title>bench</title>'];
        return route.fulfill({
          status: 200,
          contentType,
          headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
          body,
        });
      });
      // The first page error ends the wait at once (a page that cannot load fails in seconds).
      const pageError = new Promise<never>((_, reject) =>
        page.once('pageerror', (e) => reject(new Error(`bench page did not load: ${String(e)}`))),
      );
      pageError.catch(() => {});
      await page.goto(`${ORIGIN}/`);
      await page.addScriptTag({ url: `${ORIGIN}/bench.js`, type: 'module' });
      await Promise.race([
        page.waitForFunction(() => 'catalogs' in ((globalThis as unknown as { __bench?: object }).__bench ?? {}), undefined, {
          timeout: PAGE_LOAD_TIMEOUT_MS,
        }),
        pageError,
      ]);
      const isolated = await page.evaluate(() => (globalThis as unknown as { crossOriginIsolated?: boolean }).crossOriginIsolated === true);
      const r = await page.evaluate(
        ([size, measure]) => {
          const b = (globalThis as unknown as { __bench: { measureInPage: typeof measureInPage; catalogs: Record<number, Catalog> } })
            .__bench;
          const catalog = b.catalogs[size];
          if (!catalog) throw new Error(`no catalog of size ${size}`);
          return b.measureInPage(catalog, measure);
        },
        [size, measure] as const,
      );
      await page.close();
      const { engine } = measure;
      const key = `search.${size}.${engine}`;
      if (!isolated) notes.push(`${key}: page not cross-origin isolated, timer resolution 100 µs`);
      if (r.keystrokes === 0 || !Number.isFinite(r.p95_ms)) broken.push(`${key}: no keystroke timed`);
      if (!(r.top3 > 0)) broken.push(`${key}: top-3 hit rate is ${r.top3} (the search finds nothing expected)`);
      if (r.misses.length) notes.push(`${key} top-3 misses:\n      ${r.misses.join('\n      ')}`);
      notes.push(`${key} slowest keystrokes: ${r.slowest.join(', ')}`);
      figures[`${key}.p50_ms`] = round(r.p50_ms);
      figures[`${key}.p95_ms`] = round(r.p95_ms);
      figures[`${key}.top3`] = round(r.top3);
      if (size === 14000) figures[`${key}.build_ms`] = round(r.build_ms, 1);
      rows.push(...rowsOf(size, engine, r));
    }
  } finally {
    await browser.close();
  }
  return { rows, figures, notes, broken };
}

function rowsOf(size: Size, engine: EngineName, r: EngineResult): Row[] {
  const label = `${size === 14000 ? 'synthetic' : 'Bogor'} (${r.services} services), ${engine}`;
  return [
    { name: `${label}: build`, value: round(r.build_ms, 1), unit: 'ms' },
    { name: `${label}: keystrokes timed (median of ${r.repeats} runs each)`, value: r.keystrokes, unit: 'count' },
    { name: `${label}: keystroke p50`, value: round(r.p50_ms), unit: 'ms' },
    { name: `${label}: keystroke p95`, value: round(r.p95_ms), unit: 'ms' },
    { name: `${label}: keystroke max`, value: round(r.max_ms), unit: 'ms' },
    { name: `${label}: top-3 hit rate`, value: round(r.top3), unit: 'fraction' },
    { name: `${label}: share of query typed until top-3`, value: round(r.typed_to_top3), unit: 'fraction' },
  ];
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchSearch({ smoke: process.argv.includes('--smoke') });
  printRows(r.rows);
  console.log(`\nqueries: ${QUERIES.length}`);
  for (const n of r.notes) console.log(`\n${n}`);
  for (const b of r.broken) console.log(`BROKEN ${b}`);
  console.log(`\n${JSON.stringify(r.figures, null, 2)}`);
  process.exitCode = r.broken.length ? 1 : 0;
}
