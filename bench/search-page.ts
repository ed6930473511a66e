/**
 * The part of the catalog search benchmark that runs inside the Chromium page (see `search.ts`):
 * builds an engine, types every query prefix by prefix timing each search call, and checks the
 * top 3 of each full query. Browser code only: it imports the core search index and Fuse.js,
 * nothing from Node (`search.ts` bundles it for the browser and the bundle refuses Node modules).
 */
import Fuse from 'fuse.js';
import type { Agency, Service } from '../packages/core/src/schemas/catalog.js';
import { createCatalogIndex } from '../packages/core/src/catalog/search.js';
import type { BenchQuery } from './queries.js';

export interface Catalog {
  agencies: Agency[];
  services: Service[];
}

export type EngineName = 'ours' | 'fuse';

export interface MeasureOptions {
  engine: EngineName;
  queries: readonly BenchQuery[];
  /** Time every n-th query only (Fuse.js at 14,000 services takes about a second per keystroke). */
  latencyEvery: number;
  /** Typing runs, each on a freshly built index; each keystroke counts with its median time. */
  repeats: number;
}

export interface EngineResult {
  services: number;
  build_ms: number;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
  keystrokes: number;
  /** Runs per keystroke (on a fresh index each); the keystroke's time is the median. */
  repeats: number;
  top3: number;
  /** Mean share of the query typed until the expected service first shows in the top 3 (1 = never before the end). */
  typed_to_top3: number;
  misses: string[];
  /** The slowest keystrokes, for the report. */
  slowest: string[];
}

const WARMUP = [
  'zebra cross',
  'vaksin covid',
  'xyz 123',
  'wisata kuliner',
  'olahraga',
  'gempa bumi',
  'honor guru',
  'rumah sakit umum',
  'yayasan',
  'obat generik',
];

const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]! : Number.NaN;

/** The key set of the Fuse.js baseline: what a developer would reasonably configure. */
export function createFuse(catalog: Catalog): { search(q: string, limit: number): string[] } {
  const agencyName = new Map(catalog.agencies.map((a) => [a.id, [a.name, a.shortName, ...a.aliases].join(' ')]));
  const docs = catalog.services.map((s) => ({
    id: s.id,
    name: s.name,
    aliases: s.aliases,
    summary: s.summary,
    agency: agencyName.get(s.agencyId) ?? '',
  }));
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'name', weight: 3 },
      { name: 'aliases', weight: 3 },
      { name: 'summary', weight: 1 },
      { name: 'agency', weight: 1.5 },
    ],
    threshold: 0.4,
    ignoreLocation: true,
  });
  return { search: (q, limit) => fuse.search(q, { limit }).map((r) => r.item.id) };
}

/**
 * Builds the engine, types every query prefix by prefix timing each search call, and checks the
 * top 3 of each full query.
 */
export function measureInPage(catalog: Catalog, { engine, queries, latencyEvery, repeats }: MeasureOptions): EngineResult {
  const create = (): ((q: string, limit: number) => string[]) => {
    if (engine === 'fuse') return createFuse(catalog).search;
    const index = createCatalogIndex(catalog.services, catalog.agencies);
    return (q, limit) => index.search(q, { limit }).map((s) => s.id);
  };
  const builds: number[] = [];
  const runs: number[][] = [];
  const typed: string[] = [];
  // How much of each query had to be typed before the expected service showed in the top 3.
  const shares: number[] = [];
  let search: (q: string, limit: number) => string[] = () => [];
  for (let run = 0; run < repeats; run++) {
    const started = performance.now();
    search = create();
    builds.push(performance.now() - started);

    // Warm-up (JIT) with words that share no two-letter prefix with the query set.
    const warmup = engine === 'ours' ? WARMUP : WARMUP.slice(0, 1);
    for (const w of warmup) for (let k = 1; k <= w.length; k++) search(w.slice(0, k), 20);

    const times: number[] = [];
    for (const [n, { q, expect }] of queries.entries()) {
      if (n % latencyEvery !== 0) continue;
      let share = 1;
      for (let k = 1; k <= q.length; k++) {
        const prefix = q.slice(0, k);
        const t0 = performance.now();
        const ids = search(prefix, 20);
        times.push(performance.now() - t0);
        if (run === 0) typed.push(prefix);
        if (run === 0 && share === 1 && ids.slice(0, 3).includes(expect)) share = k / q.length;
      }
      if (run === 0) shares.push(share);
    }
    runs.push(times);
  }
  // Each keystroke's time is its median over the runs (each on a fresh index with the same
  // history): that removes preemption by other processes, not work done by the search.
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const times = typed.map((_, j) => median(runs.map((r) => r[j]!)));
  const slowest = times
    .map((t, k) => [t, k] as const)
    .sort((a, b) => b[0] - a[0])
    .slice(0, 12)
    .map(([t, k]) => `${JSON.stringify(typed[k])} ${t.toFixed(2)} ms`);
  let hits = 0;
  const misses: string[] = [];
  for (const { q, expect } of queries) {
    const top = search(q, 3);
    if (top.includes(expect)) hits++;
    else misses.push(`${q} -> ${top.join(', ') || '(none)'}`);
  }
  times.sort((a, b) => a - b);
  return {
    services: catalog.services.length,
    build_ms: median(builds),
    p50_ms: percentile(times, 50),
    p95_ms: percentile(times, 95),
    max_ms: times[times.length - 1] ?? Number.NaN,
    keystrokes: times.length,
    repeats,
    top3: queries.length ? hits / queries.length : Number.NaN,
    typed_to_top3: shares.reduce((a, b) => a + b, 0) / (shares.length || 1),
    misses,
    slowest,
  };
}
