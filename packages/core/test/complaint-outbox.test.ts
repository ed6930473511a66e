import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createComplaintOutbox, createComplaintsApi, createHttp, type OutboxStorage } from '../src/index.js';

/** idb-keyval's four calls over a Map (values kept as they are, like a structured clone of a Blob). */
function mapStorage(): OutboxStorage & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: async (k) => map.get(k),
    set: async (k, v) => void map.set(k, v),
    del: async (k) => void map.delete(k),
    keys: async () => [...map.keys()],
  };
}

type Call = { method: string; path: string; headers: Headers; body: string };
type Answer = Response | Error | ((call: Call) => Response | Error);

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
const problem = (status: number, code: string) => json({ type: 'about:blank', title: code, status, code }, status);

const CODE = 'SB-7K3MQ-9XD2F';
const receipt = { trackingCode: CODE, status: 'received', contactVerified: false, contactHint: 's***@gmail.com' };
const photoId = (n: number) => `ph_${String(n).padStart(22, 'a')}`;
const photoReceipt = (n: number) => ({ id: photoId(n), type: 'image/jpeg', bytes: 4, capturedAt: '2026-12-07T02:00:00.000Z' });
const request = {
  categoryId: 'jalan-rusak',
  text: 'Lubang besar di Jalan Pajajaran depan halte',
  location: { lat: -6.6, lng: 106.8, accuracy: 12 },
  privacy: 'anonim' as const,
  email: 'siti@gmail.com',
};

/**
 * A fake server: answers per route from queues (`upload`, `create`); a queue's last answer repeats.
 * An answer can be an Error (no response) or a function of the call.
 */
function fakeServer(routes: { upload?: Answer[]; create?: Answer[] }) {
  const calls: Call[] = [];
  let uploads = 0;
  const queues = {
    upload: routes.upload ?? [(): Response => json(photoReceipt(++uploads), 201)],
    create: routes.create ?? [json(receipt, 201)],
  };
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(input, init);
    const call = { method: req.method, path: new URL(req.url).pathname, headers: req.headers, body: await req.text() };
    calls.push(call);
    const q = call.path.endsWith('/complaints/photos') ? queues.upload : queues.create;
    let a = q.length > 1 ? q.shift()! : q[0]!;
    if (typeof a === 'function') a = a(call);
    if (a instanceof Error) throw a;
    return a.clone();
  };
  const http = createHttp({ baseUrl: 'https://sibadra.example/api/v1', fetch: fetch as typeof globalThis.fetch, retry: 0 });
  const api = createComplaintsApi(http, { fetch: fetch as typeof globalThis.fetch });
  return {
    api,
    calls,
    uploads: () => calls.filter((c) => c.path.endsWith('/photos')),
    creates: () => calls.filter((c) => c.path.endsWith('/complaints')),
  };
}

const photo = (text: string) => ({ token: `tok-${text}`, blob: new Blob([text], { type: 'image/jpeg' }) });
const clock = (start = Date.parse('2026-12-07T02:00:00Z')) => {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
};

describe('createComplaintOutbox', () => {
  it('keeps a queued report in storage, so an outbox opened after a reload sends it: photos, then the report with its key', async () => {
    const storage = mapStorage();
    const first = createComplaintOutbox({ api: fakeServer({}).api, storage });
    const entry = await first.add({ request, photos: [photo('one'), photo('two')], idempotencyKey: 'key-1' });
    assert.equal(entry.status, 'pending');
    assert.equal(first.store.getSnapshot().pending, 1);
    assert.equal([...storage.map.keys()].length, 3, 'the report and the bytes of its two photos');

    const server = fakeServer({});
    const reloaded = createComplaintOutbox({ api: server.api, storage });
    const result = await reloaded.flush();
    assert.deepEqual(result, { sent: 1, failed: 0, pending: 0 });
    const [u1, u2] = server.uploads();
    assert.equal(u1?.headers.get('mpp-capture-token'), 'tok-one');
    assert.equal(u1?.body, 'one');
    assert.equal(u2?.headers.get('mpp-capture-token'), 'tok-two');
    const [create] = server.creates();
    assert.equal(create?.headers.get('idempotency-key'), 'key-1');
    assert.deepEqual(JSON.parse(create!.body), { ...request, photoIds: [photoId(1), photoId(2)] });
    const s = reloaded.store.getSnapshot();
    assert.equal(s.sent, 1);
    assert.equal(s.pending, 0);
    assert.deepEqual(s.items[0]?.receipt, receipt);
    assert.deepEqual([...storage.map.keys()], ['si-badra-outbox:item:key-1'], 'the photo bytes are dropped once the report is filed');
    // Sent stays sent, across a reload too.
    const again = fakeServer({});
    const third = createComplaintOutbox({ api: again.api, storage });
    assert.deepEqual(await third.flush(), { sent: 0, failed: 0, pending: 0 });
    assert.equal(again.calls.length, 0);
    assert.equal(third.store.getSnapshot().items[0]?.receipt?.trackingCode, CODE);
  });

  it('saves each photo id as it arrives: after a reload only the photos not uploaded are sent again', async () => {
    const storage = mapStorage();
    const server = fakeServer({ upload: [json(photoReceipt(7), 201), new TypeError('connection reset')] });
    const outbox = createComplaintOutbox({ api: server.api, storage });
    await outbox.add({ request, photos: [photo('one'), photo('two')], idempotencyKey: 'key-2' });
    assert.deepEqual(await outbox.flush(), { sent: 0, failed: 0, pending: 1 });
    assert.equal(server.creates().length, 0);
    assert.deepEqual(outbox.store.getSnapshot().items[0]?.photos, [
      { token: 'tok-one', id: photoId(7) },
      { token: 'tok-two', id: null },
    ]);

    const next = fakeServer({ upload: [json(photoReceipt(8), 201)] });
    const reloaded = createComplaintOutbox({ api: next.api, storage });
    assert.deepEqual(await reloaded.flush({ force: true }), { sent: 1, failed: 0, pending: 0 });
    assert.deepEqual(
      next.uploads().map((c) => c.headers.get('mpp-capture-token')),
      ['tok-two'],
    );
    assert.deepEqual(JSON.parse(next.creates()[0]!.body).photoIds, [photoId(7), photoId(8)]);
  });

  it('retries a lost answer with the same Idempotency-Key, after a backoff that grows', async () => {
    const storage = mapStorage();
    const c = clock();
    const server = fakeServer({
      create: [new TypeError('socket hang up'), problem(503, 'unavailable'), json(receipt, 201)],
    });
    const outbox = createComplaintOutbox({ api: server.api, storage, now: c.now, random: () => 1, backoff: { baseMs: 1000, maxMs: 5000 } });
    await outbox.add({ request, photos: [photo('one')], idempotencyKey: 'key-3' });

    assert.deepEqual(await outbox.flush(), { sent: 0, failed: 0, pending: 1 });
    let s = outbox.store.getSnapshot();
    assert.equal(s.items[0]?.attempts, 1);
    assert.equal(s.nextAttemptAt, c.now() + 1000);
    assert.deepEqual(s.lastError, { code: 'network', kind: 'network' });

    // Not due yet: nothing is sent.
    c.advance(999);
    await outbox.flush();
    assert.equal(server.creates().length, 1);

    c.advance(1);
    assert.deepEqual(await outbox.flush(), { sent: 0, failed: 0, pending: 1 });
    s = outbox.store.getSnapshot();
    assert.equal(s.items[0]?.attempts, 2);
    assert.equal(s.nextAttemptAt, c.now() + 2000, 'the delay doubles');
    assert.equal(s.lastError?.code, 'unavailable');

    c.advance(2000);
    assert.deepEqual(await outbox.flush(), { sent: 1, failed: 0, pending: 0 });
    assert.equal(server.uploads().length, 1, 'the photo was uploaded once: its id was kept');
    assert.deepEqual(
      server.creates().map((x) => x.headers.get('idempotency-key')),
      ['key-3', 'key-3', 'key-3'],
    );
    assert.equal(outbox.store.getSnapshot().lastError, null);
  });

  it('caps the backoff and spreads it by the random factor', async () => {
    const c = clock();
    const server = fakeServer({ create: [new TypeError('offline')] });
    const outbox = createComplaintOutbox({
      api: server.api,
      storage: mapStorage(),
      now: c.now,
      random: () => 0,
      backoff: { baseMs: 1000, maxMs: 4000 },
    });
    await outbox.add({ request, photos: [], idempotencyKey: 'key-4' });
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      await outbox.flush({ force: true });
      delays.push(outbox.store.getSnapshot().nextAttemptAt! - c.now());
    }
    assert.deepEqual(delays, [500, 1000, 2000, 2000, 2000]);
  });

  it('marks a report refused with a 4xx as failed with the problem, and never sends it again', async () => {
    const server = fakeServer({ upload: [problem(422, 'capture_token_expired')] });
    const outbox = createComplaintOutbox({ api: server.api, storage: mapStorage() });
    await outbox.add({ request, photos: [photo('one')], idempotencyKey: 'key-5' });
    assert.deepEqual(await outbox.flush(), { sent: 0, failed: 1, pending: 0 });
    const s = outbox.store.getSnapshot();
    assert.equal(s.failed, 1);
    assert.equal(s.items[0]?.status, 'failed');
    assert.equal(s.items[0]?.problem?.code, 'capture_token_expired');
    assert.equal(s.items[0]?.problem?.status, 422);
    await outbox.flush({ force: true });
    assert.equal(server.calls.length, 1);
  });

  it('a 4xx on create fails the report; a 429 and a proxy page with 502 are retried', async () => {
    const server = fakeServer({
      create: [problem(429, 'rate_limited'), new Response('<h1>Bad gateway</h1>', { status: 502 }), problem(400, 'validation_failed')],
    });
    const outbox = createComplaintOutbox({ api: server.api, storage: mapStorage() });
    await outbox.add({ request, photos: [], idempotencyKey: 'key-6' });
    assert.equal((await outbox.flush({ force: true })).pending, 1);
    assert.equal((await outbox.flush({ force: true })).pending, 1);
    assert.deepEqual(await outbox.flush({ force: true }), { sent: 0, failed: 1, pending: 0 });
    assert.equal(outbox.store.getSnapshot().items[0]?.problem?.code, 'validation_failed');
  });

  it('gives up a request that does not answer in time and retries it as a timeout', async () => {
    let created = 0;
    const hanging = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const req = input instanceof Request ? input : new Request(input, init);
      if (created++ === 0)
        return new Promise<Response>((_, reject) => req.signal.addEventListener('abort', () => reject(req.signal.reason)));
      return json(receipt, 201);
    }) as typeof fetch;
    const http = createHttp({ baseUrl: 'https://sibadra.example/api/v1', fetch: hanging, retry: 0 });
    const outbox = createComplaintOutbox({ api: createComplaintsApi(http, { fetch: hanging }), storage: mapStorage(), timeoutMs: 50 });
    await outbox.add({ request, photos: [], idempotencyKey: 'key-7' });
    assert.deepEqual(await outbox.flush(), { sent: 0, failed: 0, pending: 1 });
    assert.equal(outbox.store.getSnapshot().lastError?.kind, 'timeout');
    assert.deepEqual(await outbox.flush({ force: true }), { sent: 1, failed: 0, pending: 0 });
  });

  it('runs one flush at a time: concurrent calls share the run, reports added meanwhile are sent by it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const server = fakeServer({});
    const slowApi = {
      uploadPhoto: server.api.uploadPhoto,
      create: async (...args: Parameters<typeof server.api.create>) => {
        await gate;
        return server.api.create(...args);
      },
    };
    const outbox = createComplaintOutbox({ api: slowApi, storage: mapStorage() });
    await outbox.add({ request, photos: [photo('one')], idempotencyKey: 'key-8' });
    const a = outbox.flush();
    const b = outbox.flush();
    assert.equal(a, b);
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(outbox.store.getSnapshot().flushing, true);
    await outbox.add({ request, photos: [], idempotencyKey: 'key-9' });
    release();
    assert.deepEqual(await a, { sent: 2, failed: 0, pending: 0 });
    assert.equal(server.uploads().length, 1);
    assert.deepEqual(
      server.creates().map((x) => x.headers.get('idempotency-key')),
      ['key-8', 'key-9'],
    );
    assert.equal(outbox.store.getSnapshot().flushing, false);
    // A later call starts a new run.
    assert.notEqual(outbox.flush(), a);
  });

  it('adding the same key twice queues one report; remove forgets it and its bytes', async () => {
    const storage = mapStorage();
    const outbox = createComplaintOutbox({ api: fakeServer({ create: [new TypeError('offline')] }).api, storage });
    await outbox.add({ request, photos: [photo('one')], idempotencyKey: 'key-10' });
    await outbox.add({ request, photos: [photo('one')], idempotencyKey: 'key-10' });
    assert.equal(outbox.store.getSnapshot().items.length, 1);
    storage.map.set('other-widget:draft', 1);
    await outbox.remove('key-10');
    assert.deepEqual([...storage.map.keys()], ['other-widget:draft'], 'keys outside the prefix are left alone');
    assert.equal(outbox.store.getSnapshot().pending, 0);
  });

  it('fails a report whose photo bytes vanished from storage, and drops orphan bytes on load', async () => {
    const storage = mapStorage();
    const first = createComplaintOutbox({ api: fakeServer({}).api, storage });
    await first.add({ request, photos: [photo('one')], idempotencyKey: 'key-11' });
    storage.map.delete('si-badra-outbox:photo:key-11:0');
    storage.map.set('si-badra-outbox:photo:gone:0', new Blob(['x']));
    const server = fakeServer({});
    const outbox = createComplaintOutbox({ api: server.api, storage });
    assert.deepEqual(await outbox.flush(), { sent: 0, failed: 1, pending: 0 });
    assert.equal(outbox.store.getSnapshot().items[0]?.problem?.code, 'photo_missing');
    assert.equal(server.calls.length, 0);
    assert.equal(storage.map.has('si-badra-outbox:photo:gone:0'), false);
  });
});
