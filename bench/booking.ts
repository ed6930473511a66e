// Quota release contention: 2,000 citizens try to book the same 300 places at once, over HTTP
// against a real server (PGlite, and PostgreSQL when TEST_DATABASE_URL is set). Afterwards the
// database must hold exactly 300 active tickets, no slot over capacity and at most one active
// ticket per NIK per service per day (broken otherwise). The latency target is a ratio measured in
// the same run: booking p99 ÷ the machine's HTTP floor p99 (the same load generator against a
// handler that answers at once). On PostgreSQL the booking rate is also compared with pgbench's
// single-row UPDATE rate on the same server: every booking of a day updates the same
// `queue_days` row (the ticket number), so that is the ceiling the booking path can approach.
// The smoke run does the same at a sixth of the scale (400 attempts for 60 places).
//
// Run alone: node --conditions=development --import tsx bench/booking.ts [--smoke]
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import postgres from 'postgres';
import { describeError, mustEqual, printRows, type BenchOptions, type Row, type SectionResult } from './rows.js';
import { BENCH_CONFIG, codesAhead, mulberry32, openDatabase, openPostgres, silentLogger, startServer, type Db } from './server.js';

export type DbKind = 'pglite' | 'postgres';

const SERVICE = 'disdukcapil-ktp-el';
/** Monday 2026-11-23 07:30 WIB: before the day's slots, the next days' quotas already released. */
const NOW = new Date('2026-11-23T00:30:00Z');
/** Tuesday, booked one day ahead. */
const DATE = '2026-11-24';
const SLOTS = 10;

/** How big the rush is: the full run, and the smoke run (CI) at a sixth of it. */
interface Scale {
  slotCapacity: number;
  attempts: number;
  /** Requests in flight at once (each worker of the pool sends one after the other). */
  inFlight: number;
  /** How long pgbench runs. */
  pgbenchSeconds: number;
  /**
   * HTTP floor runs; the one with the median p99 is the floor (a run takes about a second, and
   * on a shared machine one run's p99 moves by half from one run to the next).
   */
  floorRuns: number;
}
const FULL: Scale = { slotCapacity: 30, attempts: 2000, inFlight: 200, pgbenchSeconds: 5, floorRuns: 5 };
const SMOKE: Scale = { slotCapacity: 6, attempts: 400, inFlight: 50, pgbenchSeconds: 1, floorRuns: 1 };
const places = (s: Scale) => SLOTS * s.slotCapacity;
/** PostgreSQL pool of the server (the test helper's size). */
const PG_POOL = 20;
const REQUEST_TIMEOUT_MS = 30_000;

const LOAD_ROLE = 'mpp-bench-booking-load';

interface LoadInput {
  role: typeof LOAD_ROLE;
  url: string;
  inFlight: number;
  slotIds: string[];
  work: Attempt[];
}
interface LoadResult {
  latency: number[];
  status: Array<[string, number]>;
  codes: Array<[string, number]>;
  errors: Array<[string, number]>;
  wallMs: number;
  /** When the last ticket was issued, from the first request. */
  soldOutMs: number;
  /** How busy the load generator's thread was while sending (0–1). */
  elu: number;
}

/**
 * The address attempt `i` comes from, as a proxy in front of the server reports it
 * (`X-Forwarded-For`): a crowd of citizens has one address each, not the bench's one loopback.
 */
const clientAddress = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

/**
 * One POST over node:http with a keep-alive agent: the cheapest well-kept client in Node (`fetch`
 * costs the load generator several times more CPU per request, and the server shares two cores).
 */
function post(agent: http.Agent, url: string, body: string, from: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'idempotency-key': randomUUID(),
          'x-forwarded-for': from,
        },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The client side: all attempts through a pool of `inFlight` concurrent requests, each with its own
 * Idempotency-Key. Runs in a worker thread so that the load generator neither steals the server's
 * event loop nor is starved by it (PGlite runs its queries on the server's thread).
 */
async function sendAll({ url, inFlight, slotIds, work }: LoadInput): Promise<LoadResult> {
  const latency: number[] = [];
  const status = new Map<string, number>();
  const codes = new Map<string, number>();
  const errors = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let next = 0;
  let soldOutMs = 0;
  let t0 = performance.now();
  const worker = async () => {
    for (let i = next++; i < work.length; i = next++) {
      const a = work[i]!;
      const t = performance.now();
      try {
        const res = await post(
          agent,
          `${url}/api/v1/bookings`,
          JSON.stringify({ serviceId: SERVICE, slotId: slotIds[a.slot]!, name: `Warga Bogor ${i}`, nik: a.nik, phone: a.phone }),
          clientAddress(i),
        );
        const text = res.text;
        latency.push(performance.now() - t);
        bump(status, String(res.status));
        if (res.status === 201) soldOutMs = performance.now() - t0;
        if (res.status !== 201) {
          let code = 'unknown';
          try {
            code = String((JSON.parse(text) as { code?: unknown }).code ?? 'unknown');
          } catch {
            code = 'not_json';
          }
          bump(codes, `${res.status}_${code}`);
        }
      } catch (e) {
        latency.push(performance.now() - t);
        bump(status, 'error');
        const code = e instanceof Error && 'code' in e ? ` (${String((e as Error & { code: unknown }).code)})` : '';
        bump(errors, e instanceof Error ? `${e.name}: ${e.message}${code}` : String(e));
      }
    }
  };
  const agent = new http.Agent({ keepAlive: true });
  // The connections are open before the quota opens, as in the browsers: the booking page has just
  // loaded the day's slots from the same API. (Opening 200 connections while PGlite blocks the
  // server's thread adds TCP retransmission delays of seconds to a few of them; that measures the
  // kernel, not the booking path.)
  await Promise.all(
    Array.from(
      { length: inFlight },
      () =>
        new Promise((resolve, reject) =>
          http
            .get(`${url}/healthz`, { agent }, (res) => {
              res.resume();
              res.on('end', resolve);
            })
            .on('error', reject),
        ),
    ),
  );
  parentPort?.postMessage({ started: true });
  t0 = performance.now();
  const elu0 = performance.eventLoopUtilization();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const elu = performance.eventLoopUtilization(elu0).utilization;
  agent.destroy();
  return { latency, status: [...status], codes: [...codes], errors: [...errors], wallMs: performance.now() - t0, soldOutMs, elu };
}

/**
 * Runs the module at `moduleUrl` in a worker thread (TypeScript through tsx's loader, which Node 20
 * does not apply to a worker's entry by itself) and resolves with the first message it posts.
 */
export async function runInWorker<O>(moduleUrl: string, input: unknown, onStart?: () => void): Promise<O> {
  const boot = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(moduleUrl)});`;
  const w = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { workerData: input });
  try {
    return await new Promise<O>((resolve, reject) => {
      w.on('message', (m: unknown) => {
        if (m && typeof m === 'object' && 'started' in m) onStart?.();
        else resolve(m as O);
      });
      w.once('error', reject);
      w.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });
  } finally {
    await w.terminate();
  }
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** 16-digit NIK of Kota Bogor (3271), district 01–30, born 01-01-1990, serial from 0001. */
export function demoNik(i: number): string {
  return `3271${pad((i % 30) + 1, 2)}010190${pad(Math.floor(i / 30) + 1, 4)}`;
}

interface Attempt {
  nik: string;
  phone: string;
  slot: number;
}

function attempts(count: number): Attempt[] {
  // Deterministic, so every run books the same slots in the same order.
  const rnd = mulberry32(20261124);
  const out: Attempt[] = [];
  for (let i = 0; i < count; i++) out.push({ nik: demoNik(i), phone: `08123456${pad(i, 4)}`, slot: Math.floor(rnd() * SLOTS) });
  // Exactly 5 % of the attempts take the NIK of another attempt (one ticket per NIK per service
  // per day). Both are among the first attempts sent (which mostly win a place), so the
  // one-per-NIK rule is actually reached: a reused NIK that meets a full slot is refused as
  // slot_full before the NIK is looked at.
  const reused = Math.round(count * 0.05);
  const early = Math.min(count, 4 * reused);
  const picked = new Set<number>();
  while (picked.size < reused) picked.add(Math.floor(rnd() * early));
  for (const i of picked) {
    let j = Math.floor(rnd() * early);
    while (j === i || picked.has(j)) j = (j + 1) % early;
    out[i]!.nik = out[j]!.nik;
  }
  if (new Set(out.map((a) => a.nik)).size !== count - reused) throw new Error('NIK generation is off');
  return out;
}

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]! : NaN;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** A fresh database: PGlite in memory, or a new PostgreSQL database dropped by `drop()`. */
export async function freshDb(kind: DbKind, url?: string, pool = PG_POOL): Promise<{ db: Db; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openDatabase({});
    return { db, drop: () => db.close() };
  }
  const name = `mpp_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(url!, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
    const u = new URL(url!);
    u.pathname = `/${name}`;
    const db = await openPostgres(u.href, { max: pool });
    return {
      db,
      async drop() {
        try {
          await db.close();
        } finally {
          await admin.unsafe(`drop database if exists ${name} with (force)`);
          await admin.end();
        }
      },
    };
  } catch (e) {
    await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
    throw e;
  }
}

interface AvailabilityBody {
  days: Array<{ date: string; status: string; slots: Array<{ id: string; remaining: number; capacity: number }> }>;
}

async function daySlots(url: string): Promise<AvailabilityBody['days'][number]> {
  const res = await fetch(`${url}/api/v1/services/${SERVICE}/availability?from=${DATE}&days=1`);
  if (res.status !== 200) throw new Error(`availability: HTTP ${res.status} ${await res.text()}`);
  const day = ((await res.json()) as AvailabilityBody).days[0];
  if (!day) throw new Error('availability: no day');
  return day;
}

/** One rush against a real server on a fresh database: the figures, and what it broke. */
export async function runOne(kind: DbKind, scale: Scale, url?: string): Promise<{ figures: Record<string, number>; errors: string[] }> {
  const { db, drop } = await freshDb(kind, url);
  const server = await startServer({
    port: 0,
    db,
    seedDemo: true,
    logger: silentLogger,
    clock: { now: () => new Date(NOW) },
    config: BENCH_CONFIG,
  }).catch(async (e: unknown) => {
    // The database is dropped also when the server cannot start on it.
    await drop();
    throw e;
  });
  const total = places(scale);
  try {
    await db.query(`update queue_rules set slot_capacity = $2 where service_id = $1`, [SERVICE, scale.slotCapacity]);
    const before = await daySlots(server.url);
    if (before.status !== 'open') throw new Error(`${DATE} is ${before.status}, expected open`);
    const slots = before.slots.slice(0, SLOTS);
    if (
      slots.length !== SLOTS ||
      slots.reduce((n, s) => n + s.remaining, 0) !== total ||
      slots.some((s) => s.capacity !== scale.slotCapacity)
    )
      throw new Error(`expected ${SLOTS} slots of ${scale.slotCapacity} on ${DATE}, got ${JSON.stringify(slots)}`);

    const work = attempts(scale.attempts);
    // A server is up well before a quota opens: let it draw its booking codes ahead.
    for (const t0 = Date.now(); codesAhead(server) < Math.min(512, total + 100) && Date.now() - t0 < 10_000;)
      await new Promise((r) => setTimeout(r, 50));
    // How long the server's event loop was blocked at worst (PGlite executes on this thread).
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    let elu0 = performance.eventLoopUtilization();
    const load = await runInWorker<LoadResult>(
      import.meta.url,
      { role: LOAD_ROLE, url: server.url, inFlight: scale.inFlight, slotIds: slots.map((x) => x.id), work } satisfies LoadInput,
      // The load starts once the worker is up: how busy the server's thread is from then on.
      () => (elu0 = performance.eventLoopUtilization()),
    ).finally(() => loop.disable());
    const serverElu = performance.eventLoopUtilization(elu0).utilization;
    const { latency } = load;
    const status = new Map(load.status);
    const codes = new Map(load.codes);
    const wallMs = load.wallMs;

    // What the database holds now.
    const q1 = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: unknown }>(sql, params))[0]?.n ?? 0);
    const issued = await q1(`select count(*)::int as n from bookings where status <> 'cancelled' and service_id = $1`, [SERVICE]);
    const slotMismatch = await q1(
      `select count(*)::int as n from slots s
        where s.service_id = $1
          and (s.booked > s.capacity or s.booked <> (select count(*) from bookings b where b.slot_id = s.id and b.status <> 'cancelled'))`,
      [SERVICE],
    );
    const duplicates = await q1(
      `select count(*)::int as n from (select 1 from bookings where status <> 'cancelled' group by service_id, date, nik_hash having count(*) > 1) d`,
    );
    const numberGaps = await q1(
      `select (coalesce(max(number), 0) - count(distinct number))::int as n from bookings where service_id = $1 and date = $2::date`,
      [SERVICE, DATE],
    );
    const after = await daySlots(server.url);
    const remaining = after.slots.slice(0, SLOTS).reduce((n, s) => n + s.remaining, 0);

    latency.sort((x, y) => x - y);
    const p = `booking.${kind}`;
    const figures: Record<string, number> = {
      [`${p}.attempts`]: work.length,
      [`${p}.places`]: total,
      [`${p}.in_flight`]: scale.inFlight,
      [`${p}.issued`]: issued,
      [`${p}.overbooked`]: Math.max(0, issued - total),
      [`${p}.underbooked`]: Math.max(0, total - issued),
      [`${p}.duplicates`]: duplicates,
      [`${p}.slot_mismatches`]: slotMismatch,
      [`${p}.number_gaps`]: numberGaps,
      [`${p}.remaining_after`]: remaining,
      [`${p}.p50_ms`]: round1(quantile(latency, 0.5)),
      [`${p}.p90_ms`]: round1(quantile(latency, 0.9)),
      [`${p}.p95_ms`]: round1(quantile(latency, 0.95)),
      [`${p}.p99_ms`]: round1(quantile(latency, 0.99)),
      [`${p}.max_ms`]: round1(latency[latency.length - 1] ?? NaN),
      [`${p}.wall_ms`]: Math.round(wallMs),
      [`${p}.sold_out_ms`]: Math.round(load.soldOutMs),
      [`${p}.server_loop_delay_max_ms`]: Math.round(loop.max / 1e6),
      [`${p}.server_loop_busy_pct`]: Math.round(serverElu * 100),
      [`${p}.client_loop_busy_pct`]: Math.round(load.elu * 100),
      [`${p}.per_s`]: Math.round((work.length / wallMs) * 1000),
      [`${p}.status_201`]: status.get('201') ?? 0,
      [`${p}.status_409`]: status.get('409') ?? 0,
    };
    for (const [k, n] of status) if (k !== '201' && k !== '409') figures[`${p}.status_${k}`] = n;
    for (const [k, n] of codes) figures[`${p}.code_${k}`] = n;
    if (load.errors.length) figures[`${p}.error_kinds`] = load.errors.length;
    return { figures, errors: load.errors.map(([k, n]) => `${n}× ${k}`) };
  } finally {
    await server.close();
    await drop();
  }
}

/** What a rush must never break: every place taken once, no NIK twice, every attempt answered. */
function invariants(kind: DbKind, f: Record<string, number>): string[] {
  const p = `booking.${kind}`;
  const broken = mustEqual(f, {
    [`${p}.overbooked`]: 0,
    [`${p}.underbooked`]: 0,
    [`${p}.duplicates`]: 0,
    [`${p}.slot_mismatches`]: 0,
    [`${p}.number_gaps`]: 0,
    [`${p}.remaining_after`]: 0,
  });
  // Every attempt answered 201 or a 409 problem (slot full, NIK already booked): a 5xx, another
  // status or a transport error (timeout, reset) is a broken booking path.
  const answered = (f[`${p}.status_201`] ?? 0) + (f[`${p}.status_409`] ?? 0);
  if (answered !== f[`${p}.attempts`])
    broken.push(`${p}: ${f[`${p}.attempts`]! - answered} of ${f[`${p}.attempts`]} attempts answered neither 201 nor 409`);
  return broken;
}

/**
 * The floor of this machine: the same load generator (same requests, connections and in-flight
 * count) against a Hono handler that parses the body and answers a 409 problem at once, with no
 * database and no booking logic. On 2 cores the client and the server share the CPU, so this is
 * what any booking path measured here pays before doing anything.
 */
export async function runFloor(scale: Scale): Promise<Record<string, number>> {
  const app = new Hono();
  app.get('/healthz', (c) => c.text('ok'));
  app.post('/api/v1/bookings', async (c) => {
    const body = (await c.req.json()) as { slotId?: unknown };
    return c.json({ type: 'about:blank', title: 'Slot full', status: 409, code: 'slot_full', slot: body.slotId }, 409, {
      'content-type': 'application/problem+json',
    });
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  try {
    const { port } = server.address() as { port: number };
    let elu0 = performance.eventLoopUtilization();
    const load = await runInWorker<LoadResult>(
      import.meta.url,
      {
        role: LOAD_ROLE,
        url: `http://127.0.0.1:${port}`,
        inFlight: scale.inFlight,
        slotIds: Array.from({ length: SLOTS }, (_, i) => `floor-${i}`),
        work: attempts(scale.attempts),
      } satisfies LoadInput,
      () => (elu0 = performance.eventLoopUtilization()),
    );
    const serverElu = performance.eventLoopUtilization(elu0).utilization;
    const latency = load.latency.sort((x, y) => x - y);
    return {
      'booking.http_floor.p50_ms': round1(quantile(latency, 0.5)),
      'booking.http_floor.p95_ms': round1(quantile(latency, 0.95)),
      'booking.http_floor.p99_ms': round1(quantile(latency, 0.99)),
      'booking.http_floor.per_s': Math.round((latency.length / load.wallMs) * 1000),
      'booking.http_floor.server_loop_busy_pct': Math.round(serverElu * 100),
      'booking.http_floor.client_loop_busy_pct': Math.round(load.elu * 100),
      'booking.http_floor.errors': load.errors.reduce((n, [, k]) => n + k, 0),
    };
  } finally {
    await new Promise((r) => server.close(r));
  }
}

function pgbenchPath(): string {
  if (process.env.PGBENCH) return process.env.PGBENCH;
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'pgbench'))) return join(dir, 'pgbench');
  for (const v of ['17', '16', '15', '14'])
    if (existsSync(`/usr/lib/postgresql/${v}/bin/pgbench`)) return `/usr/lib/postgresql/${v}/bin/pgbench`;
  throw new Error('pgbench not found (set PGBENCH)');
}

/** pgbench updating ONE row from 16 clients for a few seconds: the server's hot-row update rate. */
async function pgbenchSingleRow(url: string, seconds: number): Promise<number> {
  const name = `mpp_pgbench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const dir = mkdtempSync(join(tmpdir(), 'mpp-pgbench-'));
  try {
    await admin.unsafe(`create database ${name}`);
    const u = new URL(url);
    const env = {
      ...process.env,
      PGHOST: u.hostname,
      PGPORT: u.port || '5432',
      PGUSER: decodeURIComponent(u.username),
      PGPASSWORD: decodeURIComponent(u.password),
      PGDATABASE: name,
    };
    const run = promisify(execFile);
    const bin = pgbenchPath();
    await run(bin, ['-i', '-s', '1', '-q'], { env, timeout: 60_000 });
    const script = join(dir, 'single-row.sql');
    writeFileSync(script, '\\set d random(1, 1)\nUPDATE pgbench_branches SET bbalance = bbalance + 1 WHERE bid = 1;\n');
    const { stdout } = await run(bin, ['-c', '16', '-j', '2', '-T', String(seconds), '-n', '-f', script], { env, timeout: 60_000 });
    const m = /^tps = ([\d.]+)/m.exec(stdout);
    if (!m) throw new Error(`pgbench: no tps line in ${stdout}`);
    return Number(m[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
  }
}

function rowsOf(kind: DbKind, f: Record<string, number>): Row[] {
  const p = `booking.${kind}`;
  const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const rows: Row[] = [
    {
      name: `${label}: ${f[`${p}.attempts`]} concurrent bookings (${f[`${p}.in_flight`]} in flight) for ${f[`${p}.places`]} places`,
      value: f[`${p}.wall_ms`]!,
      unit: 'ms',
    },
    { name: '  last ticket issued after', value: f[`${p}.sold_out_ms`]!, unit: 'ms' },
    { name: `  tickets issued (must be ${f[`${p}.places`]})`, value: f[`${p}.issued`]!, unit: '' },
    { name: '  overbooked (must be 0)', value: f[`${p}.overbooked`]!, unit: '' },
    { name: '  NIKs with >1 active ticket that day (must be 0)', value: f[`${p}.duplicates`]!, unit: '' },
    { name: '  slots over capacity or booked ≠ tickets (must be 0)', value: f[`${p}.slot_mismatches`]!, unit: '' },
    { name: '  gaps in ticket numbers (must be 0)', value: f[`${p}.number_gaps`]!, unit: '' },
    { name: '  request latency p50', value: f[`${p}.p50_ms`]!, unit: 'ms' },
    { name: '  request latency p95', value: f[`${p}.p95_ms`]!, unit: 'ms' },
    { name: '  request latency p99', value: f[`${p}.p99_ms`]!, unit: 'ms' },
    { name: `  p99 ÷ HTTP floor p99 (target ≤ ${P99_TO_FLOOR[kind]}×)`, value: f[`${p}.p99_to_floor`]!, unit: '×' },
    { name: '  attempts completed per second', value: f[`${p}.per_s`]!, unit: '/s' },
    { name: '  server event loop blocked at most', value: f[`${p}.server_loop_delay_max_ms`]!, unit: 'ms' },
  ];
  for (const [k, v] of Object.entries(f))
    if (k.startsWith(`${p}.status_`) || k.startsWith(`${p}.code_`)) rows.push({ name: `  ${k.slice(p.length + 1)}`, value: v, unit: '' });
  if (f[`${p}.pgbench_single_row_tps`] !== undefined) {
    rows.push({
      name: `  pgbench single-row UPDATE, same server (-c 16 -j 2 -T ${f[`${p}.pgbench_seconds`]})`,
      value: f[`${p}.pgbench_single_row_tps`]!,
      unit: 'tps',
    });
    rows.push({ name: '  booking attempts/s ÷ pgbench tps (target ≥ 0.3)', value: f[`${p}.ratio_to_pgbench`]!, unit: '' });
  }
  return rows;
}

/** The latency targets: booking p99 at most this many times the HTTP floor's p99 of the same run. */
export const P99_TO_FLOOR: Record<DbKind, number> = { postgres: 1.5, pglite: 2 };

export async function benchBooking({ smoke }: BenchOptions): Promise<SectionResult> {
  const scale = smoke ? SMOKE : FULL;
  const figures: Record<string, number> = {};
  const rows: Row[] = [];
  const notes: string[] = [];
  const broken: string[] = [];
  const floors: Array<Record<string, number>> = [];
  for (let i = 0; i < scale.floorRuns; i++) floors.push(await runFloor(scale));
  floors.sort((a, b) => a['booking.http_floor.p99_ms']! - b['booking.http_floor.p99_ms']!);
  const floor = floors[floors.length >> 1]!;
  const floorErrors = floors.reduce((n, f) => n + f['booking.http_floor.errors']!, 0);
  Object.assign(figures, floor, {
    'booking.http_floor.runs': floors.length,
    'booking.http_floor.p99_min_ms': floors[0]!['booking.http_floor.p99_ms']!,
    'booking.http_floor.p99_max_ms': floors[floors.length - 1]!['booking.http_floor.p99_ms']!,
    'booking.http_floor.errors': floorErrors,
  });
  if (floorErrors) broken.push(`booking.http_floor: ${floorErrors} requests failed`);
  rows.push(
    {
      name: `HTTP floor, the same ${scale.attempts} requests (${scale.inFlight} in flight) to a handler answering 409 at once: p50`,
      value: floor['booking.http_floor.p50_ms']!,
      unit: 'ms',
    },
    { name: '  request latency p95', value: floor['booking.http_floor.p95_ms']!, unit: 'ms' },
    { name: `  request latency p99 (the median of ${floors.length} runs)`, value: floor['booking.http_floor.p99_ms']!, unit: 'ms' },
    { name: '  … lowest p99 of those runs', value: figures['booking.http_floor.p99_min_ms']!, unit: 'ms' },
    { name: '  … highest p99 of those runs', value: figures['booking.http_floor.p99_max_ms']!, unit: 'ms' },
    { name: '  requests completed per second', value: floor['booking.http_floor.per_s']!, unit: '/s' },
  );
  const url = process.env.TEST_DATABASE_URL;
  const kinds: DbKind[] = url ? ['pglite', 'postgres'] : ['pglite'];
  for (const kind of kinds) {
    const p = `booking.${kind}`;
    // One database failing (a server that does not start on it, …) leaves the other's figures.
    try {
      const { figures: f, errors } = await runOne(kind, scale, url);
      f[`${p}.p99_to_floor`] = Math.round((f[`${p}.p99_ms`]! / floor['booking.http_floor.p99_ms']!) * 100) / 100;
      if (kind === 'postgres') {
        const tps = await pgbenchSingleRow(url!, scale.pgbenchSeconds);
        f[`${p}.pgbench_seconds`] = scale.pgbenchSeconds;
        f[`${p}.pgbench_single_row_tps`] = Math.round(tps);
        f[`${p}.ratio_to_pgbench`] = Math.round((f[`${p}.per_s`]! / tps) * 100) / 100;
      }
      Object.assign(figures, f);
      rows.push(...rowsOf(kind, f));
      broken.push(...invariants(kind, f));
      notes.push(...errors.map((e) => `${p} transport error: ${e}`));
    } catch (e) {
      const { message, stack } = describeError(e);
      broken.push(`${p}: ${message}`);
      notes.push(`${p}: ${stack}`);
    }
  }
  if (!url) rows.push({ name: 'PostgreSQL: skipped (TEST_DATABASE_URL not set)', value: 0, unit: '' });
  return { rows, figures, notes, broken };
}

if (!isMainThread && (workerData as { role?: unknown } | null)?.role === LOAD_ROLE) {
  parentPort!.postMessage(await sendAll(workerData as LoadInput));
}

if (isMainThread && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchBooking({ smoke: process.argv.includes('--smoke') });
  printRows(r.rows);
  for (const n of r.notes) console.log(`  ${n}`);
  for (const b of r.broken) console.log(`BROKEN ${b}`);
  process.exitCode = r.broken.length ? 1 : 0;
}
