/**
 * The national catalog (14,000 services, `syntheticCatalog`), searched on the server: the SDK's own
 * ranking run by `GET /api/v1/catalog/search`, typed keystroke by keystroke as a citizen types.
 *
 * Measured in one run, on one server over PGlite:
 * - per keystroke, the server search over HTTP (loopback, one request at a time) and the same core
 *   search run in this process on the same records; their p95 and ratio. Beside them the HTTP floor:
 *   the same client asking `/healthz`'s cheaper twin, a 404 problem, which no database touches;
 * - bytes per keystroke: the encoded body of each answer as the client asked (`Accept-Encoding: br,
 *   gzip`), headers not counted;
 * - top-3 hit rate of the full queries (`queries.ts`): ours, and PostgreSQL full-text search
 *   (`websearch_to_tsquery` with the `simple` configuration over name, aliases and summary, ranked by
 *   `ts_rank`) on the same rows and queries.
 * The smoke run types every 4th query.
 */
import { request } from 'node:http';
import { createCatalogIndex, summarizeService, type Service } from '../packages/core/src/index.js';
import { QUERIES } from './queries.js';
import type { BenchOptions, Row, SectionResult } from './rows.js';
import { openDatabase, seedCatalog, silentLogger, startServer, syntheticCatalog } from './server.js';

const SIZE = 14000;
const LIMIT = 20;

/** GET over a kept-alive socket; the body's encoded size and the time to its last byte. */
function timedGet(url: string, agent: import('node:http').Agent): Promise<{ ms: number; bytes: number; status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(url, { agent, headers: { 'accept-encoding': process.env.BENCH_AE ?? 'br, gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ ms: performance.now() - t0, bytes: body.length, status: res.statusCode ?? 0, body });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const prefixes = (q: string) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)).filter((p) => p.trim());

export async function benchNational(o: BenchOptions): Promise<SectionResult> {
  const db = await openDatabase({});
  const server = await startServer({ port: 0, db, seedDemo: false, logger: silentLogger, config: { secret: 'bench-national-secret' } });
  const { Agent } = await import('node:http');
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const cat = syntheticCatalog(SIZE);
    await seedCatalog(db, cat);
    // The records as a client gets them.
    const services: Service[] = [];
    for (;;) {
      const r = (await (await fetch(`${server.url}/api/v1/services?limit=500&offset=${services.length}`)).json()) as {
        items: Service[];
        total: number;
      };
      services.push(...r.items);
      if (services.length >= r.total || !r.items.length) break;
    }
    const agencies = cat.agencies.map((a) => ({ ...a, serviceCount: 0 }));
    // In-process: core's index over the summaries a device would hold, in the index's order (by name).
    const summaries = services.map(summarizeService).sort((a, b) => a.name.localeCompare(b.name, 'id'));
    const local = createCatalogIndex(summaries, agencies);
    const queries = o.smoke ? QUERIES.filter((_, i) => i % 4 === 0) : QUERIES;
    const search = (q: string) => `${server.url}/api/v1/catalog/search?q=${encodeURIComponent(q)}&limit=${LIMIT}`;

    // Warm-up: build the server's index, JIT both sides.
    await timedGet(search('ktp'), agent);
    for (const w of ['paspor', 'pajak', 'akta']) local.search(w, { limit: LIMIT });

    const http: number[] = [];
    const inProcess: number[] = [];
    const floor: number[] = [];
    const bytes: number[] = [];
    const broken: string[] = [];
    const notes: string[] = [];
    let mismatched = 0;
    for (const { q } of queries) {
      for (const p of prefixes(q)) {
        // What one keystroke costs a device holding the index (core's CatalogStore): the search, and
        // "did you mean" when it finds nothing. The server answers the same two.
        const t0 = performance.now();
        const mine = local.search(p, { limit: LIMIT });
        if (!mine.length) local.suggest(p, 3);
        inProcess.push(performance.now() - t0);
        const r = await timedGet(search(p), agent);
        if (r.status !== 200) {
          broken.push(`search "${p}" answered HTTP ${r.status}`);
          continue;
        }
        http.push(r.ms);
        bytes.push(r.bytes);
        floor.push((await timedGet(`${server.url}/api/v1/no-such-route`, agent)).ms);
        const plain = (await (await fetch(search(p))).json()) as { items: Array<{ id: string }> };
        if (plain.items.map((s) => s.id).join() !== mine.map((s) => s.id).join()) {
          mismatched++;
          if (mismatched <= 3)
            notes.push(
              `ranked differently: "${p}": server ${plain.items.slice(0, 4).map((s) => s.id)} / core ${mine.slice(0, 4).map((s) => s.id)}`,
            );
        }
      }
    }
    if (mismatched) broken.push(`${mismatched} keystrokes ranked differently on the server than in core`);

    // Top-3 of the full queries: ours vs PostgreSQL full-text search on the same rows.
    let oursHits = 0;
    let ftsHits = 0;
    for (const { q, expect } of queries) {
      const r = (await (await fetch(search(q))).json()) as { items: Array<{ id: string }> };
      if (r.items.slice(0, 3).some((s) => s.id === expect)) oursHits++;
      const rows = await db.query<{ id: string }>(
        `select id from services,
                lateral (select to_tsvector('simple', name || ' ' || coalesce((select string_agg(a, ' ') from jsonb_array_elements_text(aliases) a), '') || ' ' || summary) as doc) d
          where d.doc @@ websearch_to_tsquery('simple', $1)
          order by ts_rank(d.doc, websearch_to_tsquery('simple', $1)) desc, name, id limit 3`,
        [q],
      );
      if (rows.some((x) => x.id === expect)) ftsHits++;
    }
    const figures: Record<string, number> = {
      'national.server_search.p95_ms': Math.round(p95(http) * 100) / 100,
      'national.in_process.p95_ms': Math.round(p95(inProcess) * 100) / 100,
      'national.http_floor.p95_ms': Math.round(p95(floor) * 100) / 100,
      'national.server_to_in_process': Math.round((p95(http) / p95(inProcess)) * 100) / 100,
      'national.server_minus_floor_to_in_process': Math.round((Math.max(0, p95(http) - p95(floor)) / p95(inProcess)) * 100) / 100,
      'national.bytes_per_keystroke_p95': p95(bytes),
      'national.top3.ours': Math.round((oursHits / queries.length) * 1000) / 1000,
      'national.top3.postgres_fts': Math.round((ftsHits / queries.length) * 1000) / 1000,
    };
    const rows: Row[] = [
      { name: `server search over HTTP, p95 per keystroke (${http.length})`, value: figures['national.server_search.p95_ms']!, unit: 'ms' },
      { name: 'same core search in this process, p95', value: figures['national.in_process.p95_ms']!, unit: 'ms' },
      { name: 'HTTP floor (a 404 problem), p95', value: figures['national.http_floor.p95_ms']!, unit: 'ms' },
      { name: 'server ÷ in-process', value: figures['national.server_to_in_process']!, unit: '×' },
      { name: '(server − HTTP floor) ÷ in-process', value: figures['national.server_minus_floor_to_in_process']!, unit: '×' },
      { name: 'bytes per keystroke (encoded body), p95', value: figures['national.bytes_per_keystroke_p95']!, unit: 'B' },
      { name: 'top-3 hit rate: ours (server)', value: figures['national.top3.ours']!, unit: '' },
      { name: 'top-3 hit rate: PostgreSQL full-text search', value: figures['national.top3.postgres_fts']!, unit: '' },
    ];
    return {
      rows,
      figures,
      broken,
      notes: [...notes, `${SIZE} services, ${queries.length} queries, ${http.length} keystrokes, limit ${LIMIT}`],
    };
  } finally {
    agent.destroy();
    await server.close();
    await db.close();
  }
}
