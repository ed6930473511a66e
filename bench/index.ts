// `npm run bench`: every speed, size and memory figure, side by side in one run. Prints a table
// and writes the same figures to bench/results.json. Targets are printed next to the figures.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchSizes } from './sizes.js';
import { benchStartup } from './startup.js';
import { benchSearch } from './search.js';
import { benchBooking } from './booking.js';
import { benchWatchers } from './watchers.js';
import { printRows, type Row } from './rows.js';

const sections: Array<
  [string, () => Promise<{ rows: Row[]; figures: Record<string, number> }> | { rows: Row[]; figures: Record<string, number> }]
> = [
  ['Sizes (CDN bundle)', benchSizes],
  ['Catalog search in Chromium: ours (MiniSearch + Indonesian normaliser) vs Fuse.js', benchSearch],
  ['Server', benchStartup],
  ['Queue: quota release, 2,000 concurrent booking attempts for 300 places (PGlite and PostgreSQL)', benchBooking],
  ['Queue: live position, 2,000 SSE watchers of one queue', benchWatchers],
];

const TARGETS: Record<string, [string, (v: number, f: Record<string, number>) => boolean]> = {
  'size.element.mpp_service_catalog_gzip_kb': ['≤ 25 KB gzip (catalog element + Lit + core)', (v) => v <= 25],
  'search.14000.ours.p95_ms': ['≤ 2 ms and faster than Fuse.js', (v, f) => v <= 2 && v < (f['search.14000.fuse.p95_ms'] ?? Infinity)],
  'search.14000.ours.top3': ['higher than Fuse.js', (v, f) => v > (f['search.14000.fuse.top3'] ?? 1)],
  'server.pglite.cold_start_ms': ['≤ 5000 ms', (v) => v <= 5000],
  'booking.pglite.overbooked': ['must be 0', (v) => v === 0],
  'booking.pglite.duplicates': ['must be 0', (v) => v === 0],
  'booking.pglite.p99_ms': ['goal ≤ 250 ms', (v) => v <= 250],
  'booking.postgres.overbooked': ['must be 0', (v) => v === 0],
  'booking.postgres.duplicates': ['must be 0', (v) => v === 0],
  'booking.postgres.p99_ms': ['goal ≤ 250 ms', (v) => v <= 250],
  'booking.postgres.ratio_to_pgbench': ['goal ≥ 0.3', (v) => v >= 0.3],
  'size.queue_elements_gzip_kb': ['booking + ticket elements add ≤ 12 KB gzip', (v) => v <= 12],
};

const only = process.argv.slice(2);
const figures: Record<string, number> = {};
for (const [title, fn] of sections) {
  if (only.length && !only.some((o) => title.toLowerCase().includes(o))) continue;
  const r = await fn();
  Object.assign(figures, r.figures);
  console.log(`\n${title}`);
  printRows(r.rows);
}
console.log('\nTargets');
for (const [k, [text, ok]] of Object.entries(TARGETS)) {
  if (!(k in figures)) continue;
  console.log(`  ${ok(figures[k]!, figures) ? 'MET   ' : 'MISSED'} ${k} = ${figures[k]}  (${text})`);
}
const out = fileURLToPath(new URL('./results.json', import.meta.url));
writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), node: process.version, figures }, null, 2) + '\n');
console.log(`\nwrote ${out}`);
