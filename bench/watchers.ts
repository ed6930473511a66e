// Live position fan-out: 2,000 citizens watch one queue over SSE while a counter calls the next
// ticket. Measures, from just before the staff call, how long until each watcher has an event
// with a newer version (p50, p95, last), three calls, median of each. PGlite always, PostgreSQL
// when TEST_DATABASE_URL is set. The watchers and the staff call run in a worker thread, so the
// clients neither slow the server's event loop down nor wait behind it. Broken when a watcher
// fails to connect, misses an update, or a subscription outlives its socket. The smoke run does
// the same with 200 watchers and two calls.
//
// Run alone: node --conditions=development --import tsx bench/watchers.ts [--smoke]
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { demoNik, freshDb, runInWorker, type DbKind } from './booking.js';
import { describeError, mustEqual, printRows, type BenchOptions, type Row, type SectionResult } from './rows.js';
import { BENCH_CONFIG, silentLogger, startServer, type Db, type Sql } from './server.js';

/** Monday 2026-11-23 09:00 WIB, during opening hours. */
const NOW = new Date('2026-11-23T02:00:00Z');
const TODAY = '2026-11-23';
const AGENCY = 'disdukcapil';
const SERVICE = 'disdukcapil-ktp-el';
/** Watchers and staff calls: the full run, and the smoke run (CI). */
interface Scale {
  watchers: number;
  calls: number;
}
const FULL: Scale = { watchers: 2000, calls: 3 };
const SMOKE: Scale = { watchers: 200, calls: 2 };
/** Tickets booked for today, so every call has someone to call. */
const TICKETS = 6;
/** The admin's bearer token on the bench's own server (`startServer({ adminToken })`). */
const ADMIN_TOKEN = `bench-admin-${randomUUID()}`;
/** SSE connections being set up at once (until their response headers arrive). */
const CONNECTING = 200;
const CONNECT_TIMEOUT_MS = 30_000;
const EVENT_TIMEOUT_MS = 15_000;
const ROLE = 'mpp-bench-watchers';

interface WatchInput {
  role: typeof ROLE;
  /** Int32 [queries in flight, queries started] of the server's database, shared with the main thread. */
  queries: SharedArrayBuffer;
  url: string;
  queueId: string;
  token: string;
  watchers: number;
  calls: number;
}
interface CallRound {
  /** Per watcher: ms from just before the call to its first event with a newer version. */
  p50: number;
  p95: number;
  last: number;
  /** Watchers that saw no newer version within EVENT_TIMEOUT_MS. */
  missed: number;
  /** The staff call's own response time. */
  callMs: number;
  callStatus: number;
  versionBefore: number;
  versionAfter: number;
  /** Database queries the server ran for this call, until it was quiet again (call included). */
  queries: number;
  /** From just before the call until the server's database was quiet again. */
  settleMs: number;
}
interface WatchResult {
  connected: number;
  failed: number;
  failures: Array<[string, number]>;
  connectMs: number;
  rounds: CallRound[];
  /** Sockets the server ended by itself while we watched. */
  droppedByServer: number;
  closeMs: number;
}

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]! : NaN;
const round1 = (n: number) => Math.round(n * 10) / 10;
const median = (xs: number[]) =>
  quantile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The server's database with a count of its queries (in flight, started), in shared memory so
 * the client thread can wait until the server is quiet before it measures.
 */
function countingDb(db: Db, counters: Int32Array): Db {
  const counted =
    <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      Atomics.add(counters, 0, 1);
      Atomics.add(counters, 1, 1);
      try {
        return await fn(...a);
      } finally {
        Atomics.sub(counters, 0, 1);
      }
    };
  const wrap = (sql: Sql): Sql => ({ query: counted(sql.query.bind(sql)) as Sql['query'], exec: counted(sql.exec.bind(sql)) });
  return { ...db, ...wrap(db), transaction: (fn) => db.transaction((tx) => fn(wrap(tx))) };
}

/** Resolves once no query has been in flight for `quietMs` (or after `maxMs`); returns the wait. */
async function quiet(counters: Int32Array, quietMs = 100, maxMs = 15_000): Promise<number> {
  const t0 = performance.now();
  let since = performance.now();
  while (performance.now() - t0 < maxMs) {
    if (Atomics.load(counters, 0) !== 0) since = performance.now();
    else if (performance.now() - since >= quietMs) break;
    await sleep(5);
  }
  return Math.max(0, since - t0);
}

/** One SSE subscriber on a raw socket (no EventSource, no keep-alive agent). */
class Watcher {
  version = -1;
  events = 0;
  closed = false;
  req: http.ClientRequest | null = null;
  res: http.IncomingMessage | null = null;
  #buf = '';
  onVersion: ((v: number) => void) | null = null;

  open(url: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = http.get(url, { agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
        this.res = res;
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`HTTP ${res.statusCode}`));
          return;
        }
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => this.#feed(chunk));
        res.on('close', () => (this.closed = true));
        res.on('error', () => {});
        resolve();
      });
      req.on('error', (e) => {
        this.closed = true;
        reject(e);
      });
      this.req = req;
    });
  }

  #feed(chunk: string): void {
    this.#buf += chunk;
    let end: number;
    while ((end = this.#buf.indexOf('\n\n')) >= 0) {
      const block = this.#buf.slice(0, end);
      this.#buf = this.#buf.slice(end + 2);
      let id: string | null = null;
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('id:')) id = line.slice(3).trim();
        else if (line.startsWith('data:')) data += (data ? '\n' : '') + line.slice(5).trimStart();
      }
      if (!data && id === null) continue; // comment (keep-alive)
      let v = id === null ? NaN : Number(id);
      if (data) {
        const parsed = JSON.parse(data) as { version?: unknown };
        if (typeof parsed.version === 'number') v = parsed.version;
      }
      if (!Number.isFinite(v)) continue;
      this.events++;
      if (v > this.version) {
        this.version = v;
        this.onVersion?.(v);
      }
    }
  }

  close(): void {
    this.req?.destroy();
    this.res?.destroy();
  }
}

/** The client side, in a worker thread: open the watchers, call next CALLS times, close. */
async function watch(input: WatchInput): Promise<WatchResult> {
  const url = `${input.url}/api/v1/queues/${input.queueId}/events`;
  const watchers = Array.from({ length: input.watchers }, () => new Watcher());
  const failures = new Map<string, number>();

  // Open them, CONNECTING at a time; then wait until every open one has its first event.
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECTING }, async () => {
      for (let i = next++; i < watchers.length; i = next++) {
        try {
          await watchers[i]!.open(url);
        } catch (e) {
          const k = e instanceof Error ? `${(e as Error & { code?: string }).code ?? e.name}: ${e.message}` : String(e);
          failures.set(k, (failures.get(k) ?? 0) + 1);
        }
      }
    }),
  );
  const deadline = performance.now() + CONNECT_TIMEOUT_MS;
  const live = () => watchers.filter((w) => w.res && !w.closed);
  while (live().some((w) => w.version < 0) && performance.now() < deadline) await sleep(20);
  const connectMs = performance.now() - t0;
  const ready = live().filter((w) => w.version >= 0);

  const counters = new Int32Array(input.queries);
  const rounds: CallRound[] = [];
  for (let r = 0; r < input.calls; r++) {
    await quiet(counters);
    const queriesBefore = Atomics.load(counters, 1);
    const before = Math.max(...ready.map((w) => w.version));
    const times: number[] = [];
    let resolveAll: () => void = () => {};
    const all = new Promise<void>((res) => (resolveAll = res));
    const start = performance.now();
    for (const w of ready) {
      w.onVersion = (v) => {
        if (v <= before) return;
        w.onVersion = null;
        times.push(performance.now() - start);
        if (times.length === ready.length) resolveAll();
      };
    }
    const callStart = performance.now();
    const res = await fetch(`${input.url}/api/v1/staff/queues/${input.queueId}/call-next`, {
      method: 'POST',
      headers: { authorization: `Bearer ${input.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ counter: 'Loket 1' }),
    });
    const body = (await res.json()) as { queue?: { version?: number } };
    const callMs = performance.now() - callStart;
    await Promise.race([all, sleep(EVENT_TIMEOUT_MS)]);
    for (const w of ready) w.onVersion = null;
    const quietFrom = performance.now();
    const settleMs = quietFrom - start + (await quiet(counters));
    times.sort((a, b) => a - b);
    rounds.push({
      p50: quantile(times, 0.5),
      p95: quantile(times, 0.95),
      last: times[times.length - 1] ?? NaN,
      missed: ready.length - times.length,
      callMs,
      callStatus: res.status,
      versionBefore: before,
      versionAfter: Number(body.queue?.version ?? NaN),
      queries: Atomics.load(counters, 1) - queriesBefore,
      settleMs,
    });
  }

  const droppedByServer = watchers.filter((w) => w.res && w.closed).length;
  const c0 = performance.now();
  await Promise.all(
    watchers.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (!w.req || w.req.destroyed) return resolve();
          w.req.once('close', () => resolve());
          w.close();
        }),
    ),
  );
  return {
    connected: ready.length,
    failed: watchers.length - ready.length,
    failures: [...failures],
    connectMs,
    rounds,
    droppedByServer,
    closeMs: performance.now() - c0,
  };
}

interface AvailabilityBody {
  days: Array<{ date: string; status: string; slots: Array<{ id: string; remaining: number }> }>;
}

async function runOne(kind: DbKind, scale: Scale, dbUrl?: string): Promise<{ figures: Record<string, number>; broken: string[] }> {
  const fresh = await freshDb(kind, dbUrl);
  const queries = new SharedArrayBuffer(8);
  const counters = new Int32Array(queries);
  const db = countingDb(fresh.db, counters);
  const server = await startServer({
    port: 0,
    db,
    seedDemo: true,
    logger: silentLogger,
    clock: { now: () => new Date(NOW) },
    adminToken: ADMIN_TOKEN,
    config: BENCH_CONFIG,
  }).catch(async (e: unknown) => {
    // The database is dropped also when the server cannot start on it.
    await fresh.drop();
    throw e;
  });
  const broken: string[] = [];
  try {
    const [svc] = await db.query<{ queue_prefix: string }>(`select queue_prefix from services where id = $1`, [SERVICE]);
    if (!svc) throw new Error(`no service ${SERVICE}`);
    const queueId = `${AGENCY}.${svc.queue_prefix}`;

    // A few tickets for today, so every call has someone to call.
    const av = (await (
      await fetch(`${server.url}/api/v1/services/${SERVICE}/availability?from=${TODAY}&days=1`)
    ).json()) as AvailabilityBody;
    const slots = av.days[0]?.slots.filter((s) => s.remaining > 0) ?? [];
    if (av.days[0]?.status !== 'open' || slots.length === 0) throw new Error(`${TODAY} is not bookable: ${JSON.stringify(av.days[0])}`);
    for (let i = 0; i < TICKETS; i++) {
      const res = await fetch(`${server.url}/api/v1/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({
          serviceId: SERVICE,
          slotId: slots[i % slots.length]!.id,
          name: `Warga Bogor ${i}`,
          nik: demoNik(i),
          phone: `08123456${String(i).padStart(4, '0')}`,
        }),
      });
      if (res.status !== 201) throw new Error(`booking ${i}: HTTP ${res.status} ${await res.text()}`);
    }

    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const r = await runInWorker<WatchResult>(import.meta.url, {
      role: ROLE,
      queries,
      url: server.url,
      queueId,
      token: ADMIN_TOKEN,
      watchers: scale.watchers,
      calls: scale.calls,
    } satisfies WatchInput).finally(() => loop.disable());

    // Every stream should have unsubscribed once its socket closed; let the server finish its work.
    const deadline = performance.now() + 5000;
    while (server.bus.size > 0 && performance.now() < deadline) await sleep(20);
    await quiet(counters);

    const p = `watchers.${kind}`;
    for (const [k, n] of r.failures) broken.push(`${p}: ${n}× connect failed: ${k}`);
    for (const [i, c] of r.rounds.entries()) {
      if (c.callStatus !== 200) broken.push(`${p}: call ${i + 1} answered HTTP ${c.callStatus}`);
      if (c.missed) broken.push(`${p}: call ${i + 1}: ${c.missed} watchers saw no new version within ${EVENT_TIMEOUT_MS} ms`);
      if (!(c.versionAfter > c.versionBefore)) broken.push(`${p}: call ${i + 1}: version ${c.versionBefore} → ${c.versionAfter}`);
    }
    const rounds = r.rounds;
    const figures = {
      [`${p}.count`]: r.connected,
      [`${p}.failed`]: r.failed,
      [`${p}.connect_all_ms`]: Math.round(r.connectMs),
      [`${p}.p50_ms`]: round1(median(rounds.map((x) => x.p50))),
      [`${p}.p95_ms`]: round1(median(rounds.map((x) => x.p95))),
      [`${p}.last_ms`]: round1(median(rounds.map((x) => x.last))),
      [`${p}.missed`]: Math.max(0, ...rounds.map((x) => x.missed)),
      [`${p}.call_ms`]: round1(median(rounds.map((x) => x.callMs))),
      [`${p}.db_queries_per_call`]: median(rounds.map((x) => x.queries)),
      [`${p}.settle_ms`]: round1(median(rounds.map((x) => x.settleMs))),
      [`${p}.dropped_by_server`]: r.droppedByServer,
      [`${p}.server_loop_delay_max_ms`]: Math.round(loop.max / 1e6),
      [`${p}.subscriptions_left`]: server.bus.size,
    };
    broken.push(
      ...mustEqual(figures, {
        [`${p}.count`]: scale.watchers,
        [`${p}.failed`]: 0,
        [`${p}.dropped_by_server`]: 0,
        [`${p}.subscriptions_left`]: 0,
      }),
    );
    return { figures, broken };
  } finally {
    await server.close();
    await fresh.drop();
  }
}

function rowsOf(kind: DbKind, scale: Scale, f: Record<string, number>): Row[] {
  const p = `watchers.${kind}`;
  const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  return [
    { name: `${label}: SSE watchers connected (of ${scale.watchers})`, value: f[`${p}.count`]!, unit: '' },
    { name: '  all connected with a first event after', value: f[`${p}.connect_all_ms`]!, unit: 'ms' },
    { name: `  call-next → watcher has the new version, p50 (median of ${scale.calls} calls)`, value: f[`${p}.p50_ms`]!, unit: 'ms' },
    { name: '  … p95', value: f[`${p}.p95_ms`]!, unit: 'ms' },
    { name: '  … last watcher', value: f[`${p}.last_ms`]!, unit: 'ms' },
    { name: '  call-next response time', value: f[`${p}.call_ms`]!, unit: 'ms' },
    { name: '  server database queries per call (fan-out included)', value: f[`${p}.db_queries_per_call`]!, unit: '' },
    { name: '  call-next → server database quiet again', value: f[`${p}.settle_ms`]!, unit: 'ms' },
    { name: '  watchers that missed an update (must be 0)', value: f[`${p}.missed`]!, unit: '' },
    { name: '  server event loop blocked at most', value: f[`${p}.server_loop_delay_max_ms`]!, unit: 'ms' },
    { name: '  subscriptions left after all closed (must be 0)', value: f[`${p}.subscriptions_left`]!, unit: '' },
  ];
}

export async function benchWatchers({ smoke }: BenchOptions): Promise<SectionResult> {
  const scale = smoke ? SMOKE : FULL;
  const figures: Record<string, number> = {};
  const rows: Row[] = [];
  const broken: string[] = [];
  const kinds: Array<[DbKind, string | undefined]> = [['pglite', undefined]];
  const url = process.env.TEST_DATABASE_URL;
  if (url) kinds.push(['postgres', url]);
  const notes: string[] = [];
  for (const [kind, dbUrl] of kinds) {
    // One database failing (a server that does not start on it, …) leaves the other's figures.
    try {
      const r = await runOne(kind, scale, dbUrl);
      Object.assign(figures, r.figures);
      rows.push(...rowsOf(kind, scale, r.figures));
      broken.push(...r.broken);
    } catch (e) {
      const { message, stack } = describeError(e);
      broken.push(`watchers.${kind}: ${message}`);
      notes.push(`watchers.${kind}: ${stack}`);
    }
  }
  if (!url) rows.push({ name: 'PostgreSQL: skipped (TEST_DATABASE_URL not set)', value: 0, unit: '' });
  return { rows, figures, notes, broken };
}

if (!isMainThread && (workerData as { role?: unknown } | null)?.role === ROLE) {
  parentPort!.postMessage(await watch(workerData as WatchInput));
}

if (isMainThread && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchWatchers({ smoke: process.argv.includes('--smoke') });
  printRows(r.rows);
  for (const b of r.broken) console.log(`BROKEN ${b}`);
  // Sockets, streams and the server are closed, but each SSE stream of the server leaves its 25 s
  // keep-alive setTimeout behind (not cleared, not unref'd), which would keep the process alive.
  process.exit(r.broken.length ? 1 : 0);
}
