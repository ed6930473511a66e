/**
 * Submit under faults: 500 Si Badra reports (20 in the smoke run), each with one small photo and
 * its own capture token, pushed through core's `createComplaintOutbox` + `createComplaintsApi` to
 * the real server, through a proxy that spoils 30 % of the requests:
 * - 10 % refused before forwarding (the connection is cut: no answer, the server saw nothing);
 * - 10 % answered by the proxy itself (half a 502 HTML page, half a 503 problem), not forwarded;
 * - 10 % cut AFTER the server answered: the server did the work, the phone never hears of it.
 * The reports come from 100 phones (5 each; 10 × 2 in the smoke run), each its own outbox over its
 * own storage and its own address (X-Forwarded-For, as behind a carrier's NAT), all flushing at
 * once and retrying with the outbox's backoff (shortened here to 20 ms–0.5 s) until every report is
 * sent or refused. Then the database is counted: each report stored exactly once (by its text),
 * with its one photo, under the tracking code its outbox got; 0 duplicates, 0 lost, no photo
 * stored twice or left unattached.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createComplaintOutbox, createComplaintsApi, createHttp, type ComplaintOutbox, type OutboxStorage } from '@mpp-kit/core';
import type { BenchOptions, Row, SectionResult } from './rows.js';
import { BENCH_CONFIG, BOGOR_COMPLAINTS, mulberry32, openDatabase, silentLogger, startServer } from './server.js';

type Fault = 'ok' | 'refused' | 'proxy_502' | 'proxy_503' | 'cut_after_answer';
const FAULT_SHARE = { refused: 0.1, proxy_502: 0.05, proxy_503: 0.05, cut_after_answer: 0.1 } as const;
/** Somewhere in Kota Bogor (inside the demo's boundary). */
const BOGOR = { lat: -6.5971, lng: 106.806, accuracy: 15 };

/** A minimal JPEG (segment structure the server sniffs and strips), distinct per report. */
function smallJpeg(n: number): Uint8Array<ArrayBuffer> {
  const seg = (marker: number, payload: number[]) => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 255, ...payload];
  const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
  return new Uint8Array([
    0xff,
    0xd8,
    ...seg(0xe0, [...ascii('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...seg(0xdb, [0, ...new Array(64).fill(1)]),
    ...seg(0xda, [1, 1, 0, 0, 0x3f, 0]),
    ...[(n >> 16) & 0x7f, (n >> 8) & 0xff, n & 0xff].map((b) => (b === 0xff ? 0xfe : b)),
    0xff,
    0xd9,
  ]);
}

/** The proxy in front of the server: forwards, or spoils the request as drawn (seeded, so runs repeat). */
async function faultyProxy(
  target: string,
  seed: number,
): Promise<{ url: string; counts: Record<Fault, number>; byRoute: Record<string, Record<Fault, number>>; close(): Promise<void> }> {
  const up = new URL(target);
  const random = mulberry32(seed);
  const counts: Record<Fault, number> = { ok: 0, refused: 0, proxy_502: 0, proxy_503: 0, cut_after_answer: 0 };
  /** Faults by route: `upload` (photo) or `create` (complaint). */
  const byRoute: Record<string, Record<Fault, number>> = {};
  const draw = (): Fault => {
    let x = random();
    for (const [k, share] of Object.entries(FAULT_SHARE) as Array<[Fault, number]>) if ((x -= share) < 0) return k;
    return 'ok';
  };
  const server: Server = createServer((req, res) => {
    const fault = draw();
    counts[fault]++;
    const route = req.url?.endsWith('/complaints/photos') ? 'upload' : 'create';
    (byRoute[route] ??= { ok: 0, refused: 0, proxy_502: 0, proxy_503: 0, cut_after_answer: 0 })[fault]++;
    if (fault === 'refused') return void req.socket.destroy();
    if (fault === 'proxy_502') {
      req.resume();
      return void res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    }
    if (fault === 'proxy_503') {
      req.resume();
      const body = { type: 'about:blank', title: 'Service unavailable', status: 503, code: 'unavailable' };
      return void res.writeHead(503, { 'content-type': 'application/problem+json' }).end(JSON.stringify(body));
    }
    const forward = httpRequest(
      { host: up.hostname, port: up.port, method: req.method, path: req.url, headers: { ...req.headers, host: up.host } },
      (answer: IncomingMessage) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          // The server has answered (and committed): the phone never hears of it.
          if (fault === 'cut_after_answer') return void req.socket.destroy();
          res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(chunks));
        });
      },
    );
    forward.on('error', () => req.socket.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    byRoute,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

const mapStorage = (): OutboxStorage => {
  const map = new Map<string, unknown>();
  return {
    get: async (k) => map.get(k),
    set: async (k, v) => void map.set(k, v),
    del: async (k) => void map.delete(k),
    keys: async () => [...map.keys()],
  };
};

const textOf = (n: number) => `Laporan uji ${n}: lampu jalan mati di depan gang nomor ${n}`;

export async function benchOutbox(o: BenchOptions): Promise<SectionResult> {
  const phones = o.smoke ? 10 : 100;
  const perPhone = o.smoke ? 2 : 5;
  const total = phones * perPhone;
  const db = await openDatabase({});
  const server = await startServer({ port: 0, db, seedDemo: true, logger: silentLogger, config: BENCH_CONFIG, jobs: false });
  const proxy = await faultyProxy(server.url, 20261207);
  try {
    const category = BOGOR_COMPLAINTS.categories[0]!.id;
    // Each report's capture token, asked of the server directly (when the camera opened: not the outbox's job).
    const direct = createComplaintsApi(createHttp({ baseUrl: `${server.url}/api/v1` }));
    const outboxes: ComplaintOutbox[] = [];
    for (let p = 0; p < phones; p++) {
      const address = `10.${(p >> 8) & 255}.${p & 255}.7`;
      const phoneFetch = ((input: string | URL | Request, init?: RequestInit) => {
        const req = new Request(input, init);
        req.headers.set('x-forwarded-for', address);
        return fetch(req);
      }) as typeof fetch;
      const api = createComplaintsApi(createHttp({ baseUrl: `${proxy.url}/api/v1`, fetch: phoneFetch, retry: 0 }), { fetch: phoneFetch });
      const outbox = createComplaintOutbox({ api, storage: mapStorage(), backoff: { baseMs: 20, maxMs: 500 }, timeoutMs: 15_000 });
      for (let k = 0; k < perPhone; k++) {
        const n = p * perPhone + k;
        const { token } = await direct.captureToken({ headers: { 'x-forwarded-for': address } });
        await outbox.add({
          request: { categoryId: category, text: textOf(n), location: BOGOR, privacy: 'anonim', email: `warga${n}@contoh.id` },
          photos: [{ token, blob: new Blob([smallJpeg(n)], { type: 'image/jpeg' }) }],
        });
      }
      outboxes.push(outbox);
    }

    // Every phone flushes until nothing is pending, waiting out its backoff between runs.
    const t0 = performance.now();
    let runs = 0;
    const deadline = Date.now() + (o.smoke ? 60_000 : 300_000);
    await Promise.all(
      outboxes.map(async (outbox) => {
        for (;;) {
          runs++;
          const r = await outbox.flush();
          if (r.pending === 0 || Date.now() > deadline) return;
          const next = outbox.store.getSnapshot().nextAttemptAt ?? Date.now();
          await new Promise((res) => setTimeout(res, Math.max(0, next - Date.now())));
        }
      }),
    );
    const drainMs = performance.now() - t0;

    const states = outboxes.map((b) => b.store.getSnapshot());
    const sent = states.reduce((s, x) => s + x.sent, 0);
    const failed = states.flatMap((x) => x.items.filter((i) => i.status === 'failed'));
    const pending = states.reduce((s, x) => s + x.pending, 0);
    const receipts = new Map(
      states.flatMap((x) => x.items.flatMap((i) => (i.receipt ? [[i.request.text, i.receipt.trackingCode] as const] : []))),
    );

    // The database's word.
    const stored = await db.query<{ text: string; tracking_code: string; photos: number }>(
      `select c.text, c.tracking_code, (select count(*)::int from complaint_photos p where p.complaint_id = c.id) as photos
         from complaints c where c.text like 'Laporan uji %'`,
    );
    const byText = new Map<string, number>();
    for (const s of stored) byText.set(s.text, (byText.get(s.text) ?? 0) + 1);
    let lost = 0;
    for (let n = 0; n < total; n++) if (!byText.has(textOf(n))) lost++;
    const duplicates = stored.length - byText.size;
    const wrongCode = stored.filter((s) => receipts.get(s.text) !== s.tracking_code).length;
    const photoless = stored.filter((s) => s.photos !== 1).length;
    const [orphans] = await db.query<{ n: number }>(`select count(*)::int as n from complaint_photos where complaint_id is null`);
    const [photoDups] = await db.query<{ n: number }>(
      `select count(*)::int as n from (select token_id from complaint_photos group by token_id having count(*) > 1) d`,
    );
    const requests = Object.values(proxy.counts).reduce((a, b) => a + b, 0);
    const spoiled = requests - proxy.counts.ok;

    const figures: Record<string, number> = {
      'outbox.reports': total,
      'outbox.stored': byText.size,
      'outbox.duplicates': duplicates,
      'outbox.lost': lost,
      'outbox.sent': sent,
      'outbox.failed': failed.length,
      'outbox.pending': pending,
      'outbox.wrong_tracking_code': wrongCode,
      'outbox.photos_not_one': photoless,
      'outbox.photos_unattached': Number(orphans?.n ?? 0),
      'outbox.photos_stored_twice': Number(photoDups?.n ?? 0),
      'outbox.requests': requests,
      'outbox.spoiled_share': Math.round((spoiled / requests) * 1000) / 1000,
      'outbox.requests_per_report': Math.round((requests / total) * 100) / 100,
      'outbox.drain_ms': Math.round(drainMs),
      'outbox.uploads_cut_after_answer': proxy.byRoute.upload?.cut_after_answer ?? 0,
      'outbox.creates_cut_after_answer': proxy.byRoute.create?.cut_after_answer ?? 0,
    };
    const rows: Row[] = [
      { name: `reports queued (${phones} phones × ${perPhone})`, value: total, unit: '' },
      { name: 'stored in the database (distinct)', value: byText.size, unit: '' },
      { name: 'duplicates', value: duplicates, unit: '' },
      { name: 'lost (not stored)', value: lost, unit: '' },
      { name: 'refused by the server (failed in the outbox)', value: failed.length, unit: '' },
      { name: 'stored under another tracking code than the outbox got', value: wrongCode, unit: '' },
      {
        name: 'photos unattached / stored twice',
        value: figures['outbox.photos_unattached']! + figures['outbox.photos_stored_twice']!,
        unit: '',
      },
      { name: 'requests through the proxy', value: requests, unit: '' },
      {
        name: `spoiled by the proxy (${Object.entries(proxy.counts)
          .filter(([k]) => k !== 'ok')
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')})`,
        value: spoiled,
        unit: '',
      },
      {
        name: 'photo uploads whose answer was cut (the photo stored, the phone unaware)',
        value: figures['outbox.uploads_cut_after_answer']!,
        unit: '',
      },
      { name: 'complaint creates whose answer was cut', value: figures['outbox.creates_cut_after_answer']!, unit: '' },
      { name: 'requests per report (2 without faults)', value: figures['outbox.requests_per_report']!, unit: '' },
      { name: `until every outbox was empty (${runs} flush runs)`, value: figures['outbox.drain_ms']!, unit: 'ms' },
    ];
    const broken: string[] = [];
    if (byText.size !== total || lost) broken.push(`outbox: ${byText.size} of ${total} reports stored, ${lost} lost`);
    if (duplicates) broken.push(`outbox: ${duplicates} duplicate complaints`);
    if (wrongCode) broken.push(`outbox: ${wrongCode} complaints stored under another tracking code than the outbox's receipt`);
    if (photoless) broken.push(`outbox: ${photoless} complaints without exactly one photo`);
    if (figures['outbox.photos_unattached'])
      broken.push(`outbox: ${figures['outbox.photos_unattached']} photos stored but attached to no complaint`);
    if (figures['outbox.photos_stored_twice'])
      broken.push(`outbox: ${figures['outbox.photos_stored_twice']} capture tokens carried two stored photos`);
    if (pending) broken.push(`outbox: ${pending} reports still pending at the deadline`);
    const problems = new Map<string, number>();
    for (const f of failed) problems.set(f.problem?.code ?? '?', (problems.get(f.problem?.code ?? '?') ?? 0) + 1);
    return {
      rows,
      figures,
      broken,
      notes: [
        ...(problems.size ? [`refusals: ${[...problems].map(([k, v]) => `${k} × ${v}`).join(', ')}`] : []),
        'the outbox backoff is shortened to 20 ms–0.5 s here (a phone waits 2 s–5 min)',
      ],
    };
  } finally {
    await proxy.close();
    await server.close();
    await db.close();
  }
}
