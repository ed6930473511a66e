// `npm run bench`: every speed, size and memory figure, side by side in one run. Prints a table
// per section, then each target with PASS or MISS, and writes the figures to bench/results.json.
//
// `npm run bench -- --smoke` (CI): every section briefly, at a small scale. Ratios at that scale
// are noise, so the smoke run reports targets but fails only on a broken section (a page that
// does not load, a server that does not start, any error) or a broken invariant (0 overbooked,
// 0 duplicates, every watcher updated, …). The full run fails on the same and reports misses.
// Other arguments pick sections by name: `npm run bench -- search booking` (sizes, search, startup,
// booking, watchers, national, escalation, first-use, photo, outbox-faults, report-page).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchBooking, P99_TO_FLOOR } from './booking.js';
import { benchEscalation } from './escalation.js';
import { benchFirstUse } from './first-use.js';
import { benchNational } from './national.js';
import { benchOutbox } from './outbox.js';
import { benchPhoto } from './photo.js';
import { benchReportPage } from './report-page.js';
import { describeError, printRows, type BenchOptions, type SectionResult } from './rows.js';
import { benchSearch } from './search.js';
import { benchSizes } from './sizes.js';
import { benchStartup } from './startup.js';
import { benchWatchers } from './watchers.js';

const SECTIONS: Array<[name: string, title: string, run: (o: BenchOptions) => Promise<SectionResult>]> = [
  ['sizes', 'Sizes (CDN bundle)', benchSizes],
  ['search', 'Catalog search in Chromium: ours (MiniSearch + Indonesian normaliser) vs Fuse.js', benchSearch],
  ['startup', 'Server start', benchStartup],
  ['booking', 'Queue booking: quota release, concurrent booking attempts for few places (PGlite and PostgreSQL)', benchBooking],
  ['watchers', 'Queue live position: SSE watchers of one queue', benchWatchers],
  [
    'national',
    'National catalog (14,000 services): server search with core ranking vs in-process and PostgreSQL full-text search',
    benchNational,
  ],
  ['escalation', 'Si Badra escalation sweep: open complaints past 24 h and 48 h (PGlite and PostgreSQL)', benchEscalation],
  [
    'first-use',
    'First use on a cheap phone (150 ms RTT, 1.6 Mbit/s, CPU ÷4): demo pages cold and repeated, beside a static floor page',
    benchFirstUse,
  ],
  [
    'photo',
    "Si Badra photo: a 12 MP phone JPEG through <si-badra-report>'s compressPhoto in Chromium, beside a bare re-encode",
    benchPhoto,
  ],
  [
    'outbox-faults',
    'Si Badra submit under faults: 500 reports through the core outbox, 30 % of requests failed or cut by a proxy',
    benchOutbox,
  ],
  ['report-page', 'Si Badra report page cold (city portal): bytes on the wire by resource, beside the host page alone', benchReportPage],
];

type Check = (v: number, f: Record<string, number>) => boolean;
/** Goals: a miss is reported. Invariants: a miss is also a broken section (see each section). */
const TARGETS: Array<[key: string, text: string, ok: Check]> = [
  ['size.element.mpp_service_catalog_gzip_kb', '≤ 25 KB gzip (catalog element + Lit + core)', (v) => v <= 25],
  ['size.queue_elements_gzip_kb', 'booking + ticket elements add ≤ 21 KB gzip on top of the catalog', (v) => v <= 21],
  ['size.launcher_over_widget_gzip_kb', 'the popup and floating modes add ≤ 2 KB gzip (the launcher on top of a widget)', (v) => v <= 2],
  ['search.14000.ours.p95_ms', '≤ 2 ms and faster than Fuse.js', (v, f) => v <= 2 && v < (f['search.14000.fuse.p95_ms'] ?? Infinity)],
  ['search.14000.ours.top3', 'higher than Fuse.js', (v, f) => v > (f['search.14000.fuse.top3'] ?? 0)],
  ['server.pglite.cold_start_ms', '≤ 5000 ms', (v) => v <= 5000],
  ...(['pglite', 'postgres'] as const).flatMap((db): Array<[string, string, Check]> => [
    [`booking.${db}.p99_to_floor`, `booking p99 ÷ HTTP floor p99 ≤ ${P99_TO_FLOOR[db]}×`, (v) => v <= P99_TO_FLOOR[db]],
    [`booking.${db}.overbooked`, 'must be 0', (v) => v === 0],
    [`booking.${db}.duplicates`, 'must be 0', (v) => v === 0],
  ]),
  ['booking.postgres.ratio_to_pgbench', 'booking attempts/s ÷ pgbench single-row tps ≥ 0.3', (v) => v >= 0.3],
  ['national.server_to_in_process', 'server search p95 ≤ 1.5× the same core search in-process', (v) => v <= 1.5],
  ['national.top3.ours', 'higher than PostgreSQL full-text search', (v, f) => v > (f['national.top3.postgres_fts'] ?? 1)],
  ['national.bytes_per_keystroke_p95', '≤ 4 KB per keystroke', (v) => v <= 4096],
  ['first_use.catalog.cold_kb', 'catalog page cold ≤ 90 KB on the wire', (v) => v <= 90],
  ['first_use.catalog.useful_to_floor', 'catalog list useful ≤ 1.5× the static floor page', (v) => v <= 1.5],
  ['first_use.catalog.repeat_ms', 'catalog repeat visit ≤ 600 ms on the profile', (v) => v <= 600],
  ['first_use.booking.cold_kb', 'booking page cold ≤ 110 KB on the wire', (v) => v <= 110],
  ['first_use.ticket.cold_kb', 'ticket page by code ≤ 60 KB on the wire', (v) => v <= 60],
  ['first_use.kelurahan.useful_to_floor', 'kelurahan portal: a usable widget ≤ 1.5× the static floor page', (v) => v <= 1.5],
  ['escalation.postgres.sweep_ms', 'escalation sweep over 100,000 open complaints ≤ 1,000 ms on PostgreSQL', (v) => v <= 1000],
  ['first_use.ticket.useful_ms', 'ticket by code useful ≤ 1000 ms on the profile', (v) => v <= 1000],
  ['photo.output_kb', 'a 12 MP phone JPEG compressed to ≤ 400 KB', (v) => v <= 400],
  ['photo.compress_to_bare', 'compressPhoto ≤ 1.5× a bare createImageBitmap + canvas re-encode (same run)', (v) => v <= 1.5],
  ['outbox.lost', 'must be 0 (every report stored)', (v) => v === 0],
  ['outbox.duplicates', 'must be 0', (v) => v === 0],
  ['report_page.portal.cold_kb', 'city portal with <si-badra-report> cold ≤ 110 KB on the wire (Lit and core included)', (v) => v <= 110],
];

const { values, positionals } = parseArgs({ options: { smoke: { type: 'boolean', default: false } }, allowPositionals: true });
const options: BenchOptions = { smoke: values.smoke };
const only = positionals.map((p) => p.toLowerCase());
const unknown = only.filter((o) => !SECTIONS.some(([name]) => name.includes(o)));
if (unknown.length) {
  console.error(`No bench section named ${unknown.join(', ')}; the sections are ${SECTIONS.map(([name]) => name).join(', ')}.`);
  process.exit(2);
}
const figures: Record<string, number> = {};
const broken: string[] = [];
const started = performance.now();
for (const [name, title, run] of SECTIONS) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  console.log(`\n${title}${options.smoke ? ' (smoke)' : ''}`);
  const t0 = performance.now();
  try {
    const r = await run(options);
    Object.assign(figures, r.figures);
    printRows(r.rows);
    for (const n of r.notes) console.log(`  note: ${n}`);
    for (const b of r.broken) console.log(`  BROKEN ${b}`);
    broken.push(...r.broken);
  } catch (e) {
    // A section that throws is broken; the others still run.
    const { message, stack } = describeError(e);
    console.log(`  BROKEN ${stack}`);
    broken.push(`${name}: ${message}`);
  }
  console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

console.log(`\nTargets${options.smoke ? ' (smoke scale: ratios are noise, reported only)' : ''}`);
for (const [k, text, ok] of TARGETS) {
  if (!(k in figures)) continue;
  console.log(`  ${ok(figures[k]!, figures) ? 'PASS' : 'MISS'} ${k} = ${figures[k]}  (${text})`);
}
if (!options.smoke) {
  const out = fileURLToPath(new URL('./results.json', import.meta.url));
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), node: process.version, figures }, null, 2) + '\n');
  console.log(`\nwrote ${out}`);
}
const seconds = ((performance.now() - started) / 1000).toFixed(0);
if (broken.length) {
  console.log(`\nBench broken (${broken.length}), ${seconds} s:\n  ${broken.join('\n  ')}`);
} else console.log(`\nBench ran, nothing broken, ${seconds} s.`);
// The servers are closed, but SSE streams leave keep-alive timers behind: exit explicitly.
process.exit(broken.length ? 1 : 0);
